"""The one finding policy: which finding is reported, at which severity, with which clause, under which waiver.

The steps below find every problem they can; this step decides, for rule and load findings
alike, what a file reports (as flake8's decision engine does): the codes the config switches
on (`select`, `ignore`, `per_file_ignores`), `ignore:` on a node or an option, suppression
comments (parsed by suppress.py) and the config's `waivers:`, with their expiry and reasons,
the config's severities, the profile's clauses, and positions clamped to the file as an
editor shows it. The engine runs load -> graph -> callers -> rules -> policy -> score.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Sequence

from ivrcheck.config import Config
from ivrcheck.findings import NOWHERE, Clock, Finding, Span, Waiver, lapsed, sort_findings
from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.source import line_starts
from ivrcheck.records import record
from ivrcheck.rules import ALL_RULES, BY_CODE
from ivrcheck.suppress import ALL, Directive, parse

if TYPE_CHECKING:
    from ivrcheck.model import Menu, Node


@record
class Verdict:
    """What a file reports: the findings kept (sorted), and every waiver that applies to it."""

    kept: list[Finding]
    waivers: list[Waiver]


def decide(findings: Iterable[Finding], text: str | None, display: str, config: Config,
           menu: Menu | None = None, clock: Clock | None = None) -> Verdict:
    """The findings one file reports, from everything found in it (`text` is the file as read)."""
    clock = clock or Clock(strict=config.strict_waivers)
    seen: dict[str, dict[Span, frozenset[str]]] = {}
    found = [f for f in findings if reported(f.code, config) and not (menu is not None and _on_ignored(f, menu, seen))]
    kept, waivers = waive(found, text or "", display, config, clock)
    if config.waivers:
        kept, more = waivers_of_config(kept, config, display, clock)
        waivers += more
    kept = [f for f in kept if not (f.code.startswith("F") and config.ignore and f.code.startswith(config.ignore))]
    lines = EditorLines(text) if text is not None and kept else None
    return Verdict(sort_findings(_inside(_graded(f, config), lines) for f in kept), waivers)


def reported(code: str, config: Config) -> bool:
    """Whether the config lets a code's findings through to the waivers: a rule code must be selected and
    not ignored; a load (F) code always is (`--select S` still reports that a file cannot be read), and
    `decide` drops an ignored one only after the waivers, whose comments may name it."""
    return code.startswith("F") or config.selects(code)


def _graded(finding: Finding, config: Config) -> Finding:
    """A finding at the config's severity for its code, with the clause of the profile that names it."""
    severity = config.severity.get(finding.code)
    rule = BY_CODE.get(finding.code)
    if severity is not None and rule is not None and finding.severity < rule.SEVERITY:
        # The rule itself rated this finding below its own level: a reading it hedges (docs/config.md).
        # A config or profile that raises the rule raises its full-strength findings, never its guesses.
        severity = min(severity, finding.severity)
    clause = config.clauses.get(finding.code)
    if (severity is None or severity is finding.severity) and not clause:
        return finding
    changed = replace(finding, severity=severity) if severity is not None else finding
    return replace(changed, message=f"{finding.message} [{clause}]", clause=clause) if clause else changed


def _on_ignored(finding: Finding, menu: Menu, seen: dict[str, dict[Span, frozenset[str]]]) -> bool:
    """A rule finding silenced by `ignore:` on its node, or on the option it points at.

    Each node's options are indexed once (`seen`), not scanned per finding: a menu of thousands
    of options may have a finding on each.
    """
    node = menu.nodes.get(finding.node_id) if finding.node_id and finding.code in BY_CODE else None
    if node is None:
        return False
    if finding.code in node.ignore:
        return True
    by_span = seen.get(node.id)
    if by_span is None:
        by_span = seen[node.id] = _option_ignores(node)
    return finding.code in by_span.get(finding.span, ())


def _option_ignores(node: Node) -> dict[Span, frozenset[str]]:
    """Where a node's options say `ignore:` -> the codes."""
    by_span: dict[Span, frozenset[str]] = {}
    for option in node.options:
        for at in {option.span, option.label_span} if option.ignore else ():
            by_span[at] = by_span.get(at, frozenset()) | option.ignore
    return by_span


def waive(findings: list[Finding], text: str, path: str, config: Config,
          clock: Clock) -> tuple[list[Finding], list[Waiver]]:
    """The findings left after the file's suppression comments (with F014, F015, F022 and F023 for the
    comments themselves), and every comment as the results list it.

    A comment that names only codes switched off in this run (`--select`, `--ignore`, config) is
    not reported as unused: it would silence something in a full run.
    """
    directives, unknown = parse(text, _KNOWN)
    if not directives and not unknown:
        return findings, []
    for directive in directives:
        directive.refused = _refused(directive, clock)
    kept = _silence(findings, directives)
    for directive in directives:
        if directive.refused is not None:
            kept.append(_refusal(path, directive))
        elif not directive.used and (ALL in directive.codes or any(config.selects(c) for c in directive.codes)):
            what = "nothing" if ALL in directive.codes else f"no {', '.join(sorted(directive.codes))} finding"
            kept.append(load_finding(path, "F014", directive.span, f"`ivrcheck: {directive.verb}` silences {what} here",
                                     "remove the comment, or fix the codes it names"))
    for span, word in unknown:
        kept.append(load_finding(path, "F015", span, f'suppression names "{word}", which is no rule code or name',
                                 "use a code such as H203 or a name such as no-zero-out (`ivrcheck rule` lists them)"))
    return kept, _listed(directives, path)


def _silence(findings: list[Finding], directives: Sequence[Directive]) -> list[Finding]:
    """The findings no holding directive covers, in their order; each directive counts what it silences.

    Counted per directive and code by bisecting the findings' sorted lines, and tested per finding
    against the merged ranges of its code: a pair test of every finding with every directive took
    20 s for 4,000 `disable` comments never closed (issue 23).
    """
    lines_of: dict[str, list[int]] = {}
    for finding in findings:
        lines_of.setdefault(finding.code, []).append(finding.span.line)
    for lines in lines_of.values():
        lines.sort()
    ranges: dict[str, list[tuple[int, int]]] = {}
    for directive in directives:
        if directive.refused is not None:
            continue
        for code in directive.codes:
            ranges.setdefault(code, []).append((directive.first, directive.last))
        for code in lines_of if ALL in directive.codes else directive.codes & lines_of.keys():
            lines = lines_of[code]
            count = bisect.bisect_right(lines, directive.last) - bisect.bisect_left(lines, directive.first)
            if count:
                directive.used.add(code)
                directive.silenced += count
    merged = {code: _merged(spans) for code, spans in ranges.items()}
    every = merged.get(ALL)
    return [f for f in findings if not (_within(merged.get(f.code), f.span.line) or _within(every, f.span.line))]


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Line ranges (first, last) joined where they overlap or touch: their starts and ends, sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(spans):
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _within(merged: tuple[list[int], list[int]] | None, line: int) -> bool:
    if merged is None:
        return False
    starts, ends = merged
    i = bisect.bisect_right(starts, line) - 1
    return i >= 0 and line <= ends[i]


#: Rule and load codes and names (lower-case) -> code, as a comment may name them.
_KNOWN = ({r.CODE.lower(): r.CODE for r in ALL_RULES} | {r.NAME: r.CODE for r in ALL_RULES}
          | {code.lower(): code for code in LOAD_CODES} | {c.name: code for code, c in LOAD_CODES.items()})


def _refused(directive: Directive, clock: Clock) -> str | None:
    """Why a comment silences nothing in this run: its `until` passed ("expired") or is no date
    ("bad date"), or it gives no reason under `--strict-waivers` ("no reason"); None when it holds."""
    if directive.until is not None:
        try:
            if clock.expired(directive.until):
                return "expired"
        except ValueError:
            return "bad date"
    return "no reason" if clock.strict and not directive.reason else None


def _refusal(path: str, directive: Directive) -> Finding:
    codes = "every rule" if ALL in directive.codes else ", ".join(sorted(directive.codes))
    if directive.refused == "expired":
        return load_finding(path, "F022", directive.span,
                            f"the waiver of {codes} expired on {directive.until} (reason: {directive.reason or 'none'})",
                            "fix what it silenced, or renew it with a new `until:` and say why")
    if directive.refused == "bad date":
        return load_finding(path, "F023", directive.span, f"the waiver of {codes} has `until: {directive.until}`, "
                            "which is no date", "write the last day it holds as YYYY-MM-DD")
    return load_finding(path, "F023", directive.span, f"the waiver of {codes} gives no reason",
                        "say why after the codes: `reason: ...` (and `by:`, `until:` if known)")


def _listed(directives: Sequence[Directive], path: str) -> list[Waiver]:
    """One waiver per comment (a `disable` of several codes is split per code as it is parsed)."""
    merged: dict[tuple[int, int], Waiver] = {}
    for d in directives:
        key = (d.span.line, d.span.column)
        codes = (ALL,) if ALL in d.codes else tuple(sorted(d.codes))
        before = merged.get(key)
        if before is not None:
            codes = tuple(sorted({*before.codes, *codes}))
        merged[key] = Waiver(codes, f"{path}:{d.span.line}", d.reason, d.by, d.until, d.refused == "expired",
                             d.silenced + (before.silenced if before else 0))
    return list(merged.values())


def waivers_of_config(findings: list[Finding], config: Config, path: str,
                      clock: Clock) -> tuple[list[Finding], list[Waiver]]:
    """Apply the config's `waivers:` (already narrowed to this file): an expired one silences nothing
    and is reported (F022) in the file it would apply to."""
    kept, listed = list(findings), []
    where = config.source or "the config"
    for waiver in config.waivers:
        expired = clock.expired(waiver.until)
        silenced = [f for f in kept if not expired and waiver.covers(f.code, f.node_id)]
        if silenced:  # by identity: a test of each finding against the list of silenced ones was quadratic
            gone = {id(f) for f in silenced}
            kept = [f for f in kept if id(f) not in gone]
        listed.append(Waiver(waiver.rules, where, waiver.reason, waiver.by, waiver.until, expired, len(silenced)))
        if expired:
            kept.append(load_finding(path, "F022", NOWHERE, f"the waiver of {', '.join(waiver.rules)} in {where} "
                                     f"expired on {waiver.until} (reason: {waiver.reason})",
                                     "fix what it silenced, or renew it with a new `until:` and say why"))
    return kept, listed


class EditorLines:
    """A file's lines as editors count them (load.source.line_starts), held as where each starts rather
    than as a copy of every line: on a large file a list of lines would be the biggest thing a check allocates."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def __len__(self) -> int:
        return len(self.starts)

    def width(self, number: int) -> int:
        """Characters on line `number` (1-based), its line break left out."""
        start = self.starts[number - 1]
        if number == len(self.starts):
            return len(self.text) - start
        end = self.starts[number]
        return end - start - (2 if self.text.startswith("\r\n", end - 2) else 1)


def _inside(finding: Finding, lines: EditorLines | None) -> Finding:
    """A finding whose position lies within its file as an editor shows it (PyYAML can mark the
    end of a file without a final newline one line past it)."""
    if lines is None:
        return finding
    span = finding.span
    line = min(max(span.line, 1), len(lines))
    column = min(max(span.column, 1), lines.width(line) + 1)
    if (line, column) == (span.line, span.column):
        return finding
    return replace(finding, span=replace(span, line=line, column=column, end_line=None, end_column=None))


__all__ = ["Clock", "EditorLines", "Verdict", "decide", "lapsed", "reported", "waive", "waivers_of_config"]
