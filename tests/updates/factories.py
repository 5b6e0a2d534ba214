"""Small factory functions with keyword defaults."""

import itertools

from outbox.models import Message
from outbox.sending import deliver
from updates.models import Update
from updates.sending import queue_remaining

_seq = itertools.count(1)


def make_update(campaign, **kwargs):
    n = next(_seq)
    kwargs.setdefault("subject", f"News number {n}")
    kwargs.setdefault("body", f"Body of update {n}.\nSecond line.")
    return Update.objects.create(campaign=campaign, **kwargs)


def send_everything():
    """What a worker would do: queue every update being sent, then send each due email."""
    for pk in Update.objects.filter(status=Update.Status.QUEUEING).values_list("pk", flat=True):
        queue_remaining(pk)
    results = [deliver(pk) for pk in Message.objects.pending().values_list("pk", flat=True)]
    return results
