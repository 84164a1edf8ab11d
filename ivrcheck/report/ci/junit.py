"""The junit format: one test suite per menu file and one failing test case per finding.

CI servers (GitLab, Jenkins, Azure) show JUnit XML as test results, so each finding must be a
test case with a name that is unique within its file, and a clean file needs a passing case
or it would look like a file that was never checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence

from ivrcheck.findings import FileResult, Finding
from ivrcheck.load.codes import INTERNAL
from ivrcheck.report.common import described, numbered

CLEAN_CASE = "all checks passed"
# XML 1.0 cannot carry these characters at all, not even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format(results: Sequence[FileResult], color: bool = False) -> str:
    root = ET.Element("testsuites", name="ivrcheck")
    for result in results:
        root.append(suite(result))
    total = sum(len(r.findings) or 1 for r in results)
    errors = sum(_errors(r) for r in results)
    root.set("tests", str(total))
    root.set("failures", str(total - errors - sum(not r.findings for r in results)))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def suite(result: FileResult) -> ET.Element:
    """The test suite of one file; its clarity score goes in the suite's properties."""
    path = _xml(result.path)
    errors = _errors(result)
    element = ET.Element("testsuite", name=path, tests=str(len(result.findings) or 1),
                         failures=str(len(result.findings) - errors), errors=str(errors), skipped="0")
    if result.score is not None:
        properties = ET.SubElement(element, "properties")
        ET.SubElement(properties, "property", name="score", value=str(result.score))
    if not result.findings:
        ET.SubElement(element, "testcase", name=CLEAN_CASE, classname=path)
        return element
    names = [case_name(f) for f in result.findings]
    for finding, name, n in zip(result.findings, names, numbered(names)):
        case = ET.SubElement(element, "testcase", name=name if n == 1 else f"{name} #{n}", classname=path)
        # JUnit's `error` is a test that broke rather than failed: ivrcheck's own failure (F099).
        kind = "error" if finding.code == INTERNAL else "failure"
        failure = ET.SubElement(case, kind, type=finding.code, message=_xml(described(finding)))
        failure.text = _xml(details(finding))
    return element


def _errors(result: FileResult) -> int:
    return sum(f.code == INTERNAL for f in result.findings)


def case_name(finding: Finding) -> str:
    """`CODE line:col node [state]`: what and where, short enough for a CI results table."""
    parts = [finding.code, f"{finding.span.line}:{finding.span.column}"]
    if finding.node_id:
        parts.append(finding.node_id)
    if finding.state:
        parts.append(f"[{finding.state}]")
    return _xml(" ".join(parts))


def details(finding: Finding) -> str:
    """The failure body: the concise line, then the problem and the remedy on lines of their own."""
    lines = [f"{finding.path}:{finding.span.line}:{finding.span.column}: {finding.code} {finding.name} "
             f"({finding.severity.value})", finding.message]
    if finding.help:
        lines.append(f"help: {finding.help}")
    if finding.state:
        lines.append(f"holds when the line is {finding.state}")
    return "\n".join(lines)


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
