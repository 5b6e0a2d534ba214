"""Editors keep the menus and the site text (kept in step after every migrate, core.roles)."""

GROUPS = {
    "Editor": [
        f"menus.{action}_{model}"
        for model in ("menu", "menuitem", "sitetext", "sitelink")
        for action in ("add", "change", "delete", "view")
    ],
}
