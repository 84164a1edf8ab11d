"""The SARIF 2.1.0 format, shaped for GitHub code scanning, with rule metadata from the registry."""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Any, Sequence
from urllib.parse import quote

from ivrcheck import __version__
from ivrcheck.findings import FileResult, Finding, Fix, Severity
from ivrcheck.load.codes import INTERNAL, LOAD_CODES, REPORT_TO, LoadCode
from ivrcheck.report import jsontext
from ivrcheck.report.common import described, digest, docs_url, help_uri, numbered, region
from ivrcheck.rules import ALL_RULES, BY_CODE, family
from ivrcheck.rules.base import Rule, summary
from ivrcheck.rules.docstring import sections

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: The key under partialFingerprints; bump the version if the hashed fields ever change.
FINGERPRINT = "ivrcheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_SEMVER = re.compile(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")
_LOAD_WHY = {
    Severity.ERROR: "ivrcheck finds it while reading the file, before any rule runs. A load error stops the file "
                    "from being checked any further, so its other problems stay hidden until this one is fixed.",
    Severity.WARNING: "ivrcheck finds it while reading the file, before any rule runs. The file is still checked, "
                      "but this text probably does not do what it was written to do.",
}
_LOAD_FIX = "Correct the file at the reported line; the message says what was found and what is expected."
_INTERNAL_WHY = ("ivrcheck itself failed while checking the file, so nothing is known about it; the run exits 3 "
                 "so that CI tells a broken checker from a broken menu.")
_INTERNAL_FIX = f"Report it to {REPORT_TO} with the file; IVRCHECK_DEBUG=1 prints the traceback."


def format(results: Sequence[FileResult], color: bool = False) -> str:
    return jsontext.dumps(log(results)) + "\n"


def log(results: Sequence[FileResult]) -> dict[str, Any]:
    """The whole SARIF log: one run, every known rule, one result per finding."""
    rules = [*(rule_descriptor(r) for r in ALL_RULES), *(load_descriptor(c) for c in LOAD_CODES.values())]
    index = {d["id"]: i for i, d in enumerate(rules)}
    findings = [f for r in results for f in r.findings]
    for finding in findings:
        if finding.code not in index:  # a code the registry does not list still needs a descriptor
            index[finding.code] = len(rules)
            rules.append(_descriptor(finding.code, finding.name, finding.severity, finding.name, finding.name, []))
    keys = [digest(f.code, f.path, f.node_id or "", f.message) for f in findings]
    out = [result(f, index[f.code], f"{key[:32]}:{n}") for f, key, n in zip(findings, keys, numbered(keys))]
    driver: dict[str, Any] = {"name": "ivrcheck", "version": __version__}
    if _SEMVER.fullmatch(__version__):  # SARIF wants SemVer here; a PEP 440 ".dev1" is not
        driver["semanticVersion"] = __version__
    if (base := docs_url()) is not None:  # only an address the user configured (docs/ci.md)
        driver["informationUri"] = base
    driver["rules"] = rules
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": out,
           "properties": {"clarity": [clarity(r) for r in results]}}
    failures = [f for f in findings if f.code == INTERNAL]
    if failures:  # SARIF's own place for a tool that failed: the run is marked unsuccessful
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": described(f)},
             "locations": [{"physicalLocation": {"artifactLocation": artifact(f.path)}}]} for f in failures]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def clarity(result: FileResult) -> dict[str, Any]:
    """A file's clarity score for the run's property bag: score, parts and the cap that held it down."""
    cap = getattr(result.clarity, "cap", None)
    return {"path": result.path, "score": result.score, "breakdown": result.breakdown,
            "cap": None if cap is None else cap.reason}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor from a rule module: its docstring page gives every text."""
    parts = sections(rule)
    what = parts.get("What it checks") or summary(rule)
    helps = [("What it checks", what), ("Why it matters", parts.get("Why it matters", "")),
             ("Use instead", parts.get("Use instead", ""))]
    full = " ".join(_plain(what).split("\n\n"))  # a description is one paragraph; help keeps them all
    return _descriptor(rule.CODE, rule.NAME, rule.SEVERITY, summary(rule), full, helps)


def load_descriptor(code: LoadCode) -> dict[str, Any]:
    """A reportingDescriptor for an F code; they share one docs page with an anchor each."""
    what = f"{code.summary[:1].upper()}{code.summary[1:]}."
    blocks = code.severity is Severity.ERROR and code.blocks
    why = _LOAD_WHY[Severity.ERROR] if blocks else _LOAD_WHY[Severity.WARNING]
    internal = code.code == INTERNAL
    helps = [("What it checks", what), ("Why it matters", _INTERNAL_WHY if internal else why),
             ("How to fix it", _INTERNAL_FIX if internal else _LOAD_FIX)]
    return _descriptor(code.code, code.name, code.severity, what, what, helps)


def _descriptor(code: str, name: str, severity: Severity, short: str, full: str,
                helps: list[tuple[str, str]]) -> dict[str, Any]:
    sections_ = [(heading, body) for heading, body in helps if body]
    descriptor: dict[str, Any] = {
        "id": code, "name": name,
        "shortDescription": {"text": short}, "fullDescription": {"text": full},
    }
    if sections_:
        descriptor["help"] = {
            "text": "\n\n".join(f"{heading}:\n{_plain(body)}" for heading, body in sections_),
            "markdown": "\n\n".join(f"## {heading}\n\n{body}" for heading, body in sections_),
        }
    if (uri := help_uri(code)) is not None:
        descriptor["helpUri"] = uri
    descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    rule = BY_CODE.get(code)
    tag = family(rule) if rule is not None else "load" if code in LOAD_CODES else "other"
    descriptor["properties"] = {"tags": ["ivr", tag]}
    return descriptor


def result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    """One SARIF result; the fingerprint leaves out the position so moved lines keep their alert."""
    line, column, end_line, end_column = region(finding.span)
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": described(finding)},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact(finding.path),
            "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
        }}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.fix is not None:
        out["fixes"] = [fix(finding.path, finding.fix)]
    properties = {key: value for key, value in (("node", finding.node_id), ("state", finding.state)) if value}
    if properties:
        out["properties"] = properties
    return out


def fix(path: str, found: Fix) -> dict[str, Any]:
    """A SARIF fix: the file's replacements, each a region (end excluded) and the text put there.
    Whether it is safe to apply unattended is in its property bag, as `check --fix` decides."""
    replacements = [{"deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                       "endLine": e.end_line, "endColumn": e.end_column},
                     "insertedContent": {"text": e.text}} for e in found.edits]
    return {"description": {"text": found.title},
            "artifactChanges": [{"artifactLocation": artifact(path), "replacements": replacements}],
            "properties": {"safe": found.safe}}


def artifact(path: str) -> dict[str, str]:
    """A repository-relative URI under %SRCROOT%, or a file: URI for a file outside the working folder."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    posix = pure.as_posix().removeprefix("./")
    # The name's own bytes, percent-encoded: the same as its UTF-8 for any name the system could
    # decode, and still a URI for one it could not.
    return {"uri": quote(os.fsencode(posix), safe="/"), "uriBaseId": "%SRCROOT%"}


def _plain(markdown: str) -> str:
    """Markdown to plain text: prose paragraphs on one line each, code blocks indented without fences."""
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif fenced:
            lines.append(f"    {line}" if line else line)
        elif line.strip() and lines and lines[-1].strip() and not _LIST_ITEM.match(line) \
                and not lines[-1].startswith("    "):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line.strip())
    return "\n".join(lines)
