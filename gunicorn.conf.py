"""gunicorn settings for `make serve` and deploy/systemd/inpud-gunicorn.service.

Threads (gthread), not sync workers: a sync worker is held for the whole of a slow
client's request, so three clients trickling half a body stalled the whole site. gthread
hands a connection to a thread only once its data has arrived, and each of the workers
has several threads, so a few slow clients cannot take every slot. In production nginx
buffers request bodies as well (deploy/nginx).
Each setting can be changed from the environment (GUNICORN_*).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request running longer than this (a stuck worker) is killed and the worker replaced;
# database statements give up well before (DB_STATEMENT_TIMEOUT_MS).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Request line and headers: gunicorn's defaults, stated so they are not a surprise.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Recycle workers now and then (memory held by a long-lived process).
max_requests = 5000
max_requests_jitter = 500
# Access log off by default: it would record IP addresses and signed links (README,
# Deploying). Errors go to stderr.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# gunicorn 27's control socket is one path per user: two servers (a test beside `make serve`)
# would share it. Nothing here uses it.
control_socket_disable = True
