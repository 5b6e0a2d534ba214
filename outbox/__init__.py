"""Every email the site sends, stored first and sent by a worker.

``outbox.enqueue(...)`` writes a ``Message`` row (and the task that will send it) in the
caller's transaction, so a change and the email it causes are committed together or not at
all, and a request never waits on the mail server. ``manage.py outbox_worker`` sends them
(django-tasks' database backend), retrying with back-off until the message is sent once, or
refused for good ("failed", visible and re-sendable in the admin). See README "Email".

Import the API from ``outbox.api`` (this package stays importable before apps are ready).
"""
