"""Campaign staff: campaigns, their documents and supporters, including the CSV export.

Kept apart from the blog's Editors, so exporting supporters' emails is never a side effect
of being allowed to write or publish posts. Kept in step after every migrate (core.roles).
"""

GROUPS = {
    "Campaign staff": [
        *(f"campaigns.{action}_{model}" for model in ("campaign", "campaigndocument")
          for action in ("add", "change", "delete", "view")),
        "campaigns.view_supporter",
        "campaigns.change_supporter",
        "campaigns.delete_supporter",
        "campaigns.export_supporters",
    ],
}  # fmt: skip
