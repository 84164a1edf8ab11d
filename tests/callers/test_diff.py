"""`ivrcheck diff`: moving an option deeper, two files and --git against a temporary repository."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.engine import inspect_file as inspect
from ivrcheck.findings import Severity
from ivrcheck.workspace import diff_files
from tests.conftest import MENUS

ACME = (MENUS / "acme-bank.ivr.yaml").read_text(encoding="utf-8")


def loans_under_cards(text: str) -> str:
    """Move "Loans and mortgages" from the main menu (key 3) into the cards menu (key 3)."""
    moved = text.replace("      For loans and mortgages, press 3. To speak to an advisor, press 0.\n",
                         "      To speak to an advisor, press 0.\n")
    moved = moved.replace('      "3": {label: Loans and mortgages, goto: loans, say: [loan, mortgage], weight: 0.15}\n', "")
    moved = moved.replace("To activate a new card, press 2.\n",
                          "To activate a new card, press 2.\n      For loans and mortgages, press 3.\n")
    moved = moved.replace('      "2": {label: Activate a new card, goto: activate_card, weight: 0.35}\n',
                          '      "2": {label: Activate a new card, goto: activate_card, weight: 0.35}\n'
                          '      "3": {label: Loans and mortgages, goto: loans, say: [loan, mortgage]}\n')
    assert moved.count("Loans and mortgages") == 1 and moved != text
    return moved


def test_moving_an_option_deeper_reports_exact_deltas(tmp_path: Path) -> None:
    new = tmp_path / "acme-bank.ivr.yaml"
    new.write_text(loans_under_cards(ACME), encoding="utf-8")
    found = diff_files(MENUS / "acme-bank.ivr.yaml", new)
    assert found.metrics["depth"] == {"old": 2, "new": 3}
    # The main prompt loses "For loans and mortgages, press 3." (6 words): 27 -> 21 words to "press 0" at 150 wpm.
    assert found.metrics["seconds_to_human"] == {"old": 10.8, "new": 8.4}
    assert found.metrics["steps_to_human"] == {"old": 1, "new": 1}
    # Cards now has four task options besides 0, * and # (no S106); T602 on the loan balance (the mortgage
    # caller finds nothing and presses 0 for an advisor, who can help: a task failed, not a T602). The
    # tree test's guess of which option tempts is an info finding, so the score holds.
    assert found.score == {"old": 100, "new": 100}
    assert [(f.code, f.severity) for f in found.new_findings] == [("T602", Severity.INFO)]
    assert found.fixed_findings == []
    assert found.metrics["task_success_rate"] == {"old": 1.0, "new": 0.667}
    kinds = [c.kind for c in found.changes]
    assert kinds.count("option-moved") == 1 and kinds.count("task-broken") == 2
    # Two tasks now fail: task success down is a regression of its own (issue 22).
    assert found.regressions == ["task success down: 100% -> 67%"]


def test_renumbered_and_relabelled_options_are_told_apart(tmp_path: Path) -> None:
    old, new = tmp_path / "old.ivr.yaml", tmp_path / "new.ivr.yaml"
    base = ('entry: main\nnodes:\n  main:\n    prompt: Choose.\n    options:\n{}\n'
            '  a: {{type: agent}}\n  b: {{type: agent}}\n')
    old.write_text(base.format('      "1": {label: Sales, goto: a}\n      "2": {label: Support, goto: b}'))
    new.write_text(base.format('      "2": {label: Sales, goto: a}\n      "1": {label: Help desk, goto: a}'))
    texts = [c.text() for c in diff_files(old, new).changes]
    assert 'main: "Sales" moved from key "1" to "2"' in texts
    assert 'main: option "1" relabelled "Support" -> "Help desk"' not in texts  # "1" was Sales, not Support
    assert 'main: option "2" removed (Support -> b)' in texts
    assert 'main: option "1" added (Help desk -> a)' in texts


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "menus").mkdir()
    (tmp_path / "menus" / "acme.ivr.yaml").write_text(ACME, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "acme")
    (tmp_path / "menus" / "acme.ivr.yaml").write_text(loans_under_cards(ACME), encoding="utf-8")
    git(tmp_path, "commit", "-qam", "loans under cards")
    (tmp_path / "README.md").write_text("not a menu\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_diff_git_head_1_against_the_working_tree(repo: Path) -> None:
    result = CliRunner().invoke(app, ["diff", "--git", "HEAD~1", "--format", "json", "--fail-on-regression"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["path"] == "menus/acme.ivr.yaml"
    assert data["metrics"]["depth"] == {"old": 2, "new": 3}
    assert data["metrics"]["seconds_to_human"] == {"old": 10.8, "new": 8.4}
    assert data["score"] == {"old": 100, "new": 100}  # the T602 guess is info; task success still falls
    assert {f["code"] for f in data["findings"]["new"]} == {"T602"}
    assert any(c["kind"] == "option-moved" for c in data["changes"])


def test_markdown_goes_to_the_job_summary(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(app, ["diff", "--git", "HEAD~1", "menus/acme.ivr.yaml"])
    assert result.exit_code == 0  # no --fail-on-regression
    text = summary.read_text(encoding="utf-8")
    assert "## ivrcheck diff" in text and "| depth | 2 | 3 | +1 worse |" in text


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = CliRunner().invoke(app, ["diff", "--git", "no-such-rev"])
    assert result.exit_code == 2 and 'unknown revision "no-such-rev"' in result.output


def test_two_files_are_needed_without_git(repo: Path) -> None:
    result = CliRunner().invoke(app, ["diff", "menus/acme.ivr.yaml"])
    assert result.exit_code == 2


FIXTURES = Path(__file__).parent / "fixtures"


def test_the_flawed_twin_names_each_planted_regression() -> None:
    found = diff_files(FIXTURES / "insurer-good.ivr.yaml", FIXTURES / "insurer-flawed.ivr.yaml")
    named = "\n".join(found.regressions)
    for regression in ("zero-out coverage down: 100% -> 0% (open hours)",
                       "a person only after errors: claims_team (open hours)",
                       "callback removed", "the closed state lost its person",
                       "new errors: S104 at main, P402 at main, S104 at after_hours",
                       "fewer callers reach a person"):
        assert regression in named, named
    assert "L301" in {f.code for f in found.new_findings}  # the confusing pair: a new warning


def test_the_good_line_against_itself_names_no_regression() -> None:
    good = FIXTURES / "insurer-good.ivr.yaml"
    assert diff_files(good, good).regressions == []


def test_time_to_a_person_up_is_a_regression(tmp_path: Path) -> None:
    old, new = tmp_path / "old.ivr.yaml", tmp_path / "new.ivr.yaml"
    base = ('entry: main\nnodes:\n  main:\n    prompt: {}To speak to an agent, press 0.\n    options:\n'
            '      "0": {{label: Agent, goto: a}}\n      "1": {{label: Sales, goto: s}}\n'
            '    on_timeout: repeat\n    on_invalid: repeat\n    after_retries: a\n'
            '  a: {{type: agent}}\n  s: {{type: self_service}}\n')
    old.write_text(base.format("For sales, press 1. "))
    new.write_text(base.format("Welcome to our company, where your call matters to us a great deal. "
                               "For sales, press 1. "))
    named = diff_files(old, new).regressions
    assert any(r.startswith("time to a person up:") for r in named), named


def test_findings_are_matched_by_code_node_and_state_not_words(tmp_path: Path) -> None:
    old, new = tmp_path / "old.ivr.yaml", tmp_path / "new.ivr.yaml"
    base = ('entry: main\nnodes:\n  main:\n    prompt: Welcome.\n    options:\n'
            '      "1": {{label: {}, goto: s}}\n  s: {{type: self_service}}\n')
    old.write_text(base.format("Sales"))
    new.write_text(base.format("Offers"))  # P401's message names the label it finds unannounced
    found = diff_files(old, new)
    assert any(f.code == "P401" and "Offers" in f.message for f in inspect(new).result.findings)
    assert found.new_findings == [] and found.fixed_findings == []


def test_regressions_are_named_in_text_json_and_markdown() -> None:
    from ivrcheck.report import diff as report

    found = diff_files(FIXTURES / "insurer-good.ivr.yaml", FIXTURES / "insurer-flawed.ivr.yaml")
    for output in (report.text([found]), report.markdown([found])):
        assert "zero-out coverage down" in output and "the closed state lost its person" in output
    assert "a person only after errors: claims_team (open hours)" in json.loads(report.as_json([found]))["regressions"]
