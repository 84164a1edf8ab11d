"""Shared helpers for importer tests: load a fixture, check it, read its metrics."""

from __future__ import annotations

from pathlib import Path

from ivrcheck import callers, graph
from ivrcheck.config import Config
from ivrcheck.engine import check_file
from ivrcheck.findings import FileResult, Finding
from ivrcheck.reading import menu_text
from ivrcheck.model import Menu

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Path:
    return FIXTURES / name


def load(name: str, entry: str | None = None, source_format: str | None = None) -> tuple[Menu | None, list[Finding]]:
    """The model and load findings of a fixture, detected from its content unless a format is given."""
    path = fixture(name)
    return menu_text(path.read_text(encoding="utf-8"), name, source_format=source_format, entry=entry)


def loaded(name: str, entry: str | None = None) -> Menu:
    menu, findings = load(name, entry)
    assert menu is not None, [f"{f.code} {f.span.line}:{f.span.column} {f.message}" for f in findings]
    return menu


def check(name: str, entry: str | None = None) -> FileResult:
    return check_file(fixture(name), Config(entry=entry), name)


def metrics(menu: Menu) -> dict:
    return callers.metrics(graph.analyse(menu))


def codes(result: FileResult, code: str) -> list[tuple[int, int]]:
    """Positions (line, column) of every finding with this code."""
    return [(f.span.line, f.span.column) for f in result.findings if f.code == code]


def keys(menu: Menu, node_id: str) -> dict[str, str | None]:
    """Key -> target of a menu's options."""
    return {o.key: o.target.ref if o.target else None for o in menu.nodes[node_id].options}
