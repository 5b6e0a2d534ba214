"""A PostgreSQL of the test's own (the pgserver wheel) that the test may stop and restart.

Never the machine's shared server: this cluster lives in var/fault-pgdata, listens only on
a Unix socket there, and is deleted afterwards.
"""

import shutil
import urllib.parse
import warnings
from pathlib import Path

from django.conf import settings


class OwnPostgres:
    def __init__(self, pgdata=None):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
            from pgserver._commands import pg_ctl

        self._pg_ctl = pg_ctl
        self.pgdata = Path(pgdata or Path(settings.BASE_DIR) / "var" / "fault-pgdata")
        shutil.rmtree(self.pgdata, ignore_errors=True)
        self.pgdata.mkdir(parents=True)
        self.server = pgserver.get_server(self.pgdata, cleanup_mode=None)
        self.url = self.server.get_uri("postgres")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.url).query)
        self.socket_dir = query["host"][0]

    def _ctl(self, *args):
        self._pg_ctl(list(args), pgdata=self.pgdata, user=self.server.system_user, timeout=60)

    def stop(self):
        self._ctl("-w", "-m", "fast", "stop")

    def start(self):
        log = str(self.pgdata / "log")
        self._ctl("-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", log, "start")

    def restart(self):
        self._ctl("-w", "-m", "fast", "restart")

    def destroy(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.pgdata, ignore_errors=True)
