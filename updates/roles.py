"""Who may write and send campaign updates: emails to every consenting supporter.

A role of its own, not part of Campaign staff: sending mail to thousands of people is a
separate trust. Kept in step after every migrate (core.roles).
"""

GROUPS = {
    "Campaign update senders": [
        "updates.add_update",
        "updates.change_update",
        "updates.view_update",
        "updates.delete_update",
        "updates.send_update",
        "campaigns.view_campaign",
    ],
}
