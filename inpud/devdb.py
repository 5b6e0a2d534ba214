"""Embedded PostgreSQL for local work and tests when DATABASE_URL is not set.

pgserver ships PostgreSQL binaries as a Python wheel, so a fresh machine needs nothing
but python3. The cluster lives in ``var/pgdata`` and is left running between commands
(``cleanup_mode=None``) so the next ``make run`` or ``make test`` starts at once; it
listens only on a Unix socket inside that folder, never on a TCP port.
"""

import os
import warnings
from pathlib import Path


def embedded_database_url(base_dir: Path) -> str:
    pgdata = Path(os.environ.get("PGSERVER_DATA", base_dir / "var" / "pgdata"))
    pgdata.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset and falls back to /tmp: harmless.
        warnings.simplefilter("ignore")
        import pgserver  # imported lazily: production never needs it

        server = pgserver.get_server(pgdata, cleanup_mode=None)
    return server.get_uri("postgres")


def stop(base_dir: Path) -> None:
    """Stop the embedded cluster (``make stop-db``); its data stays in var/pgdata."""
    import pgserver

    pgdata = base_dir / "var" / "pgdata"
    if (pgdata / "postmaster.pid").exists():
        pgserver.get_server(pgdata, cleanup_mode="stop").cleanup()


if __name__ == "__main__":
    import sys

    base = Path(__file__).resolve().parent.parent
    if sys.argv[1:] == ["stop"]:
        stop(base)
    else:
        print(embedded_database_url(base))
