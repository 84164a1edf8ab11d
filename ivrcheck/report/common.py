"""Helpers the CI formats, the hand-over report and the editor share: a finding's message, region, fingerprint, page."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from typing import Iterable
from urllib.parse import urlsplit

from ivrcheck.fileio import utf8
from ivrcheck.findings import Finding, Span


def described(finding: Finding) -> str:
    """The message with its remedy and, when it holds in one schedule state only, that state."""
    state = f" [{finding.state} hours]" if finding.state else ""
    return f"{finding.text}{state}"


def region(span: Span) -> tuple[int, int, int, int]:
    """(line, column, end line, end column), 1-based, the end exclusive as PyYAML's end mark.

    An unknown end falls back to the start, so consumers always get all four numbers.
    """
    end_line = span.end_line if span.end_line is not None else span.line
    end_column = span.end_column if span.end_column is not None else (span.column if end_line == span.line else 1)
    if (end_line, end_column) < (span.line, span.column):
        end_line, end_column = span.line, span.column
    return span.line, span.column, end_line, end_column


def digest(*parts: object) -> str:
    """A sha256 over the parts, joined with a separator no part can contain."""
    return hashlib.sha256(utf8("\0".join(str(p) for p in parts))).hexdigest()


def numbered(keys: Iterable[str]) -> list[int]:
    """For each key, how many times it has appeared so far (1 the first time): tells repeats apart."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(seen[key])
    return out


#: The environment variable naming where the user publishes ivrcheck's docs folder (rule pages under
#: `rules/`, F codes in `load-errors.md`). ivrcheck links to no address of its own making: without
#: it, the SARIF carries each page as its `help` and the reports bundle the pages they cite.
DOCS_URL_VARIABLE = "IVRCHECK_DOCS_URL"


def docs_url() -> str | None:
    """The configured base of the docs (ending in `/`), or None (also when it is not a web address)."""
    base = os.environ.get(DOCS_URL_VARIABLE, "").strip()
    if not base or docs_url_problem() is not None:
        return None
    return base if base.endswith("/") else base + "/"


def docs_url_problem() -> str | None:
    """Why the configured docs URL is ignored, or None: only an http(s) address with a host becomes a
    link, since it is the href of every rule link in a report (`javascript:` would run in a viewer
    without the report's CSP) and SARIF's `helpUri`."""
    base = os.environ.get(DOCS_URL_VARIABLE, "").strip()
    if not base:
        return None
    try:
        parts = urlsplit(base)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # `http://[::1` and other broken hosts
        web = False
    if web and base.isprintable() and " " not in base:
        return None
    return f"{DOCS_URL_VARIABLE} is not an http(s) address with a host; rule links are left out"


def help_uri(code: str) -> str | None:
    """The page of a rule or F code under the configured docs URL, or None when none is configured."""
    base = docs_url()
    if base is None:
        return None
    return f"{base}load-errors.md#{code.lower()}" if code.startswith("F") else f"{base}rules/{code}.md"
