"""The github format: workflow commands that GitHub Actions turns into annotations on the diff."""

from __future__ import annotations

from typing import Sequence

from ivrcheck.findings import FileResult, Finding, Severity
from ivrcheck.report.common import described, region
from ivrcheck.report.text import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format(results: Sequence[FileResult], color: bool = False) -> str:
    lines = [annotation(f) for result in results for f in result.findings]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def annotation(finding: Finding) -> str:
    """`::error file=..,line=..,col=..,endLine=..,endColumn=..,title=..::message`."""
    line, column, end_line, end_column = region(finding.span)
    properties: list[tuple[str, object]] = [("file", finding.path), ("line", line)]
    if end_line == line:
        # Actions takes columns only for one-line annotations, and its endColumn is inclusive.
        properties += [("col", column), ("endLine", end_line), ("endColumn", max(column, end_column - 1))]
    else:
        properties.append(("endLine", end_line))
    properties.append(("title", f"{finding.code} {finding.name}"))
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(described(finding))}"


def escape_data(text: str) -> str:
    """The message part: a raw newline would end the command and `%` starts an escape."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also `:` (ends the properties) and `,` (separates them)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
