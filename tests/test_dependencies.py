"""The lowest-version CI run pins what pyproject.toml declares: every dependency has a floor it reads."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("lowest_versions", ROOT / "scripts" / "lowest_versions.py")
lowest_versions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lowest_versions)


def test_every_runtime_and_test_dependency_gets_a_pin_at_its_floor() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    pins = lowest_versions.floors(declared)
    assert len(pins) == len(declared), "a dependency without a `>=` floor is never tested at its lowest"
    assert "typer==0.16" in pins and "PyStemmer==2.2.0.3" in pins


def test_a_floor_is_read_past_extras_ceilings_and_markers() -> None:
    assert lowest_versions.floors(["pkg[extra] >= 1.2, <2 ; python_version > '3'", "bare", "x>=0.9rc1"]) == [
        "pkg==1.2", "x==0.9rc1"]
