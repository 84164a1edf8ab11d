"""Shared helpers: lint inline YAML menus and compare findings as (code, line, column)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import settings

from ivrcheck.config import Config, parse_config
from ivrcheck.engine import check_text
from ivrcheck.findings import FileResult, Finding
from ivrcheck.rules import catalog

# Property tests check what a result is, never how long it took: speed is measured by
# benchmarks/, and a per-example deadline only fails on a busy CI machine.
settings.register_profile("ivrcheck", deadline=None)
settings.load_profile("ivrcheck")

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """`-m fuzz` asks for the long fuzz run: 10,000 cases instead of a few hundred (tests/test_fuzz.py);
    the results cache is off unless a test turns it on."""
    import os

    if "fuzz" in (config.option.markexpr or ""):
        os.environ["IVRCHECK_FUZZ"] = "1"
    # Every test checks afresh: a result kept from another test (or another checkout) would hide
    # what the test changed. tests/test_cache.py switches the cache on where it is the subject.
    os.environ.setdefault("IVRCHECK_NO_CACHE", "1")


MENUS = ROOT / "menus"


class At(NamedTuple):
    """An expected finding: its code and 1-based position."""

    code: str
    line: int
    column: int


def lint(yaml_text: str, *, select: str | None = None, **config: Any) -> list[Finding]:
    """Check a dedented inline menu; `select` keeps one rule's findings, `config` is .ivrcheck.yaml data."""
    result = check(yaml_text, **config)
    return [f for f in result.findings if select is None or f.code == select]


def check(yaml_text: str, **config: Any) -> FileResult:
    cfg = parse_config(config, "<test>", catalog()) if config else Config()
    return check_text(textwrap.dedent(yaml_text).lstrip("\n"), cfg, "menu.ivr.yaml")


def codes_at(findings: list[Finding]) -> list[At]:
    return [At(f.code, f.span.line, f.span.column) for f in findings]


@pytest.fixture
def tmp_menu(tmp_path: Path):
    """Write a dedented menu to a temporary file and return its path."""
    def write(text: str, name: str = "menu.ivr.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path
    return write
