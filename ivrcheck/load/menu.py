"""Our menu YAML -> (Menu | None, F0xx findings): composed safely, built once, commented-out keys noticed."""

from __future__ import annotations

import re

from ivrcheck.findings import Finding, Span
from ivrcheck.load.build import build_menu
from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.reader import Reader
from ivrcheck.load.source import Limits, LoadError, compose
from ivrcheck.model import Menu

#: The indent stops at the line end: `^\s*` rescanned every blank line below each line start (and then
#: reported the first blank line instead of the comment).
_COMMENTED_KEY = re.compile(r"^[^\S\n]*#\s*:\s*\{.*\b(goto|label)\s*:", re.MULTILINE)
#: What every match of _COMMENTED_KEY holds: led by a literal, so one C-level pass finds it or rules it out.
_COMMENTED_KEY_CORE = re.compile(r"#\s*:\s*\{")


def yaml_menu(text: str, display: str = "<menu>", limits: Limits = Limits(),
              entry: str | None = None) -> tuple[Menu | None, list[Finding]]:
    """Load a menu from our YAML. The Menu is None when any error-level load finding exists."""
    root, error = compose(text, limits)
    if root is None or error is not None:
        return None, [from_error(display, error)] if error else []
    reader = Reader(merges="<<" in text, shared="&" in text)
    menu = build_menu(root, display, reader, entry)
    findings = [from_error(display, e) for e in reader.errors]
    findings += _commented_keys(text, display)
    if any(LOAD_CODES[f.code].severity.rank >= 3 and LOAD_CODES[f.code].blocks for f in findings):
        return None, findings
    return menu, findings


def _commented_keys(text: str, display: str) -> list[Finding]:
    """`#: {goto: x}` is silently a comment in YAML: warn, because the option is lost."""
    found: list[Finding] = []
    if not _COMMENTED_KEY_CORE.search(text):  # the full pattern tries every line start: 40 times slower
        return found
    for match in _COMMENTED_KEY.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.group(0).index("#") + 1
        found.append(load_finding(display, "F013", Span(line, column),
                                  "this line is a YAML comment, so the \"#\" option it declares is lost",
                                  'quote the key: write "#": instead of #:'))
    return found


def from_error(path: str, error: LoadError) -> Finding:
    """A LoadError of the reader or source checks as a finding."""
    return load_finding(path, error.code, error.span, error.message, error.help)
