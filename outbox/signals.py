"""Signals the outbox sends, so the apps that queue mail can follow it without the outbox
knowing them (layers run one way)."""

from django.dispatch import Signal

# A message became sent or failed (by the worker), or pending again (sent again from the
# admin). Sent inside the transaction that changes the row: a receiver's writes commit or
# roll back with it. Arguments: ``message``.
status_changed = Signal()

# Sent by the worker at each sweep (every ``--sweep-every`` seconds), after stalled messages
# are requeued: apps resume their own long-running work whose task died with a worker.
sweep = Signal()
