"""The one-way house: the import contract in pyproject.toml holds, and nothing dodges it."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

# The project's packages, as the import contract lists them.
PACKAGES = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["tool"][
    "importlinter"
]["root_packages"]
MAX_LINES = 400


def project_modules():
    for package in PACKAGES:
        for path in sorted((Path(settings.BASE_DIR) / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [lint, "--no-cache"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contract_catches_an_arrow_that_runs_back(tmp_path):
    """The contract is not vacuous: blog importing comments breaks it."""
    config = (Path(settings.BASE_DIR) / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(config)
    for package in PACKAGES:
        (tmp_path / package).symlink_to(Path(settings.BASE_DIR) / package)
    (tmp_path / "blog").unlink()
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "__init__.py").write_text("import comments.models\n")
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [lint, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )  # fmt: skip
    assert result.returncode != 0
    assert "blog -> comments" in result.stdout


def deferred_imports(path):
    """First-party imports inside functions, other than in an AppConfig's ready()."""
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name == "ready":
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and inner.module:
                names = [inner.module]
            elif isinstance(inner, ast.Import):
                names = [alias.name for alias in inner.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in PACKAGES:
                    found.append(f"{path.relative_to(settings.BASE_DIR)}:{inner.lineno} {name}")
    return found


def test_no_deferred_import_dodges_a_cycle():
    found = [hit for path in project_modules() for hit in deferred_imports(path)]
    assert found == []


def test_no_module_grows_past_the_limit():
    long = {
        str(path.relative_to(settings.BASE_DIR)): n
        for path in project_modules()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
