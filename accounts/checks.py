"""System checks: production requires the second factor; sessions must be in the database."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

# Ending a person's other sessions reads the session table (accounts.sessions).
DATABASE_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


@register(Tags.security, deploy=True)
def check_two_factor_required(app_configs, **kwargs):
    if settings.ACCOUNTS_REQUIRE_TWO_FACTOR:
        return []
    return [
        Warning(
            "ACCOUNTS_REQUIRE_TWO_FACTOR is off: staff can use the admin with a password alone.",
            hint="Leave ACCOUNTS_REQUIRE_TWO_FACTOR unset (on) in production.",
            id="accounts.W001",
        )
    ]


@register(Tags.security)
def check_sessions_in_database(app_configs, **kwargs):
    if settings.SESSION_ENGINE in DATABASE_SESSION_ENGINES:
        return []
    return [
        Error(
            "SESSION_ENGINE must keep sessions in the database: changing a second factor "
            "ends the person's other sessions by reading the session table.",
            id="accounts.E001",
        )
    ]
