"""gunicorn's settings in the multi-process login test: the test settings on the test
database, with hashings and requests logged per process."""

import os

from inpud.settings.test import *  # noqa: F403
from inpud.settings.test import DATABASES, MIDDLEWARE

DATABASES["default"]["NAME"] = os.environ["INPUD_TEST_DATABASE"]
PASSWORD_HASHERS = ["tests.accounts.counting.CountingMD5PasswordHasher"]
MIDDLEWARE = ["tests.accounts.counting.RequestLogMiddleware", *MIDDLEWARE]
