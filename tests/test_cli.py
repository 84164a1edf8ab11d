"""The command line as a user and a CI job meet it: exit codes, formats, config, paths."""

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from ivrcheck import __version__
from ivrcheck.cli import app

runner = CliRunner()

CLEAN = """
name: Clean line
entry: main
defaults: {timeout: 5, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat, goto: repeat}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent, queue: general, announces_wait: true}
"""

DEAD_END = CLEAN.replace("We are open nine to five., next: main}", "We are open nine to five.}")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_clean_file_exits_0_with_a_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "All checks passed!" in result.output


def test_error_finding_exits_1_with_a_positioned_line(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:11:3: S103 " in result.output
    assert "Found 1 error" in result.output


def test_fail_on_never_and_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", DEAD_END)
    assert runner.invoke(app, ["check", "--fail-on", "never", str(path)]).exit_code == 0
    clean = write(tmp_path, "clean.ivr.yaml", CLEAN)
    assert runner.invoke(app, ["check", "--fail-on", "warning", str(clean)]).exit_code == 0


def test_missing_path_exits_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.ivr.yaml")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "no such file or folder" in result.output


def test_bad_option_and_unknown_format_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    assert runner.invoke(app, ["check", "--fail-on", "sometimes", str(path)]).exit_code == 2
    result = runner.invoke(app, ["check", "--format", "xml", str(path)])
    assert result.exit_code == 2 and 'unknown format "xml"' in result.output


def test_folder_finds_menu_files_and_skips_other_yaml(tmp_path: Path) -> None:
    write(tmp_path, "a.ivr.yaml", CLEAN)
    write(tmp_path, "sub/b.yaml", CLEAN)  # plain YAML with entry and nodes counts
    write(tmp_path, "sub/c.yml", "some: config\nother: 1\n")  # skipped, not reported
    write(tmp_path, ".hidden/d.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["check", "--format", "json", str(tmp_path)])
    paths = sorted(Path(f["path"]).name for f in json.loads(result.output)["files"])
    assert paths == ["a.ivr.yaml", "b.yaml"]


def test_config_file_is_found_upward_and_validated(tmp_path: Path) -> None:
    path = write(tmp_path, "menus/line.ivr.yaml", DEAD_END)
    write(tmp_path, ".ivrcheck.yaml", "ignore: [S103]\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    write(tmp_path, ".ivrcheck.yaml", "ignroe: [S103]\n")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert 'unknown option "ignroe"' in result.output and 'did you mean "ignore"' in result.output


def test_pyproject_tool_section_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", DEAD_END)
    write(tmp_path, "pyproject.toml", '[tool.ivrcheck]\nfail-on = "never"\n')
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_unknown_rule_setting_exits_2_with_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    write(tmp_path, ".ivrcheck.yaml", "rules:\n  dead-end: {strict: true}\n")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "S103" in result.output


def test_node_ignore_silences_a_rule_for_that_node(tmp_path: Path) -> None:
    text = DEAD_END.replace("We are open nine to five.}", "We are open nine to five., ignore: [S103]}")
    path = write(tmp_path, "line.ivr.yaml", text)
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_select_and_ignore_flags(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", DEAD_END)
    assert runner.invoke(app, ["check", "--ignore", "S1", str(path)]).exit_code == 0
    assert runner.invoke(app, ["check", "--select", "S103", str(path)]).exit_code == 1
    assert runner.invoke(app, ["check", "--select", "Z9", str(path)]).exit_code == 2


def test_unloadable_file_reports_f_codes_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", "entry: main\nnodes:\n  main:\n    promt: hi\n")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert ":4:5: F007 " in result.output and 'did you mean "prompt"' in result.output
    assert "Traceback" not in result.output


def test_score_command_prints_breakdown(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0
    assert "clarity score" in result.output and "human access" in result.output
    data = json.loads(runner.invoke(app, ["score", "--format", "json", str(path)]).output)
    assert set(data["files"][0]["breakdown"]) == {"navigation", "human_access", "wording", "robustness"}


def test_output_file_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    out = tmp_path / "report.json"
    assert runner.invoke(app, ["check", "-f", "json", "-o", str(out), str(path)]).exit_code == 0
    assert json.loads(out.read_text())["files"][0]["score"] is not None
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_rule_command_explains_a_rule_and_lists_all() -> None:
    assert "## Why it matters" in runner.invoke(app, ["rule", "dead-end"]).output
    assert "S103" in runner.invoke(app, ["rule"]).output
    assert runner.invoke(app, ["rule", "S999"]).exit_code == 2


def test_version() -> None:
    assert __version__ in runner.invoke(app, ["--version"]).output


def test_output_files_get_the_mode_the_umask_gives_and_keep_an_existing_mode(tmp_path: Path) -> None:
    import os
    import stat

    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        assert runner.invoke(app, ["check", "-f", "json", "-o", str(out), str(path)]).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)
    runner.invoke(app, ["check", "-f", "json", "-o", str(out), str(path)])
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_output_through_a_symlink_keeps_the_link_and_dash_is_stdout(tmp_path: Path) -> None:
    path = write(tmp_path, "line.ivr.yaml", CLEAN)
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert runner.invoke(app, ["check", "-f", "json", "-o", str(link), str(path)]).exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text())["files"]
    result = runner.invoke(app, ["check", "-f", "json", "-o", "-", str(path)])
    assert json.loads(result.output)["files"] and not (Path.cwd() / "-").exists()


def test_score_accepts_folders_and_several_files(tmp_path: Path) -> None:
    write(tmp_path, "a.ivr.yaml", CLEAN)
    write(tmp_path, "sub/b.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["score", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.count("clarity score") == 2
    data = json.loads(runner.invoke(app, ["score", "-f", "json", str(tmp_path / "a.ivr.yaml"),
                                          str(tmp_path / "sub" / "b.ivr.yaml")]).output)
    assert len(data["files"]) == 2


def test_help_speaks_to_people_not_in_python_types() -> None:
    for command in ("check", "score", "render", "rule", "config", "report", "import", "tasks", "diff", "schema"):
        text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"}).output
        for jargon in ("<list[", "<bool>", "<int", "<str>", "<path>", "range]", "[default: True]"):
            assert jargon not in text, (command, jargon)
    assert "What to check" in runner.invoke(app, ["check", "--help"], env={"COLUMNS": "120"}).output


def test_quiet_prints_only_findings_and_nothing_when_clean(tmp_path: Path) -> None:
    clean = write(tmp_path, "clean.ivr.yaml", CLEAN)
    assert runner.invoke(app, ["check", "--quiet", str(clean)]).output == ""
    broken = write(tmp_path, "broken.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["check", "-q", str(broken)])
    assert result.exit_code == 1
    assert result.output.splitlines() and all(": S103 " in line for line in result.output.splitlines())


def test_statistics_counts_findings_per_code(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.ivr.yaml", DEAD_END)
    other = write(tmp_path, "other.ivr.yaml", DEAD_END)
    result = runner.invoke(app, ["check", "--statistics", str(broken), str(other)])
    assert result.output.splitlines()[0] == "2\tS103\tdead-end"
    assert "Found 2 errors in 2 files" in result.output


def test_dash_reads_a_menu_from_standard_input_with_a_filename_for_positions(tmp_path: Path) -> None:
    text = textwrap.dedent(DEAD_END).lstrip("\n")
    result = runner.invoke(app, ["check", "-", "--stdin-filename", "menus/line.ivr.yaml"], input=text)
    assert result.exit_code == 1
    assert "menus/line.ivr.yaml:11:3: S103 " in result.output
    assert "<stdin>:11:3: S103" in runner.invoke(app, ["check", "-"], input=text).output


def test_rule_explains_load_codes_too() -> None:
    result = runner.invoke(app, ["rule", "F013"])
    assert result.exit_code == 0 and "commented-out-key" in result.output and '"#":' in result.output
    assert "F013" in runner.invoke(app, ["rule"]).output
    typo = runner.invoke(app, ["rule", "commented-out-kye"])
    assert typo.exit_code == 2 and 'did you mean "commented-out-key"' in typo.output


def test_job_summary_diagram_leaves_suppressed_findings_unmarked(tmp_path: Path, monkeypatch) -> None:
    text = DEAD_END.replace("We are open nine to five.}", "We are open nine to five.}  # ivrcheck: disable-line S103")
    path = write(tmp_path, "line.ivr.yaml", text)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert runner.invoke(app, ["check", "-f", "text", str(path)]).exit_code == 0
    written = summary.read_text()
    assert "flowchart" in written and "S103" not in written


def test_install_instructions_only_use_ways_that_exist() -> None:
    """No release is published: docs must not tell users to `pip install ivrcheck` or pin a tag."""
    import re

    root = Path(__file__).resolve().parent.parent
    pages = [root / "README.md", *sorted((root / "docs").rglob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"pip install ivrcheck(?![\\w\[])", text), page
        assert not re.search(r"rev: v\d", text), page


def test_a_killed_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM while the output is being written: the target is untouched and no .tmp remains."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "report.json"
    out.write_text("old")
    script = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "import ivrcheck.fileio as fileio\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "fileio.os.fsync = slow\n"
        "from ivrcheck.cli import main\n"
        f"sys.argv = ['ivrcheck', 'schema', '-o', {str(out)!r}]\n"
        "main()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)
    time.sleep(0.1)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], os.listdir(tmp_path)


def test_the_collector_paused_for_start_up_runs_again_once_menus_are_checked(tmp_path: Path) -> None:
    """main() pauses the cyclic collector while modules load; a long multi-file run must not
    go on without it (cycles in checked models would never be freed)."""
    import gc

    path = write(tmp_path, "a.ivr.yaml", CLEAN)
    was = gc.isenabled()
    gc.disable()
    try:
        for command in (["check", str(path)], ["render", "-f", "dot", "-o", str(tmp_path / "a.dot"), str(path)]):
            gc.disable()
            assert runner.invoke(app, command).exit_code == 0
            assert gc.isenabled(), command
    finally:
        (gc.enable if was else gc.disable)()
