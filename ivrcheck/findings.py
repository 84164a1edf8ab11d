"""Plain frozen values that flow out of the pipeline: severities, spans, problems, findings."""

from __future__ import annotations

import datetime
import enum
from dataclasses import field
from pathlib import Path
from typing import Any, Iterable

from ivrcheck.records import record


class Severity(enum.Enum):
    """How bad a finding is; compares error > warning > info."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: Severity) -> bool:
        return self.rank < other.rank

    def __le__(self, other: Severity) -> bool:
        return self.rank <= other.rank

    def __gt__(self, other: Severity) -> bool:
        return self.rank > other.rank

    def __ge__(self, other: Severity) -> bool:
        return self.rank >= other.rank


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@record(slots=True, order=True)
class Span:
    """A 1-based position in a menu file (converted from PyYAML's 0-based marks once, in the loader)."""

    line: int
    column: int
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)
    #: For a position in a JSON export: the RFC 6901 pointer of the value ("/Actions/3/Parameters").
    pointer: str | None = field(default=None, compare=False)


NOWHERE = Span(1, 1)


@record(slots=True)
class Problem:
    """What a rule yields: the engine stamps code, name, severity and path onto it."""

    span: Span
    node_id: str | None
    message: str
    help: str = ""
    state: str | None = None
    #: Set only by rules whose severity depends on how bad the case is (S106 above 9 options).
    severity: Severity | None = None


@record(slots=True)
class Edit:
    """Replace the text from one 1-based position to another (end excluded) with `text`; equal positions insert.

    Columns count code points, as spans do, so an edit lands where an editor shows the finding.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def start(self) -> tuple[int, int]:
        return (self.line, self.column)

    @property
    def end(self) -> tuple[int, int]:
        return (self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


@record(slots=True)
class Fix:
    """A mechanical change to the file that resolves a finding. `safe` fixes change only what the
    finding names and never make the line worse (`check --fix`); the others need a person's eye
    (`--unsafe-fixes`)."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "safe": self.safe, "edits": [e.to_dict() for e in self.edits]}


@record(slots=True)
class Finding:
    """One reported problem, complete and immutable."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    help: str
    span: Span
    node_id: str | None = None
    state: str | None = None
    #: The mechanical fix for it, when one is certain (attached by the rule's `fix`, see ivrcheck.fixes).
    fix: Fix | None = field(default=None, compare=False)
    #: The clause of the profile(s) this finding enforces (also appended to the message).
    clause: str | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """The message with its remedy, as one line."""
        return f"{self.message}; {self.help}" if self.help else self.message

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.span.line, self.span.column, self.code, self.state or "", self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.text,
            "line": self.span.line,
            "column": self.span.column,
            **({"pointer": self.span.pointer} if self.span.pointer is not None else {}),
            "node": self.node_id,
            "state": self.state,
            **({"clause": self.clause} if self.clause else {}),
        }


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sort by position and code and drop exact repeats, so output is stable across runs."""
    unique = {f.sort_key(): f for f in findings}
    return [unique[k] for k in sorted(unique)]


@record(slots=True)
class Waiver:
    """An accepted exception: a suppression comment or a config waiver, with why, by whom, until when."""

    codes: tuple[str, ...]
    #: Where it is written: `file:line` for a comment, the config file for a config waiver.
    source: str
    reason: str | None = None
    by: str | None = None
    #: The last day it holds (ISO date), or None for no end.
    until: str | None = None
    expired: bool = False
    #: How many findings it silenced in this run.
    silenced: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"codes": list(self.codes), "source": self.source, "reason": self.reason, "by": self.by,
                "until": self.until, "expired": self.expired, "silenced": self.silenced}


@record(slots=True)
class Clock:
    """How waivers are judged in this run (policy.py): the day they are judged on, and whether each needs a reason."""

    #: Read when a clock is made (not when this module is), so a test can move the day.
    today: datetime.date = field(default_factory=lambda: datetime.date.today())
    strict: bool = False

    def expired(self, until: str | None) -> bool:
        """Whether a waiver whose last day is `until` (YYYY-MM-DD) no longer holds today."""
        return until is not None and datetime.date.fromisoformat(until) < self.today


def lapsed(waivers: Iterable[Waiver], clock: Clock | None = None) -> bool:
    """Whether a waiver that held when these results were made has since passed its `until:` day
    (the findings it silenced are due again: a cached result is stale). Here, below the rules, so
    that the cache can ask it without importing them."""
    clock = clock or Clock()
    return any(not w.expired and _readable(w.until) and clock.expired(w.until) for w in waivers)


def _readable(until: str | None) -> bool:
    """Whether a waiver's `until:` is a date; one that is not was refused from the start (F023), so it
    cannot lapse later."""
    try:
        return until is not None and bool(datetime.date.fromisoformat(until))
    except ValueError:
        return False


@record(slots=True)
class FileResult:
    """Everything ivrcheck learned about one menu file."""

    path: str
    findings: tuple[Finding, ...]
    metrics: dict[str, Any] | None = None
    score: int | None = None
    breakdown: dict[str, int] | None = None
    #: The score's details (an `ivrcheck.score.Clarity`): measures, caps and what moved each part.
    clarity: Any = field(default=None, compare=False, repr=False)
    #: The accepted exceptions that apply to this file, expired ones included (the report lists them).
    waivers: tuple[Waiver, ...] = ()
    #: The profiles (rule packs) the file was judged by, for the cover of a report.
    profiles: tuple[str, ...] = ()

    @classmethod
    def failed(cls, path: str | Path, findings: Iterable[Finding]) -> FileResult:
        """A file that could not be loaded: only F0xx findings, no metrics or score."""
        return cls(str(path), tuple(sort_findings(findings)))

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "score": self.score,
            "breakdown": self.breakdown,
            "metrics": self.metrics,
            "findings": [f.to_dict() for f in self.findings],
            **({"waivers": [w.to_dict() for w in self.waivers]} if self.waivers else {}),
        }
