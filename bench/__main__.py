"""``make bench``: run every benchmark module in this folder and print its figures.

Each benchmark is a module ``bench/<name>.py`` with a ``run() -> list[str]`` that returns
report lines (the other modules are their tools).
``make bench BENCH_ARGS="pages"`` runs only the named ones. Benchmarks run against the
same PostgreSQL as the tests (embedded unless DATABASE_URL is set), in a throwaway
database created and dropped here.
"""

import importlib
import logging
import os
import pkgutil
import sys
import time
from pathlib import Path


def main(names):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inpud.settings.test")
    import django

    django.setup()
    from django.db import connection

    # A database of its own, so a benchmark can run while the test suite does.
    test_settings = connection.settings_dict.setdefault("TEST", {})
    test_settings["NAME"] = "bench_" + (test_settings.get("NAME") or "inpud")
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 404s are reported in the table
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    here = Path(__file__).parent
    names = names or sorted(
        m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_")
    )
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        for name in names:
            module = importlib.import_module(f"bench.{name}")
            if not hasattr(module, "run"):
                continue
            started = time.perf_counter()
            lines = module.run()
            print(f"== {name} ({time.perf_counter() - started:.1f} s)")
            for line in lines:
                print(f"   {line}")
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main(sys.argv[1:])
