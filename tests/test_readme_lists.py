"""The README's lists of formats, platforms, levels and commands are the registries' own: a list that drifts fails here.

Each row names a line of the README (by what it starts with or contains) and the text the
registry makes of its names; add a row when the README lists another registry.
"""

from __future__ import annotations

from typing import Callable

import pytest

from ivrcheck import importers, render, report
from ivrcheck.cli import COMMANDS
from ivrcheck.config import FAIL_ON
from tests.conftest import ROOT

_CI = [name for name in report.FORMATS if name not in ("text", "json", "sarif")]

#: (the README line's marker, the list as the registry writes it)
LISTS: list[tuple[str, Callable[[], str]]] = [
    ("--fail-on warning", lambda: " | ".join(FAIL_ON)),
    ("--format sarif -o", lambda: "also " + ", ".join(_CI) + ":"),
    ("# platform exports too:", lambda: "too: " + ", ".join(importers.NAMES)),
    ("report/     results ->", lambda: "-> " + " | ".join(report.FORMATS) + ";"),
    ("render/     checked menu ->", lambda: "-> " + " | ".join(render.FORMATS) + " "),
    ("cli/        ivrcheck", lambda: "ivrcheck " + " | ".join(name for name, _ in COMMANDS)),
]


def readme_line(marker: str) -> str:
    found = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if marker in line]
    assert len(found) == 1, f"README.md has {len(found)} lines with {marker!r}; the row's marker must name one"
    return found[0]


@pytest.mark.parametrize(("marker", "listed"), LISTS, ids=[marker for marker, _ in LISTS])
def test_a_readme_list_is_its_registry(marker: str, listed: Callable[[], str]) -> None:
    assert listed() in readme_line(marker), f"README.md's list drifted from its registry: write {listed()!r}"
