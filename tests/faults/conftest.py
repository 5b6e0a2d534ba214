import pytest

from tests.faults.processes import subprocess_env, test_database_url


@pytest.fixture
def real_queue(settings):
    """This process queues into the database like production; a worker process sends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker_env(transactional_db):
    def make(**extra):
        return subprocess_env(test_database_url(), **extra)

    return make
