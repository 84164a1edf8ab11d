"""Fixes as data: findings get the fix their rule can make (rules' optional `fix`), and fixes are
applied to a file's text as edits on spans, so nothing outside them moves (comments, order, quotes)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Sequence

from ivrcheck.findings import Edit, Finding, Fix
from ivrcheck.load.source import line_starts
from ivrcheck.rules import BY_CODE
from ivrcheck.rules.edits import Source

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.model import Menu

def attach(findings: list[Finding], menu: Menu, line: LineAnalysis, text: str | None) -> list[Finding]:
    """The findings, each with its rule's fix when the rule has one and it is certain here."""
    makers = {code: getattr(BY_CODE.get(code), "fix", None) for code in {f.code for f in findings}}
    if text is None or not any(makers.values()):
        return findings
    source = Source(text)
    out = []
    for finding in findings:
        maker = makers[finding.code]
        made = maker(finding, menu, line, source) if maker is not None else None
        out.append(replace(finding, fix=made) if made is not None else finding)
    return out


def chosen(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes to apply: the safe ones, and the others too when `unsafe`."""
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes whose edits touch nothing an earlier fix touched; return the text and those applied.

    Fixes left out for an overlap are applied by running again (`check --fix` repeats until
    nothing changes)."""
    taken: list[Edit] = []
    applied: list[Fix] = []
    for fix in fixes:
        if any(_overlap(a, b) for a in fix.edits for b in taken) or _self_overlap(fix.edits):
            continue
        taken.extend(fix.edits)
        applied.append(fix)
    starts = line_starts(text)
    for edit in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        begin, end = _offset(starts, text, edit.line, edit.column), _offset(starts, text, edit.end_line, edit.end_column)
        text = text[:begin] + edit.text + text[end:]
    return text, applied


def _offset(starts: Sequence[int], text: str, line: int, column: int) -> int:
    """The character offset of a 1-based position (clamped to the text)."""
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


def _overlap(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same text, or insert at the same place (their order would be a guess)."""
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: e.start)
    return any(_overlap(x, y) for x, y in zip(ordered, ordered[1:]))

