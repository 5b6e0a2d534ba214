"""Production settings: check --deploy is clean, and missing secrets fail fast."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "inpud.settings.production",
    "SECRET_KEY": "k8#Vq2!pZr7$Lm4@Wx9^Tb6&Nc3*Hy5(Jd1)Fg0_Qs-Ue+Ao=Ri~Ev",
    "DATABASE_URL": "postgres://inpud@db.invalid:5432/inpud",
    "ALLOWED_HOSTS": "inpud.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://inpud.example.org",
    "IP_HASH_SALT": "f2Lq9-zT7mWc4xRb8nKd3pVh6sJy1gQa",
    "SITE_URL": "https://inpud.example.org",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_database_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL must be set" in result.stderr


@pytest.mark.parametrize("name", ["IP_HASH_SALT", "SITE_URL"])
def test_production_refuses_to_start_without(name):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != name}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"{name} must be set in production" in result.stderr


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "https://localhost", "inpud.org"])
def test_production_refuses_a_site_url_mail_cannot_use(url):
    result = run_manage("check", env={**PRODUCTION_ENV, "SITE_URL": url})
    assert result.returncode != 0
    assert "SITE_URL must be" in result.stderr


def test_production_never_starts_the_embedded_database(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = run_manage("check", env={**env, "PGSERVER_DATA": str(tmp_path / "pgdata")})
    assert "DATABASE_URL must be set" in result.stderr
    assert not (tmp_path / "pgdata").exists()


def test_plain_http_is_only_for_the_loopback():
    env = {**PRODUCTION_ENV, "PLAIN_HTTP": "1", "SITE_URL": "http://127.0.0.1:8000"}
    assert run_manage("check", env=env).returncode != 0  # ALLOWED_HOSTS is a public name
    result = run_manage("check", env={**env, "ALLOWED_HOSTS": "127.0.0.1,localhost"})
    assert result.returncode == 0, result.stderr


def test_production_refuses_debug():
    result = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_local_admin_command_refuses_without_debug():
    result = run_manage("ensure_local_admin", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "only runs with DEBUG on" in result.stderr


def test_manage_py_without_debug_or_secret_key_says_what_to_do_in_one_line():
    result = run_manage("check", env={"DJANGO_SETTINGS_MODULE": "inpud.settings.base"})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "run manage.py with DEBUG=1" in result.stderr


def test_check_deploy_warns_when_the_second_factor_is_not_required():
    env = {**PRODUCTION_ENV, "ACCOUNTS_REQUIRE_TWO_FACTOR": "0"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "accounts.W001" in result.stdout + result.stderr


def test_production_cookies_are_secure_httponly_and_same_site():
    script = (
        "from django.conf import settings as s; print(s.ACCOUNTS_REQUIRE_TWO_FACTOR, "
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE)"
    )
    result = run_manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.split() == ["True", "True", "True", "Lax", "True", "True", "Lax"]
