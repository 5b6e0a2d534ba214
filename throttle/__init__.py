"""Rate limits that hold across server processes: counters in PostgreSQL.

Each check is one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement, so concurrent
requests in any number of processes are counted exactly. Windows are fixed (aligned to
multiples of their length). Keys are salted hashes (``core.clientip.hash_value``): no IP
address or account name is stored. Expired counters are deleted by ``manage.py daily``.
"""
