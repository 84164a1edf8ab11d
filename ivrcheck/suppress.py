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

This module reads the comments; policy.py decides what they silence, with everything else
that decides which finding is reported.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

from ivrcheck.findings import Span
from ivrcheck.load.source import yaml_text

_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*ivrcheck:\s*(?P<verb>disable-line|disable-file|disable|enable)\b(?P<codes>[^#\n]*)", re.IGNORECASE
)
ALL = "*"
#: `reason:`, `by:` and `until:` after a directive's codes (`=` works as well as `:`).
_TERMS = re.compile(r"\b(reason|by|until)\s*[:=]", re.IGNORECASE)


@dataclass
class Directive:
    """One suppression comment as read: the lines and codes it covers, what it says of itself, and
    (filled in by the policy) whether it holds in this run and what it silenced."""

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
    following = _content_after(lines)
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
            target = (following[number] or number) if standalone else number
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


def _content_after(lines: list[str]) -> list[int]:
    """For each line index, the number of the first line from there on that is neither blank nor a
    comment (0: none). One pass from the end: a run of 9,000 directive comments was rescanned by each."""
    after = [0] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].strip()
        after[index] = index + 1 if stripped and not stripped.startswith("#") else after[index + 1]
    return after


__all__ = ["ALL", "Directive", "parse", "terms"]
