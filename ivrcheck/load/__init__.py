"""Load step: menu file -> (Menu | None, F0xx findings). Never raises on bad input."""

from __future__ import annotations

import re
from pathlib import Path

from ivrcheck.findings import Finding, Span
from ivrcheck.load.build import build_menu
from ivrcheck.load.codes import LOAD_CODES
from ivrcheck.load.reader import Reader
from ivrcheck.load.source import Limits, LoadError, compose, decode, read_text
from ivrcheck.model import Menu

__all__ = ["Limits", "LOAD_CODES", "menu_file", "menu_text"]

_COMMENTED_KEY = re.compile(r"^\s*#\s*:\s*\{.*\b(goto|label)\s*:", re.MULTILINE)


def menu_file(path: Path, limits: Limits = Limits(), display: str | None = None) -> tuple[Menu | None, list[Finding]]:
    """Read and load one menu file; `display` is the path shown in findings."""
    shown = display or str(path)
    try:
        text, error = read_text(path, limits)
    except OSError as exc:
        error, text = LoadError("F003", Span(1, 1), f"cannot read the file: {exc.strerror}", "check the path and permissions"), None
    if text is None:
        return None, [_finding(shown, error)] if error else []
    return menu_text(text, shown, limits)


def menu_bytes(data: bytes, display: str, limits: Limits = Limits()) -> tuple[Menu | None, list[Finding]]:
    text, error = decode(data)
    if text is None:
        return None, [_finding(display, error)] if error else []
    return menu_text(text, display, limits)


def menu_text(text: str, display: str = "<menu>", limits: Limits = Limits()) -> tuple[Menu | None, list[Finding]]:
    """Load a menu from text. The Menu is None when any error-level load finding exists."""
    root, error = compose(text, limits)
    if root is None or error is not None:
        return None, [_finding(display, error)] if error else []
    reader = Reader(merges="<<" in text)
    menu = build_menu(root, display, reader)
    findings = [_finding(display, e) for e in reader.errors]
    findings += _commented_keys(text, display)
    if any(LOAD_CODES[f.code].severity.rank >= 3 for f in findings):
        return None, findings
    return menu, findings


def _commented_keys(text: str, display: str) -> list[Finding]:
    """`#: {goto: x}` is silently a comment in YAML: warn, because the option is lost."""
    found = []
    for match in _COMMENTED_KEY.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.group(0).index("#") + 1
        found.append(_finding(display, LoadError(
            "F013", Span(line, column), "this line is a YAML comment, so the \"#\" option it declares is lost",
            'quote the key: write "#": instead of #:')))
    return found


def _finding(path: str, error: LoadError) -> Finding:
    code = LOAD_CODES[error.code]
    return Finding(path=path, code=code.code, name=code.name, severity=code.severity,
                   message=error.message, help=error.help, span=error.span)
