"""Who reads what readers send through the contact form: only this role (and superusers).

Editors and Authors do not see the inbox: a message may say things about the sender that
only the people who answer need to know.
"""

READ = "contact.read_messages"

GROUPS = {
    "Contact inbox": [READ, "contact.view_contactmessage", "contact.delete_contactmessage"],
}


def can_read(user):
    return user.is_active and user.is_staff and user.has_perm(READ)
