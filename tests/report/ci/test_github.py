"""GitHub workflow commands: one line per finding, escaped so no text can end or forge a command."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ivrcheck.findings import FileResult, Severity
from ivrcheck.report.ci import github
from ivrcheck.report.common import described
from tests.report.samples import BANK, sample_results

COMMAND = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def unescape(text: str) -> str:
    """What the Actions runner does to a value; `%25` last so escapes are not decoded twice."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    return match["kind"], {key: unescape(value) for key, value in props.items()}, unescape(match["data"])


@pytest.mark.parametrize(("text", "expected"), [
    ("100% sure", "100%25 sure"),
    ("one\ntwo\r\nthree", "one%0Atwo%0D%0Athree"),
    ("%0A stays literal", "%250A stays literal"),
    ("a, b: c", "a, b: c"),
])
def test_escape_data(text: str, expected: str) -> None:
    assert github.escape_data(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("menus/a,b.ivr.yaml", "menus/a%2Cb.ivr.yaml"),
    ("C:\\menus\\a.ivr.yaml", "C%3A\\menus\\a.ivr.yaml"),
    ("50%\nx", "50%25%0Ax"),
    ("H203 no-zero-out", "H203 no-zero-out"),
])
def test_escape_property(text: str, expected: str) -> None:
    assert github.escape_property(text) == expected


def test_one_command_per_finding_then_a_plain_summary() -> None:
    results = sample_results()
    lines = github.format(results).splitlines()
    findings = [f for r in results for f in r.findings]
    assert len(lines) == len(findings) + 1
    assert not lines[-1].startswith("::")
    assert lines[-1].startswith("Found 2 errors, 2 warnings, 1 info in 3 files")
    for line, finding in zip(lines, findings):
        kind, props, message = parse(line)
        assert kind == {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[finding.severity]
        assert props["file"] == finding.path and props["line"] == str(finding.span.line)
        assert props["title"] == f"{finding.code} {finding.name}"
        assert message == described(finding)  # quotes, newline, comma, colon and percent survive


def test_exact_annotation_with_escapes() -> None:
    zero_out = sample_results()[0].findings[1]
    assert github.annotation(zero_out) == (
        "::warning file=menus/acme-bank.ivr.yaml,line=12,col=5,endLine=12,endColumn=5,title=H203 no-zero-out"
        '::menu "loans" says "press 0, it\'s 100%25 free"%0Abut 0 leads nowhere: no agent; '
        'bind "0" to an agent [closed hours]')


def test_columns_only_on_one_line_and_end_column_inclusive() -> None:
    dead_end, _, phantom, _ = sample_results()[0].findings
    assert parse(github.annotation(dead_end))[1]["endColumn"] == "11"  # exclusive 12 -> inclusive 11
    props = parse(github.annotation(phantom))[1]
    assert props["endLine"] == "15" and "col" not in props and "endColumn" not in props


def test_hostile_path_and_title_cannot_break_the_properties() -> None:
    finding = replace(sample_results()[0].findings[0], path="odd, name: 100%.ivr.yaml", name="dead-end,x::y")
    _, props, _ = parse(github.annotation(finding))
    assert props["file"] == "odd, name: 100%.ivr.yaml"
    assert props["title"] == "S103 dead-end,x::y"


def test_clean_run_prints_only_the_summary() -> None:
    assert github.format([FileResult(BANK, (), score=100)]) == "All checks passed! (1 file; clarity score 100/100)\n"


def test_picked_by_default_inside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    from ivrcheck.report import default_format

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert default_format() == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert default_format() == "text"
