from accounts.checks import check_sessions_in_database, check_two_factor_required


def test_sessions_outside_the_database_are_refused(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    assert [e.id for e in check_sessions_in_database(None)] == ["accounts.E001"]
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert check_sessions_in_database(None) == []


def test_an_optional_second_factor_is_a_deploy_warning(settings):
    settings.ACCOUNTS_REQUIRE_TWO_FACTOR = False
    assert [e.id for e in check_two_factor_required(None)] == ["accounts.W001"]
    settings.ACCOUNTS_REQUIRE_TWO_FACTOR = True
    assert check_two_factor_required(None) == []
