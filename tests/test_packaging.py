"""The wheel holds every sub-package and every language pack (CI also installs it outside the checkout)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

tomllib = pytest.importorskip("tomllib") if sys.version_info >= (3, 11) else pytest.importorskip("tomli")


def test_every_package_and_language_pack_is_declared_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = set(config["packages"])
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    packs = {f"pipeline.models.{p.name}" for p in (ROOT / "models").iterdir() if (p / "language.json").is_file()}
    assert code | packs | {"pipeline.models"} <= declared
    assert config["package-dir"]["pipeline.models"] == "models"
