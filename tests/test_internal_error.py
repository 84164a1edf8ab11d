"""ivrcheck's own failure on a file: an F099 finding on it, the other files still checked, exit 3 in every format.

The failure is injected: a rule is patched to raise on one file of the run, as a bug would.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck import cli
from ivrcheck.cli import process
from ivrcheck.rules.structure import dead_end
from tests.test_cli import CLEAN, DEAD_END, write

runner = CliRunner()
BROKEN = CLEAN.replace("Clean line", "Broken line")


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """S103 raises on the line named "Broken line", as a bug in ivrcheck would; other files check as usual."""
    real = dead_end.check

    def check(menu, line, settings):  # type: ignore[no-untyped-def]
        if menu.name == "Broken line":
            raise KeyError("no such node: 'x'")
        return real(menu, line, settings)

    monkeypatch.setattr(dead_end, "check", check)


@pytest.fixture
def three_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A broken file between a file with an error finding and a clean one."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a-dead-end.ivr.yaml", DEAD_END)
    write(tmp_path, "b-broken.ivr.yaml", BROKEN)
    write(tmp_path, "c-clean.ivr.yaml", CLEAN)
    return tmp_path


def codes(payload: dict, path: str) -> list[str]:
    return [f["code"] for file in payload["files"] if file["path"] == path for f in file["findings"]]


def test_the_broken_file_is_named_the_others_are_checked_and_the_run_exits_3(broken_rule: None,
                                                                              three_files: Path) -> None:
    result = runner.invoke(cli.app, ["check", "-f", "json", "."])
    assert result.exit_code == 3, result.output
    payload = json.loads(result.stdout)
    assert codes(payload, "b-broken.ivr.yaml") == ["F099"]
    assert "S103" in codes(payload, "a-dead-end.ivr.yaml")  # the files before and after it are checked
    assert [f["score"] for f in payload["files"] if f["path"] == "c-clean.ivr.yaml"] == [100]
    (finding,) = [f for file in payload["files"] for f in file["findings"] if f["code"] == "F099"]
    assert finding["name"] == "internal-error" and finding["severity"] == "error"
    assert (finding["line"], finding["column"]) == (1, 1)
    message = finding["message"]
    assert "KeyError: \"no such node: 'x'\"" in message
    assert "(in tests/" not in message
    assert "please report it to the ivrcheck maintainers" in message and "http" not in message
    assert "b-broken.ivr.yaml" in result.stderr and "exit 3" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fail_on", ["never", "info", "error"])
def test_3_wins_over_findings_and_over_fail_on(broken_rule: None, three_files: Path, fail_on: str) -> None:
    assert runner.invoke(cli.app, ["check", "--fail-on", fail_on, "."]).exit_code == 3


def test_a_usage_error_wins_over_3(broken_rule: None, three_files: Path) -> None:
    result = runner.invoke(cli.app, ["check", "--fail-on", "sometimes", "."])
    assert result.exit_code == 2, result.output


def test_without_the_broken_file_the_same_run_exits_1(broken_rule: None, three_files: Path) -> None:
    assert runner.invoke(cli.app, ["check", "a-dead-end.ivr.yaml", "c-clean.ivr.yaml"]).exit_code == 1
    assert runner.invoke(cli.app, ["check", "c-clean.ivr.yaml"]).exit_code == 0


def _findings_of(fmt: str, output: str) -> list[tuple[str, str]]:
    """(code, path) of every finding a format's output holds, read as a CI server reads it."""
    if fmt == "json":
        return [(f["code"], file["path"]) for file in json.loads(output)["files"] for f in file["findings"]]
    if fmt == "sarif":
        results = json.loads(output)["runs"][0]["results"]
        return [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results]
    if fmt == "gitlab":
        return [(f["check_name"], f["location"]["path"]) for f in json.loads(output)]
    if fmt == "junit":
        return [(e.get("type"), suite.get("name")) for suite in ET.fromstring(output)
                for case in suite for e in case if e.tag in ("failure", "error")]
    if fmt == "github":
        return [(line.split("title=")[1].split()[0], line.split("file=")[1].split(",")[0])
                for line in output.splitlines() if line.startswith("::")]
    return [(line.split()[1], line.split(":")[0]) for line in output.splitlines() if ".ivr.yaml:" in line]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_every_format_carries_the_failure_and_the_other_findings(broken_rule: None, three_files: Path,
                                                                 fmt: str) -> None:
    result = runner.invoke(cli.app, ["check", "-f", fmt, "."])
    assert result.exit_code == 3
    found = _findings_of(fmt, result.stdout)
    assert ("F099", "b-broken.ivr.yaml") in found
    assert ("S103", "a-dead-end.ivr.yaml") in found
    assert not any(path == "c-clean.ivr.yaml" for _, path in found)


def test_sarif_marks_the_run_unsuccessful_and_junit_counts_an_error(broken_rule: None, three_files: Path) -> None:
    sarif = json.loads(runner.invoke(cli.app, ["check", "-f", "sarif", "."]).stdout)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b-broken.ivr.yaml"
    junit = ET.fromstring(runner.invoke(cli.app, ["check", "-f", "junit", "."]).stdout)
    assert junit.get("errors") == "1" and int(junit.get("failures")) >= 1
    (suite,) = [s for s in junit if s.get("name") == "b-broken.ivr.yaml"]
    assert (suite.get("errors"), suite.get("failures")) == ("1", "0")


def test_a_clean_run_has_no_invocations_and_no_junit_errors(three_files: Path) -> None:
    assert "invocations" not in json.loads(runner.invoke(cli.app, ["check", "-f", "sarif", "."]).stdout)["runs"][0]
    assert ET.fromstring(runner.invoke(cli.app, ["check", "-f", "junit", "."]).stdout).get("errors") == "0"


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_prints_the_traceback_on_stderr(broken_rule: None, three_files: Path,
                                              monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.delenv("IVRCHECK_DEBUG", raising=False)
    if how == "environment":
        monkeypatch.setenv("IVRCHECK_DEBUG", "1")
    else:
        monkeypatch.setattr(process.os, "environ", {**process.os.environ})  # --debug sets it; keep it out of later tests
    result = runner.invoke(cli.app, ["check", "-f", "json", *(["--debug"] if how == "flag" else []), "."])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr and "KeyError" in result.stderr
    assert "b-broken.ivr.yaml" in result.stderr
    json.loads(result.stdout)  # the report itself stays clean


def test_the_failure_cannot_be_suppressed(broken_rule: None, three_files: Path) -> None:
    (three_files / ".ivrcheck.yaml").write_text("ignore: [F]\n")
    result = runner.invoke(cli.app, ["check", "-f", "json", "b-broken.ivr.yaml"])
    assert result.exit_code == 3 and codes(json.loads(result.stdout), "b-broken.ivr.yaml") == ["F099"]


@pytest.mark.parametrize("command", [["score"], ["tasks"], ["report", "-o", "-"], ["render", "-o", "x.dot"]])
def test_other_commands_exit_3_too(broken_rule: None, three_files: Path, command: list[str]) -> None:
    result = runner.invoke(cli.app, [command[0], "b-broken.ivr.yaml", *command[1:]])
    assert result.exit_code == 3, result.output


def test_standard_input_exits_3(broken_rule: None, three_files: Path) -> None:
    result = runner.invoke(cli.app, ["check", "-f", "json", "-"], input=BROKEN)
    assert result.exit_code == 3 and codes(json.loads(result.stdout), "<stdin>") == ["F099"]


def test_a_failure_outside_any_file_is_one_line_and_exit_3(three_files: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from ivrcheck.report.ci import json as json_format

    class Exited(Exception):
        pass

    def exit_(code: int) -> None:
        raise Exited(code)

    def broken_format(results, color):  # type: ignore[no-untyped-def]
        raise ValueError("formatter bug")

    monkeypatch.setattr(json_format, "format", broken_format)
    monkeypatch.setattr(process.os, "_exit", exit_)
    monkeypatch.setattr(process.sys, "argv", ["ivrcheck", "check", "-f", "json", "c-clean.ivr.yaml"])
    monkeypatch.delenv("IVRCHECK_DEBUG", raising=False)
    with pytest.raises(Exited) as exited:
        cli.main()
    assert exited.value.args == (3,)
    err = capsys.readouterr().err
    assert "ValueError: formatter bug" in err and "please report" in err and "Traceback" not in err


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the injected failure reaches --jobs workers only when they are forked")
def test_with_jobs_the_failure_comes_back_from_the_worker_as_a_finding(broken_rule: None, three_files: Path) -> None:
    result = runner.invoke(cli.app, ["check", "-f", "json", "--jobs", "2", "."])
    assert result.exit_code == 3, result.output
    payload = json.loads(result.stdout)
    assert codes(payload, "b-broken.ivr.yaml") == ["F099"] and "S103" in codes(payload, "a-dead-end.ivr.yaml")


def test_a_stdin_filename_with_a_newline_forges_no_line_on_stderr(broken_rule: None, three_files: Path) -> None:
    result = runner.invoke(cli.app, ["check", "-", "--stdin-filename", "a\n::1:1: F099 forged"], input=BROKEN)
    assert result.exit_code == 3
    failed = [line for line in result.stderr.splitlines() if "itself failed on" in line]
    assert failed and "a\\n::1:1: F099 forged" in failed[0]
    assert not any(line.startswith("::1:1:") for line in result.stderr.splitlines())
