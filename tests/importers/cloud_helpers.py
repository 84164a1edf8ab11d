"""Shared helpers for importer tests: load a fixture, check it, and compare findings."""

from __future__ import annotations

from pathlib import Path

from ivrcheck import engine
from ivrcheck.findings import FileResult
from ivrcheck.reading import menu_text
from ivrcheck.model import Menu

FIXTURES = Path(__file__).parent / "fixtures"


def imported(fmt: str, name: str, entry: str | None = None) -> tuple[Menu, list]:
    path = FIXTURES / fmt / name
    menu, findings = menu_text(path.read_text(encoding="utf-8"), str(path), entry=entry)
    assert menu is not None, [f.text for f in findings]
    return menu, findings


def checked(fmt: str, name: str) -> FileResult:
    return engine.check_file(FIXTURES / fmt / name)


def codes(result: FileResult) -> list[str]:
    return sorted(f.code for f in result.findings)


def keys(menu: Menu, node_id: str) -> list[str]:
    return [o.key for o in menu.nodes[node_id].options]


def goto(menu: Menu, node_id: str, key: str) -> str:
    return next(o.target.ref for o in menu.nodes[node_id].options if o.key == key)
