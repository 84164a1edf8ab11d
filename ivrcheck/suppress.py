"""Suppression comments in menu files, in the spirit of yamllint:

    # ivrcheck: disable-line H203        this line, or the next one when the comment stands alone
    # ivrcheck: disable S108, R505       from here on ...
    # ivrcheck: enable S108               ... until here (the end of the file if never enabled)
    # ivrcheck: disable-file P404        the whole file

Without codes a directive covers every rule. Codes may be rule codes or names. A directive
that silences nothing is reported (F014, info) so stale ones do not pile up; one that names
no rule is reported as F015.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

import yaml

from ivrcheck.findings import Finding, Span
from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.source import yaml_text
from ivrcheck.rules import ALL_RULES

_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*ivrcheck:\s*(?P<verb>disable-line|disable-file|disable|enable)\b(?P<codes>[^#\n]*)", re.IGNORECASE
)
ALL = "*"


@dataclass
class Directive:
    verb: str
    codes: frozenset[str]
    span: Span
    first: int  # first line covered
    last: int  # last line covered (inclusive)
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        return self.first <= finding.span.line <= self.last and (ALL in self.codes or finding.code in self.codes)


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
        codes: set[str] = set()
        for word in filter(None, re.split(r"[\s,]+", match.group("codes").strip())):
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
            directives.append(Directive(verb, covered, span, target, target))
        elif verb == "disable-file":
            directives.append(Directive(verb, covered, span, 1, len(lines)))
        elif verb == "disable":
            for code in covered:
                directive = Directive(verb, frozenset({code}), span, number, len(lines))
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


def apply(findings: list[Finding], text: str, path: str,
          active: Callable[[str], bool] = lambda code: True) -> list[Finding]:
    """Drop suppressed findings; add F014 for unused directives and F015 for unknown codes.

    A directive that names only codes switched off in this run (`--select`, `--ignore`, config)
    is not reported as unused: it would silence something in a full run.
    """
    known = {r.CODE.lower(): r.CODE for r in ALL_RULES} | {r.NAME: r.CODE for r in ALL_RULES}
    known |= {code.lower(): code for code in LOAD_CODES} | {c.name: code for code, c in LOAD_CODES.items()}
    directives, unknown = parse(text, known)
    if not directives and not unknown:
        return findings
    kept = []
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for directive in covering:
            directive.used.add(finding.code)
        if not covering:
            kept.append(finding)
    for directive in directives:
        if not directive.used and (ALL in directive.codes or any(active(code) for code in directive.codes)):
            what = "nothing" if ALL in directive.codes else f"no {', '.join(sorted(directive.codes))} finding"
            kept.append(load_finding(path, "F014", directive.span,
                              f"`ivrcheck: {directive.verb}` silences {what} here",
                              "remove the comment, or fix the codes it names"))
    for span, word in unknown:
        kept.append(load_finding(path, "F015", span, f'suppression names "{word}", which is no rule code or name',
                          "use a code such as H203 or a name such as no-zero-out (`ivrcheck rule` lists them)"))
    return kept


__all__ = ["apply", "parse"]
