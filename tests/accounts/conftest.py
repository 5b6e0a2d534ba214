import pytest
from django.contrib.auth.hashers import MD5PasswordHasher


@pytest.fixture
def hashings(monkeypatch):
    """Counts every password hashing in this process: checking a password, or the dummy hash
    Django runs for unknown accounts (MD5's verify() calls encode() itself: counted once)."""
    calls = []
    depth = [0]

    def counted(name, original):
        def wrapper(self, *args):
            if depth[0] == 0:
                calls.append(name)
            depth[0] += 1
            try:
                return original(self, *args)
            finally:
                depth[0] -= 1

        return wrapper

    for name in ("verify", "encode"):
        monkeypatch.setattr(
            MD5PasswordHasher, name, counted(name, getattr(MD5PasswordHasher, name))
        )
    return calls


@pytest.fixture
def two_factor_required(settings):
    settings.ACCOUNTS_REQUIRE_TWO_FACTOR = True
    return settings
