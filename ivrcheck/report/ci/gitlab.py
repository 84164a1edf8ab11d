"""The gitlab format: a Code Quality report that merge requests show as new and fixed findings."""

from __future__ import annotations

from typing import Any, Sequence

from ivrcheck.findings import FileResult, Finding, Severity
from ivrcheck.report import jsontext
from ivrcheck.report.common import described, digest, numbered

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def format(results: Sequence[FileResult], color: bool = False) -> str:
    findings = [f for r in results for f in r.findings]
    keys = [digest(f.path, f.code, f.span.line, f.span.column, f.message, f.state or "") for f in findings]
    # GitLab tells issues apart by fingerprint alone, so exact repeats get a counter.
    prints = [key if n == 1 else digest(key, n) for key, n in zip(keys, numbered(keys))]
    issues = [issue(f, p) for f, p in zip(findings, prints)]
    return jsontext.dumps(issues) + "\n"


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": described(finding),
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.path, "lines": {"begin": finding.span.line}},
    }
