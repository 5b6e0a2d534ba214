"""Debian's nginx with the shipped configuration (deploy/nginx/), in front of the app: for
tests/deploy/test_nginx.py and the HTTP benchmark (bench/http.py).

The shipped files are used as they are, with only the machine-specific values replaced:
the upstream's port, the listening port, the certificate, and the folders.
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from django.conf import settings

NGINX = "/usr/sbin/nginx"
DEPLOY = Path(settings.BASE_DIR) / "deploy" / "nginx"
SERVER_NAME = "inpud.example.org"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed_certificate(folder):
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={SERVER_NAME}", "-keyout", key, "-out", cert],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


def render(folder, *, upstream_port, port):
    """The shipped files with this machine's values; returns the main nginx.conf."""
    key, cert = self_signed_certificate(folder)
    values = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream_port};",
        "/var/cache/nginx/inpud": str(folder / "cache"),
        "/var/log/nginx/": f"{folder}/",
        "/srv/inpud/": f"{folder}/srv/",
        f"/etc/letsencrypt/live/{SERVER_NAME}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{SERVER_NAME}/privkey.pem": str(key),
        "listen 443 ssl http2;": f"listen 127.0.0.1:{port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
    }
    for name in ("inpud.conf", "inpud-site.conf"):
        text = (DEPLOY / name).read_text()
        for old, new in values.items():
            text = text.replace(old, new)
        (folder / name).write_text(text)
    (folder / "srv" / "static" / "css").mkdir(parents=True)
    (folder / "srv" / "static" / "css" / "site.css").write_text("body{color:#111}")
    (folder / "srv" / "media").mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(
        f"{user}worker_processes 1;\nerror_log {folder}/error.log;\npid {folder}/nginx.pid;\n"
        "events {}\n"
        f"http {{ include /etc/nginx/mime.types; include {folder}/inpud.conf; "
        f"include {folder}/inpud-site.conf; }}\n"
    )
    return main


class Nginx:
    def __init__(self, folder, *, upstream_port):
        self.folder, self.port = folder, free_port()
        folder.mkdir(parents=True, exist_ok=True)
        config = render(folder, upstream_port=upstream_port, port=self.port)
        self.process = subprocess.Popen(
            [NGINX, "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start: " + self.process.stderr.read().decode())

    @property
    def access_log(self):
        """The log as written so far: nginx buffers it (flush=5s); USR1 makes it write."""
        self.process.send_signal(signal.SIGUSR1)
        path = self.folder / "inpud.access.log"
        deadline = time.monotonic() + 5
        text = path.read_text() if path.exists() else ""
        while time.monotonic() < deadline:
            time.sleep(0.2)
            again = path.read_text() if path.exists() else ""
            if again and again == text:
                break
            text = again
        return text

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
