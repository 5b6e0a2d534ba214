"""The audit trail: who did what to accounts, roles, supporters' data and publishing.

Any app may call ``audit.trail.record(action, *, user, ...)``; superusers read the events in
the admin (read-only). Events keep an IP hash, never an IP address, and are deleted after
``AUDIT_RETENTION_DAYS`` by ``manage.py purge_audit_events`` (run by ``manage.py daily``).
"""
