"""The F0xx codes: problems found while loading a menu file, before any rule runs, and the one
factory that turns such a problem into a finding."""

from __future__ import annotations

import os
import traceback

from ivrcheck.findings import NOWHERE, Finding, Severity, Span
from ivrcheck.records import record


@record(slots=True)
class LoadCode:
    code: str
    name: str
    severity: Severity
    summary: str
    #: Whether an error of this code keeps the file from being checked (F013 is an error about a
    #: comment: the rest of the file still loads and is checked).
    blocks: bool = True


LOAD_CODES = {c.code: c for c in (
    LoadCode("F001", "yaml-syntax", Severity.ERROR, "the file is not valid YAML"),
    LoadCode("F002", "not-utf8", Severity.ERROR, "the file is not UTF-8 text"),
    LoadCode("F003", "empty-file", Severity.ERROR, "the file declares nothing"),
    LoadCode("F004", "not-a-mapping", Severity.ERROR, "the top level is not a mapping"),
    LoadCode("F005", "missing-field", Severity.ERROR, "a required field is missing"),
    LoadCode("F006", "wrong-type", Severity.ERROR, "a field holds the wrong kind of value"),
    LoadCode("F007", "unknown-field", Severity.ERROR, "a field name the format does not know"),
    LoadCode("F008", "duplicate-key", Severity.ERROR, "one mapping key written twice"),
    LoadCode("F009", "alias-expansion", Severity.ERROR, "aliases expand beyond a sane size"),
    LoadCode("F010", "too-deeply-nested", Severity.ERROR, "nesting beyond a sane depth"),
    LoadCode("F011", "invalid-value", Severity.ERROR, "a value outside the allowed set or range"),
    LoadCode("F012", "file-too-large", Severity.ERROR, "the file is larger than the size limit"),
    LoadCode("F013", "commented-out-key", Severity.ERROR, "an unquoted `#` key turned an option into a comment",
             blocks=False),
    LoadCode("F014", "unused-suppression", Severity.INFO, "an `ivrcheck: disable` comment that silences nothing"),
    LoadCode("F015", "unknown-suppression", Severity.WARNING, "a suppression comment names no rule"),
    LoadCode("F016", "reference-outside-repository", Severity.ERROR, "a `file#node` target leaves the repository"),
    LoadCode("F017", "reference-not-found", Severity.ERROR, "a `file#node` target names a missing file or node"),
    LoadCode("F018", "export-syntax", Severity.ERROR, "a platform export is not valid JSON, XML or configuration"),
    LoadCode("F019", "export-structure", Severity.ERROR, "a platform export parses but is not a flow that can be read"),
    LoadCode("F020", "opaque-step", Severity.INFO, "a step whose outcome cannot be known from the export alone"),
    LoadCode("F021", "unknown-entry", Severity.ERROR, "where calls start cannot be told, or `--entry` names nothing"),
    LoadCode("F022", "waiver-expired", Severity.ERROR, "an accepted exception whose `until:` has passed", blocks=False),
    LoadCode("F023", "waiver-incomplete", Severity.ERROR,
             "a waiver without a reason (under `--strict-waivers`) or with an `until:` that is no date", blocks=False),
    LoadCode("F099", "internal-error", Severity.ERROR, "ivrcheck itself failed on this file (exit code 3)"),
)}

#: ivrcheck's own failure on a file: never suppressed or re-graded, and the run exits 3.
INTERNAL = "F099"
#: Where to report an internal error: no address is printed that ivrcheck does not know to exist.
REPORT_TO = "the ivrcheck maintainers (the project's issue tracker)"


def load_finding(path: str, code: str, span: Span, message: str, help_text: str,
                 node_id: str | None = None) -> Finding:
    """The one place an F-code problem becomes a finding (loader, importers, references, suppressions)."""
    meta = LOAD_CODES[code]
    return Finding(path, code, meta.name, meta.severity, message, help_text, span, node_id)


def internal_finding(path: str, exc: BaseException) -> Finding:
    """F099: an unexpected exception while checking `path`, summed up in one line with where it was raised."""
    frames = [(_module(f.filename), f) for f in traceback.extract_tb(exc.__traceback__)]
    ours = [(name, f) for name, f in frames if name.startswith("ivrcheck/")] or frames
    place = f" (in {ours[-1][0]}:{ours[-1][1].lineno}, {ours[-1][1].name})" if ours else ""
    summary = " ".join(str(exc).split())[:200]
    message = f"ivrcheck failed on this file: {type(exc).__name__}{': ' + summary if summary else ''}{place}"
    help_text = (f"this is a bug in ivrcheck, not in the file: please report it to {REPORT_TO} with the file "
                 "(IVRCHECK_DEBUG=1 or --debug prints the traceback)")
    return Finding(path, INTERNAL, LOAD_CODES[INTERNAL].name, Severity.ERROR, message, help_text, NOWHERE)


def _module(filename: str) -> str:
    """`/x/site-packages/ivrcheck/importers/studio.py` -> `ivrcheck/importers/studio.py`."""
    plain = filename.replace("\\", "/")
    return plain[plain.rindex("/ivrcheck/") + 1:] if "/ivrcheck/" in plain else plain.rsplit("/", 1)[-1]


def debugging() -> bool:
    """Whether IVRCHECK_DEBUG asks for the traceback of ivrcheck's own failures (`--debug` sets it)."""
    return os.environ.get("IVRCHECK_DEBUG", "") not in ("", "0")
