"""Suppression comments in menu files, in the spirit of yamllint:

    # ivrcheck: disable-line H203        this line, or the next one when the comment stands alone
    # ivrcheck: disable S108, R505       from here on ...
    # ivrcheck: enable S108               ... until here (the end of the file if never enabled)
    # ivrcheck: disable-file P404        the whole file

Without codes a directive covers every rule. Codes may be rule codes or names. A directive
that silences nothing is reported (F014, info) so stale ones do not pile up; one that names
no rule is reported as F015.

A directive is an accepted exception (a waiver) and says why after its codes:

    # ivrcheck: disable-line H203 reason: the carrier reserves 0; by: Ana Ruiz; until: 2027-03-31

From the day after `until` it silences nothing and is reported (F022, an error), so an
expired waiver fails CI; under `--strict-waivers` one without a reason silences nothing and
is reported (F023). Every waiver is listed with its reason in the results (`Waiver`).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

import yaml

from ivrcheck.findings import Finding, Span, Waiver
from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.source import yaml_text
from ivrcheck.rules import ALL_RULES

_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*ivrcheck:\s*(?P<verb>disable-line|disable-file|disable|enable)\b(?P<codes>[^#\n]*)", re.IGNORECASE
)
ALL = "*"
#: `reason:`, `by:` and `until:` after a directive's codes (`=` works as well as `:`).
_TERMS = re.compile(r"\b(reason|by|until)\s*[:=]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Policy:
    """How waivers are judged in this run: the day they are judged on, and whether each needs a reason."""

    today: datetime.date = field(default_factory=datetime.date.today)
    strict: bool = False


@dataclass
class Directive:
    verb: str
    codes: frozenset[str]
    span: Span
    first: int  # first line covered
    last: int  # last line covered (inclusive)
    used: set[str] = field(default_factory=set)
    reason: str | None = None
    by: str | None = None
    until: str | None = None
    #: Why it silences nothing in this run ("expired", "no reason", "bad date"), or None when it applies.
    refused: str | None = None
    silenced: int = 0

    def covers(self, finding: Finding) -> bool:
        return (self.refused is None and self.first <= finding.span.line <= self.last
                and (ALL in self.codes or finding.code in self.codes))

    def judge(self, policy: Policy) -> None:
        """Refuse the waiver when it expired, has an unreadable `until`, or lacks a reason under `strict`."""
        if self.until is not None:
            try:
                last = datetime.date.fromisoformat(self.until)
            except ValueError:
                self.refused = "bad date"
                return
            if last < policy.today:
                self.refused = "expired"
                return
        if policy.strict and not self.reason:
            self.refused = "no reason"


def terms(text: str) -> tuple[str, dict[str, str]]:
    """A directive's codes, and its `reason:`, `by:` and `until:` (each up to the next one or a `;`)."""
    found = list(_TERMS.finditer(text))
    if not found:
        return text, {}
    values = {}
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        values[match.group(1).lower()] = text[match.end():end].strip().rstrip(";,").strip().strip("\"'") or ""
    return text[:found[0].start()], {k: v for k, v in values.items() if v}


def parse(text: str, known: dict[str, str]) -> tuple[list[Directive], list[tuple[Span, str]]]:
    """Directives in the text, and (position, word) for every code that names no rule.

    `known` maps rule codes and names (lower-case) to codes.
    """
    if "rcheck:" not in text.lower():
        # No directive anywhere: each letter of "rcheck:" lower-cases to itself alone (unlike the "i",
        # which the case-blind pattern also matches as "ı"), so this C-level test spares a regex a line.
        return [], []
    lines = text.splitlines()
    directives: list[Directive] = []
    unknown: list[tuple[Span, str]] = []
    open_ranges: dict[str, Directive] = {}
    in_scalar = _scalar_test(text) if "ivrcheck:" in text else None
    offset = 0
    for number, line in enumerate(lines, start=1):
        start, offset = offset, offset + len(line) + 1
        match = _DIRECTIVE.search(line)
        if not match or (in_scalar and in_scalar(start + line.rfind("#", 0, match.start("verb")))):
            continue
        span = Span(number, line.rfind("#", 0, match.start("verb")) + 1)
        named, said = terms(match.group("codes"))
        codes: set[str] = set()
        for word in filter(None, re.split(r"[\s,]+", named.strip())):
            code = known.get(word.lower())
            if code is None:
                unknown.append((span, word))
            else:
                codes.add(code)
        verb = match.group("verb").lower()
        covered = frozenset(codes) if codes else frozenset({ALL})
        if verb == "disable-line":
            standalone = not line[: match.start()].strip()
            target = _next_content_line(lines, number) if standalone else number
            directives.append(Directive(verb, covered, span, target, target, **said))
        elif verb == "disable-file":
            directives.append(Directive(verb, covered, span, 1, len(lines), **said))
        elif verb == "disable":
            for code in covered:
                directive = Directive(verb, frozenset({code}), span, number, len(lines), **said)
                open_ranges[code] = directive
                directives.append(directive)
        else:  # enable closes the ranges it names (all of them without codes)
            for code in list(open_ranges) if ALL in covered else covered:
                if code in open_ranges:
                    open_ranges.pop(code).last = number
    return directives, unknown


def _scalar_test(text: str):
    """A test for "is this character inside a scalar?" (then a `#` there is text, not a comment)."""
    starts, ends = [], []
    try:
        for token in yaml.scan(yaml_text(text), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken):
                start = token.start_mark.index
                if token.style in ("|", ">"):  # the header line (`|  # comment`) is no text of the scalar
                    newline = text.find("\n", start)
                    start = newline if newline != -1 else token.end_mark.index
                starts.append(start)
                ends.append(token.end_mark.index)
    except yaml.YAMLError:
        pass  # a file that does not scan has no rule findings to silence

    def inside(index: int) -> bool:
        i = bisect.bisect_right(starts, index) - 1
        return i >= 0 and index < ends[i]
    return inside


def _next_content_line(lines: list[str], number: int) -> int:
    for later in range(number, len(lines)):
        stripped = lines[later].strip()
        if stripped and not stripped.startswith("#"):
            return later + 1
    return number


def waive(findings: list[Finding], text: str, path: str, active: Callable[[str], bool] = lambda code: True,
          policy: Policy | None = None) -> tuple[list[Finding], list[Waiver]]:
    """The findings left after the file's waivers (with F014, F015, F022 and F023 for the waivers
    themselves), and every waiver as the results list it.

    A directive that names only codes switched off in this run (`--select`, `--ignore`, config)
    is not reported as unused: it would silence something in a full run.
    """
    known = {r.CODE.lower(): r.CODE for r in ALL_RULES} | {r.NAME: r.CODE for r in ALL_RULES}
    known |= {code.lower(): code for code in LOAD_CODES} | {c.name: code for code, c in LOAD_CODES.items()}
    directives, unknown = parse(text, known)
    if not directives and not unknown:
        return findings, []
    for directive in directives:
        directive.judge(policy or Policy())
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for directive in covering:
            directive.used.add(finding.code)
            directive.silenced += 1
        if not covering:
            kept.append(finding)
    for directive in directives:
        if directive.refused is not None:
            kept.append(_refusal(path, directive))
        elif not directive.used and (ALL in directive.codes or any(active(code) for code in directive.codes)):
            what = "nothing" if ALL in directive.codes else f"no {', '.join(sorted(directive.codes))} finding"
            kept.append(load_finding(path, "F014", directive.span,
                              f"`ivrcheck: {directive.verb}` silences {what} here",
                              "remove the comment, or fix the codes it names"))
    for span, word in unknown:
        kept.append(load_finding(path, "F015", span, f'suppression names "{word}", which is no rule code or name',
                          "use a code such as H203 or a name such as no-zero-out (`ivrcheck rule` lists them)"))
    return kept, _listed(directives, path)


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
        codes = ("*",) if ALL in d.codes else tuple(sorted(d.codes))
        before = merged.get(key)
        if before is not None:
            codes = tuple(sorted({*before.codes, *codes}))
        merged[key] = Waiver(codes, f"{path}:{d.span.line}", d.reason, d.by, d.until, d.refused == "expired",
                             d.silenced + (before.silenced if before else 0))
    return list(merged.values())


__all__ = ["Policy", "parse", "terms", "waive"]
