"""Packaging: every subpackage is installed, and `model` stays free of Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("app", "model")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "model.shipped" in listed


def test_model_package_imports_no_qt():
    """Every module of `model` (found by walking the package, so a new one is covered too)
    imports without pulling in Qt: the model works headless."""
    code = (
        "import importlib, pkgutil, sys, model;"
        "names = [m.name for m in pkgutil.walk_packages(model.__path__, 'model.')];"
        "[importlib.import_module(n) for n in names];"
        "assert len(names) > 40, names;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def test_training_writes_a_per_user_file_even_in_a_checkout():
    """Issue 19, item 5: `python -m model.cli.train` from a checkout overwrote the shipped
    weights by default; the default is the per-user folder everywhere."""
    from model.files.weights import default_training_output, shipped_weights_path, user_weights_dir

    assert default_training_output() == user_weights_dir() / "lenet5.pt"
    assert default_training_output() != shipped_weights_path()
    assert "lenet-lens" in str(user_weights_dir())


def test_development_tools_are_not_installed_and_not_imported_by_the_product():
    tomllib = pytest.importorskip("tomllib")
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    assert not [p for p in listed if p == "tools" or p.startswith("tools.")]
    assert (ROOT / "tools" / "bench.py").is_file()
    for top in ("app", "model"):
        for path in (ROOT / top).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "from tools" not in text and "import tools" not in text, path
            assert "bench" not in path.name, f"{path}: benchmarks belong in tools/"


def test_translations_and_icon_are_package_data():
    tomllib = pytest.importorskip("tomllib")
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    data = setuptools["package-data"]
    assert "*.qm" in data["app.i18n"] and list((ROOT / "app" / "i18n").glob("*.qm"))
    assert "*.svg" in data["app.icons"] and (ROOT / "app" / "icons" / "lenet-lens.svg").is_file()
