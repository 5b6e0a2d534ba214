"""For the multi-process login test: gunicorn workers log each password hashing and each
request they serve (pid first), so the test can count what every process did."""

import os
import threading

from django.contrib.auth.hashers import MD5PasswordHasher

_depth = threading.local()


def _log(variable, line):
    with open(os.environ[variable], "a") as log:
        log.write(f"{os.getpid()} {line}\n")


class CountingMD5PasswordHasher(MD5PasswordHasher):
    """MD5 (the test hasher) that logs every outermost verify()/encode()."""

    def _counted(self, name, call):
        depth = getattr(_depth, "value", 0)
        if depth == 0:
            _log("HASHER_LOG", name)
        _depth.value = depth + 1
        try:
            return call()
        finally:
            _depth.value = depth

    def verify(self, password, encoded):
        return self._counted(
            "verify", lambda: super(CountingMD5PasswordHasher, self).verify(password, encoded)
        )

    def encode(self, password, salt):
        return self._counted(
            "encode", lambda: super(CountingMD5PasswordHasher, self).encode(password, salt)
        )


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        _log("REQUEST_LOG", f"{request.method} {request.path} {response.status_code}")
        return response
