"""Who may look up, export and erase everything held about an email address.

A role of its own: it reads across comments, sign-ups and the outbox. Kept in step after
every migrate (core.roles).
"""

GROUPS = {"Data protection": ["personaldata.manage_personal_data"]}
