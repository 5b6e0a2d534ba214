"""``manage.py outbox_worker``: run queued tasks (the outbox's emails) until stopped.

django-tasks-db's own worker loop, plus what the outbox needs around it: requeue messages
whose worker died mid-send, and wait out a database outage instead of exiting.
"""

import logging
import sys
import time

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks.base import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from outbox.sending import requeue_stalled
from outbox.signals import sweep

logger = logging.getLogger("outbox.worker")


class OutboxWorker(Worker):
    def __init__(self, *, sweep_every, once, **kwargs):
        super().__init__(**kwargs)
        self.sweep_every = sweep_every
        self.once = once
        self.next_sweep = 0.0

    def shutdown(self, signum, frame):
        """Stop at once when idle, even on a second signal (Ctrl+C and the Makefile's trap);
        mid-send, finish the message first (at most EMAIL_TIMEOUT), unless signalled again:
        then the send's transaction rolls back and the message goes later."""
        if not self.running_task:
            self.running = False
            sys.exit(0)
        super().shutdown(signum, frame)

    def claim_next(self):
        tasks = DBTaskResult.objects.ready().filter(
            backend_name=self.backend_name, queue_name__in=self.queue_names
        )
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def sweep_apps(self):
        for receiver, result in sweep.send_robust(sender=self.__class__):
            if isinstance(result, OperationalError | InterfaceError):
                raise result
            if isinstance(result, Exception):
                logger.error("outbox worker: sweep %s failed: %r", receiver, result)

    def run(self):
        logger.info("outbox worker %s started", self.worker_id)
        outage = 0
        while self.running:
            close_old_connections()
            try:
                if time.monotonic() >= self.next_sweep:
                    requeue_stalled()
                    self.sweep_apps()
                    self.next_sweep = time.monotonic() + self.sweep_every
                task_result = self.claim_next()
                if task_result is not None:
                    self.run_task(task_result)
            except (OperationalError, InterfaceError) as exc:
                outage += 1
                wait = min(2**outage, 30)
                logger.warning(
                    "outbox worker: database unavailable (%s); retrying in %ds", exc, wait
                )
                connections.close_all()
                time.sleep(wait)
                continue
            outage = 0
            if task_result is None:
                if self.once:
                    return
                time.sleep(self.interval)


class Command(BaseCommand):
    help = "Send queued emails (and any other queued tasks) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument(
            "--sweep-every",
            type=float,
            default=30.0,
            help="Seconds between stalled-message sweeps.",
        )
        parser.add_argument("--once", action="store_true", help="Run what is due, then exit.")
        parser.add_argument("--worker-id", default="", help="Unique per worker (default: random).")

    def handle(self, *args, interval, sweep_every, once, worker_id, **options):
        worker = OutboxWorker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=interval,
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id or get_random_string(32),
            excluded_queue_names=[],
            sweep_every=sweep_every,
            once=once,
        )
        worker.configure_signals()
        worker.run()
