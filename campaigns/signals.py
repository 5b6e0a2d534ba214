"""Signals campaigns send, so the apps built on them can follow a supporter's choices."""

from django.dispatch import Signal

# A supporter turned updates off (one-click unsubscribe), inside that transaction.
# Arguments: ``supporter_id``.
unsubscribed = Signal()
