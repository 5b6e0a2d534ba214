"""Production settings: check --deploy is clean, and missing secrets fail fast."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "inpud.settings.production",
    "SECRET_KEY": "k8#Vq2!pZr7$Lm4@Wx9^Tb6&Nc3*Hy5(Jd1)Fg0_Qs-Ue+Ao=Ri~Ev",
    "DATABASE_URL": "postgres://inpud@db.invalid:5432/inpud",
    "ALLOWED_HOSTS": "inpud.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://inpud.example.org",
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
