"""The text format: one `path:line:col: CODE message` line a finding, then one summary line."""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ivrcheck.findings import FileResult, Finding, Severity
from ivrcheck.load.codes import INTERNAL

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
#: Characters that move the cursor, end a line or start a terminal escape: C0 and C1 controls,
#: DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def inert(text: str) -> str:
    """Text from a menu or a file name, safe for a terminal and a one-line-per-finding format.

    A newline or ESC in an id, label or path would otherwise forge a line or recolour the
    terminal; each control character is shown as its escape (`\\n`, `\\x1b`).
    """
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1] if m.group(0) not in "\u2028\u2029"
                        else f"\\u{ord(m.group(0)):04x}", text)


def format(results: Sequence[FileResult], color: bool = False) -> str:
    lines = [line(f, color) for result in results for f in result.findings]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def line(finding: Finding, color: bool = False) -> str:
    """`path:line:col: CODE message; help [state]`, the form flake8, ruff and spectral share."""
    where = f"{inert(finding.path)}:{finding.span.line}:{finding.span.column}:"
    state = f" [{finding.state} hours]" if finding.state else ""
    code = finding.code
    if color:
        where = f"{_BOLD}{where}{_RESET}"
        code = f"{_COLORS[finding.severity]}{code}{_RESET}"
    return f"{where} {code} {inert(finding.text)}{state}"


def summary(results: Sequence[FileResult]) -> str:
    """One line: counts by severity, files, and the lowest clarity score."""
    counts = Counter(f.severity for r in results for f in r.findings)
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    scored = [r for r in results if r.score is not None]
    lowest = min(scored, key=lambda r: r.score or 0, default=None)
    score = ""
    if lowest is not None:
        score = f"; clarity score {lowest.score}/100" if len(scored) == 1 else (
            f"; lowest clarity score {lowest.score}/100 ({inert(lowest.path)})")
    broken = sum(1 for r in results if any(f.code == INTERNAL for f in r.findings))
    unloaded = sum(1 for r in results if r.score is None) - broken
    failed = f"; {unloaded} could not be loaded" if unloaded else ""
    waivers = [w for r in results for w in r.waivers]
    expired = sum(1 for w in waivers if w.expired)
    if waivers:  # an auditor sees that exceptions were accepted; the JSON and the report list them
        score += f"; {_plural(len(waivers), 'waiver')}" + (f" ({expired} expired)" if expired else "")
    failed += f"; ivrcheck itself failed on {broken} (F099)" if broken else ""
    if not counts:
        return f"All checks passed! ({files}{score})"
    parts = [_plural(counts[s], s.value) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    return f"Found {', '.join(parts)} in {files}{score}{failed}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"
