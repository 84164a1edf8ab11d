"""Phone lines spread over files: `file.ivr.yaml#node` targets check as one graph."""

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from ivrcheck.cli import app

runner = CliRunner()

MAIN = """
name: Main line
entry: main
defaults: {timeout: 5, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For billing, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Billing, goto: billing.ivr.yaml#billing}
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat, goto: repeat}
  advisor: {type: agent, queue: general, announces_wait: true}
"""

BILLING = """
name: Billing
entry: billing
defaults: {timeout: 5, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: main.ivr.yaml#advisor}
nodes:
  billing:
    prompt: For your balance, press 1. To speak to an advisor, press 0. To go back, press hash.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: main.ivr.yaml#advisor}
      "#": {label: Main menu, goto: main.ivr.yaml#main}
  balance: {type: message, prompt: Your balance is ready.}
"""


def repo(tmp_path: Path, **files: str) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    for name, text in files.items():
        path = tmp_path / name.replace("_ivr", ".ivr").replace("_yaml", ".yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.output)


def findings(data: dict) -> dict[str, list[tuple[str, int, int]]]:
    return {Path(f["path"]).name: [(x["code"], x["line"], x["column"]) for x in f["findings"]] for f in data["files"]}


def test_two_files_check_as_one_line_with_findings_in_the_right_file(tmp_path: Path) -> None:
    root = repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=BILLING)
    code, data = run(str(root / "main.ivr.yaml"))
    by_file = findings(data)
    # The dead end is in billing.ivr.yaml at its own line 10, reached through main.
    assert ("S103", 11, 3) in by_file["billing.ivr.yaml"]
    assert not any(c == "S101" for c, *_ in by_file["main.ivr.yaml"])  # the target resolved
    assert code == 1
    main = next(f for f in data["files"] if f["path"].endswith("main.ivr.yaml"))
    assert main["metrics"]["unreachable"] == []


def test_checking_the_folder_reports_each_file_once(tmp_path: Path) -> None:
    root = repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=BILLING)
    _, data = run(str(root))
    names = sorted(Path(f["path"]).name for f in data["files"])
    assert names == ["billing.ivr.yaml", "main.ivr.yaml"]
    assert findings(data)["billing.ivr.yaml"].count(("S103", 11, 3)) == 1


def test_files_that_refer_to_each_other_do_not_loop(tmp_path: Path) -> None:
    fixed = BILLING.replace("Your balance is ready.}", "Your balance is ready., next: billing}")
    root = repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=fixed)
    code, data = run(str(root), "--jobs", "2")
    assert code == 0, data


def test_a_caller_loop_across_files_is_a_trap(tmp_path: Path) -> None:
    a = """
        entry: a
        nodes:
          a: {type: message, prompt: One., next: b.ivr.yaml#b}
        """
    b = """
        entry: b
        nodes:
          b: {type: message, prompt: Two., next: a.ivr.yaml#a}
        """
    root = repo(tmp_path, a_ivr_yaml=a, b_ivr_yaml=b)
    _, data = run(str(root / "a.ivr.yaml"))
    assert ("S104", 3, 3) in findings(data)["a.ivr.yaml"]


def test_reference_outside_the_repository_or_missing_is_a_finding(tmp_path: Path) -> None:
    outside = MAIN.replace("billing.ivr.yaml#billing", "../../elsewhere.ivr.yaml#x")
    root = repo(tmp_path / "repo", main_ivr_yaml=outside)
    (tmp_path / "elsewhere.ivr.yaml").write_text("entry: x\nnodes:\n  x: {type: hangup}\n")
    code, data = run(str(root / "main.ivr.yaml"))
    assert ("F016", 8, 35) in findings(data)["main.ivr.yaml"]
    missing = MAIN.replace("billing.ivr.yaml#billing", "billing.ivr.yaml#nope")
    root2 = repo(tmp_path / "repo2", main_ivr_yaml=missing, billing_ivr_yaml=BILLING)
    _, data = run(str(root2 / "main.ivr.yaml"))
    (f017,) = [f for f in data["files"][0]["findings"] if f["code"] == "F017"]
    assert 'has no node "nope"' in f017["message"]


def test_github_actions_gets_annotations_and_a_job_summary(tmp_path: Path, monkeypatch) -> None:
    root = repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=BILLING)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, ["check", str(root)])
    assert result.exit_code == 1
    assert "::error file=" in result.output and "S103" in result.output
    text = summary.read_text()
    assert "billing.ivr.yaml" in text and "S103" in text and "score" in text
    assert "<details><summary>Diagram</summary>" in text and "```mermaid" in text and "flowchart TD" in text


def test_a_mistyped_node_in_another_file_is_reported_once(tmp_path: Path) -> None:
    """F017 at the target; the merged graph does not report it again as S101."""
    billing = BILLING.replace('"0": {label: Advisor, goto: main.ivr.yaml#advisor}', '"0": {label: Advisor, goto: main.ivr.yaml#advisr}')
    repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=billing)
    code, data = run(str(tmp_path / "main.ivr.yaml"))
    codes = [x["code"] for f in data["files"] for x in f["findings"] if x["code"] in ("F017", "S101")]
    assert codes == ["F017"]


def test_defaults_of_another_file_are_reported_in_that_file(tmp_path: Path) -> None:
    billing = BILLING.replace("defaults: {timeout: 5, retries: 2,", "defaults: {timeout: 5, retries: 7,")
    repo(tmp_path, main_ivr_yaml=MAIN, billing_ivr_yaml=billing)
    code, data = run(str(tmp_path / "main.ivr.yaml"))
    where = {Path(f["path"]).name: [(x["line"], x["column"]) for x in f["findings"] if x["code"] == "R504"]
             for f in data["files"]}
    assert where == {"main.ivr.yaml": [], "billing.ivr.yaml": [(3, 24)]}


def test_a_ring_of_files_is_read_once_per_file_not_once_per_file_and_root(tmp_path: Path, monkeypatch) -> None:
    """Files that all reach each other: checking each as a root read every file once per file (quadratic)."""
    from ivrcheck import reading
    from ivrcheck.reading import line as reading_line

    count = 30
    for i in range(count):
        (tmp_path / f"r{i:02d}.ivr.yaml").write_text(
            f'entry: main\nnodes:\n  main:\n    prompt: For the next, press 1. For the last, press 2.\n    options:\n'
            f'      "1": {{label: Next, goto: r{(i + 1) % count:02d}.ivr.yaml#main}}\n'
            f'      "2": {{label: Last, goto: r{(i - 1) % count:02d}.ivr.yaml#main}}\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    reads: list[Path] = []
    real = reading_line.read_file

    def counted(path, *args, **kwargs):
        reads.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reading_line, "read_file", counted)
    monkeypatch.setattr(reading, "read_file", counted)
    code, data = run("--no-cache", str(tmp_path))
    assert len(data["files"]) == count
    assert len(reads) <= 2 * count, len(reads)
    reads.clear()  # with --jobs, as the first line spans files, they are checked here, each once
    assert run("--no-cache", "-j", "4", str(tmp_path)) == (code, data)
    assert len(reads) <= 2 * count, len(reads)


def test_a_file_whose_name_holds_a_hash_is_a_target(tmp_path: Path) -> None:
    """`a#b.ivr.yaml#billing`: cut at the `#` before which a file exists (it was read as file "a")."""
    root = repo(tmp_path, main_ivr_yaml=MAIN.replace("billing.ivr.yaml#billing", '"a#b.ivr.yaml#billing"'))
    (root / "a#b.ivr.yaml").write_text(textwrap.dedent(BILLING).lstrip("\n"), encoding="utf-8")
    _, data = run(str(root / "main.ivr.yaml"))
    assert not [x for f in data["files"] for x in f["findings"] if x["code"] in ("F017", "S101")]
    assert {Path(f["path"]).name for f in data["files"]} == {"main.ivr.yaml", "a#b.ivr.yaml"}


def test_a_target_with_a_surprising_hash_says_how_it_was_read(tmp_path: Path) -> None:
    """A local id holding `#`, or a missing file with one in its name: the help says how `#` splits."""
    main = MAIN.replace("billing.ivr.yaml#billing", '"#advisor"').replace("goto: advisor}", 'goto: "x#y.ivr.yaml#z"}')
    root = repo(tmp_path, main_ivr_yaml=main)
    _, data = run(str(root / "main.ivr.yaml"))
    found = [x for x in data["files"][0]["findings"] if x["code"] == "F017"]
    assert len(found) == 2
    assert '"#advisor" reads as node "advisor" of file ""' in found[0]["message"]
    assert '"x#y.ivr.yaml#z" reads as node "y.ivr.yaml#z" of file "x"' in found[1]["message"]
    assert all("a node id cannot hold a `#`" in f["message"] for f in found)


def test_a_missing_file_with_one_hash_gets_the_plain_help(tmp_path: Path) -> None:
    root = repo(tmp_path, main_ivr_yaml=MAIN)
    _, data = run(str(root / "main.ivr.yaml"))
    (f017,) = [x for x in data["files"][0]["findings"] if x["code"] == "F017"]
    assert f017["message"].endswith("does not exist; fix the file name; it is relative to this file's folder")


def test_a_node_after_two_hashes_is_read_with_the_second_and_said_so(tmp_path: Path) -> None:
    root = repo(tmp_path, main_ivr_yaml=MAIN.replace("billing.ivr.yaml#billing", '"billing.ivr.yaml##billing"'),
                billing_ivr_yaml=BILLING)
    _, data = run(str(root / "main.ivr.yaml"))
    (f017,) = [x for x in data["files"][0]["findings"] if x["code"] == "F017"]
    assert 'has no node "#billing"' in f017["message"]
    assert '"billing.ivr.yaml##billing" reads as node "#billing" of file "billing.ivr.yaml"' in f017["message"]
