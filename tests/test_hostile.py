"""Broken, huge and hostile input: a clear finding or one readable line, never a traceback, signal or hang.

Each case is one that fuzzing or a hostile file once broke (issue 15); they run through the real
command line in a fresh process, so a segfault or a hang shows as what it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MENU = 'entry: main\nnodes:\n  main:\n    prompt: For help, press 0.\n    options:\n      "0": {{label: Help, goto: {target}}}\n  a: {{type: agent}}\n'


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`ivrcheck ARGS` in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "ivrcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def clean_exit(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-500:])
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]


@pytest.mark.parametrize("field", ["timeout", "retries"])
def test_a_number_thousands_of_digits_long_is_a_finding(tmp_path: Path, field: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(f"entry: main\ndefaults: {{{field}: {'9' * 4000}, on_timeout: a}}\n"
                                         + MENU.format(target="a").split("\n", 1)[1])
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    assert [f["code"] for f in findings(result)] == ["F011"]


@pytest.mark.parametrize("value", ["1.0e+999", ".inf", ".nan"])
def test_infinite_numbers_never_reach_json(tmp_path: Path, value: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(f"entry: main\ndefaults: {{timeout: {value}, on_timeout: a}}\n"
                                         + MENU.format(target="a").split("\n", 1)[1])
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


def test_a_nan_speaking_rate_in_the_config_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".ivrcheck.yaml").write_text("speaking_rate: {en: .nan}\n")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "speaking_rate.en must be a positive number" in result.stderr


@pytest.mark.parametrize("target", ["x" * 300 + ".ivr.yaml#a", '"a\\0b.ivr.yaml#a"'])
def test_unusable_file_names_in_targets_are_f017(tmp_path: Path, target: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target=target))
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    (finding,) = [f for f in findings(result) if f["code"] == "F017"]
    assert "cannot be a file name" in finding["message"] and "\0" not in result.stdout


def test_deep_flow_nesting_with_a_bracket_in_a_string_is_refused_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text("entry: main\nnodes: " + "[" * 30000 + '"{"' + "]" * 30000 + "\n")
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    assert [f["code"] for f in findings(result)] == ["F010"]


@pytest.mark.parametrize("language", ['"\\0"', '"../../../../etc/passwd"', '"en/../../x"'])
def test_a_language_is_a_name_never_a_path(tmp_path: Path, language: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(f"language: {language}\n" + MENU.format(target="a"))
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    assert [f["code"] for f in findings(result)] == ["F011"]


def test_symlink_loops_inside_a_folder_and_as_a_reference(tmp_path: Path) -> None:
    (tmp_path / "loop1.ivr.yaml").symlink_to(tmp_path / "loop2.ivr.yaml")
    (tmp_path / "loop2.ivr.yaml").symlink_to(tmp_path / "loop1.ivr.yaml")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="loop1.ivr.yaml#a"))
    result = run("check", "-f", "json", ".", cwd=tmp_path)
    clean_exit(result)
    assert [f["code"] for f in findings(result) if f["code"].startswith("F")] == ["F017"]
    assert result.stderr.count("leads back to itself; skipped") == 2


def test_a_symlink_loop_in_a_folder_is_one_notice_and_the_rest_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "menus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-loop.ivr.yaml").symlink_to(folder / "a-loop.ivr.yaml")
    (folder / "sub" / "d1").symlink_to(folder / "sub" / "d2")
    (folder / "sub" / "d2").symlink_to(folder / "sub" / "d1")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "b.ivr.yaml").write_text(MENU.format(target="a"))
    (folder / "sub" / "c.ivr.yaml").write_text(MENU.format(target="nowhere"))
    result = run("check", "-f", "json", "menus", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert sorted(file["path"] for file in json.loads(result.stdout)["files"]) == ["menus/b.ivr.yaml",
                                                                                  "menus/sub/c.ivr.yaml"]
    notices = result.stderr.splitlines()
    assert notices == [f"ivrcheck: warning: menus/{name}: a symbolic link that leads back to itself; skipped"
                       for name in ("a-loop.ivr.yaml", "sub/d1", "sub/d2")]


def usage_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2 with one readable line on stderr that says what is wrong."""
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ivrcheck: error: "), result.stderr
    assert all(word in result.stderr for word in words), result.stderr


@pytest.mark.parametrize("glob", ['""', '"."'])
def test_a_per_file_ignore_pattern_that_matches_nothing_is_a_usage_error(tmp_path: Path, glob: str) -> None:
    (tmp_path / ".ivrcheck.yaml").write_text(f"per-file-ignores:\n  {glob}: [S103]\n")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    usage_error(run("check", "m.ivr.yaml", cwd=tmp_path), "per_file_ignores", "matches no file")


@pytest.mark.parametrize(("value", "words"), [(".inf", "not a finite number"), (".nan", "not a finite number"),
                                              ("-1", "out of range"),
                                              ("9" * 5000, ".ivrcheck.yaml:2:25: a value 5,000 characters long is a "
                                               "number no setting can hold; write an ordinary number")])
def test_a_rule_setting_that_is_no_usable_number_is_a_usage_error(tmp_path: Path, value: str, words: str) -> None:
    (tmp_path / ".ivrcheck.yaml").write_text(f"rules:\n  too-deep: {{max_depth: {value}}}\n")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    usage_error(run("check", "m.ivr.yaml", cwd=tmp_path), words)


def test_a_huge_number_anywhere_in_pyproject_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.other]\nx = {'9' * 5000}\n[tool.ivrcheck]\nignore = []\n")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    usage_error(run("check", "m.ivr.yaml", cwd=tmp_path), "invalid TOML", "5000 digits")


@pytest.mark.parametrize(("option", "value", "words"), [("--fold", "²", "--fold"), ("--fold", "9" * 5000, "--fold"),
                                                        ("--link-base", "http://[::1", "no web address")])
def test_render_options_that_are_no_number_or_no_url_are_usage_errors(tmp_path: Path, option: str, value: str,
                                                                        words: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    usage_error(run("render", "m.ivr.yaml", "-o", "m.dot", option, value, cwd=tmp_path), words)


def test_a_fold_depth_and_a_link_base_that_are_fine_still_draw(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    result = run("render", "m.ivr.yaml", "-o", "m.svg", "--fold", "2", "--link-base", "http://[::1]:8000/menus/",
                 cwd=tmp_path)
    if result.returncode == 2 and "dot" in result.stderr:
        pytest.skip("Graphviz's dot is not installed")
    clean_exit(result)
    assert "http://[::1]:8000/menus/m.ivr.yaml#L" in (tmp_path / "m.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["report", "render"])
@pytest.mark.parametrize("epoch", ["253402300800", "99999999999999999999999", "soon", "²", "-5", "1e9"])
def test_a_source_date_epoch_that_names_no_day_is_a_usage_error(tmp_path: Path, epoch: str, command: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    output = "r.html" if command == "report" else "r.dot"
    result = subprocess.run([sys.executable, "-m", "ivrcheck", command, "m.ivr.yaml", "-o", output], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8", "SOURCE_DATE_EPOCH": epoch})
    usage_error(result, "SOURCE_DATE_EPOCH")
    assert not (tmp_path / output).exists()


def test_the_last_day_source_date_epoch_can_name_is_used(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    result = subprocess.run([sys.executable, "-m", "ivrcheck", "report", "m.ivr.yaml", "-o", "r.html"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8", "SOURCE_DATE_EPOCH": "253402300799"})
    clean_exit(result)
    assert "9999-12-31" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_fifo_in_a_folder_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.ivr.yaml")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    result = run("check", "-f", "json", ".", cwd=tmp_path, timeout=20)
    clean_exit(result)
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["m.ivr.yaml"]


@pytest.mark.parametrize("text", ["select: " + "[" * 5000 + "]" * 5000, "rules: " + "{a: " * 5000 + "1" + "}" * 5000])
def test_a_deeply_nested_config_is_one_line_and_exit_2(tmp_path: Path, text: str) -> None:
    (tmp_path / ".ivrcheck.yaml").write_text(text + "\n")
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    result = run("check", "m.ivr.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "nests deeper than" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_ten_megabyte_prompt_is_read_in_linear_time(tmp_path: Path) -> None:
    """Not a timed assertion: a quadratic reading would not finish inside the generous timeout."""
    prompt = "For cards, press 1. " * 500_000
    (tmp_path / "m.ivr.yaml").write_text(f'entry: main\nnodes:\n  main:\n    prompt: "{prompt}"\n    options:\n'
                                         '      "1": {label: Cards, goto: a}\n  a: {type: agent}\n')
    clean_exit(run("check", "m.ivr.yaml", cwd=tmp_path, timeout=120))


def test_control_characters_are_positioned_and_printed_inert(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text('entry: main\nnodes:\n  main:\n    prompt: "hi\x01"\n')
    result = run("check", "m.ivr.yaml", cwd=tmp_path)
    assert result.stdout.startswith("m.ivr.yaml:4:16: F001 the file contains the character U+0001")
    assert result.stdout.count("\n") == 2


def test_line_separators_are_not_line_breaks_for_positions(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text('entry: main\nnodes:\n  main:\n    prompt: "a\u2028b c\x85d"\n'
                                         '    options:\n      "1": {label: X, goto: nowhere}\n', encoding="utf-8")
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    (finding,) = [f for f in findings(result) if f["code"] == "S101"]
    assert (finding["line"], finding["column"]) == (6, 29)


def test_not_utf8_column_counts_characters(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_bytes("entry: main\nnodes:\n  main: {prompt: ÄÄÄ".encode() + b"\xe9}\n")
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    (finding,) = findings(result)
    assert (finding["code"], finding["line"], finding["column"]) == ("F002", 3, 21)


def test_a_file_name_with_a_newline_cannot_forge_a_workflow_command(tmp_path: Path) -> None:
    name = "x\n::error file=evil::owned.ivr.yaml"
    (tmp_path / name).write_text(MENU.format(target="nowhere"))
    result = run("check", "-f", "github", ".", cwd=tmp_path)
    assert not any(line.startswith("::error file=evil") for line in result.stdout.splitlines())
    text = run("check", ".", cwd=tmp_path)
    assert not any(line.startswith("::error") for line in text.stdout.splitlines())


def test_labels_cannot_send_terminal_escapes(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text('entry: main\nnodes:\n  main:\n    prompt: For help, press 0.\n'
                                         '    options:\n      "0": {label: "Help\\e[31m\\r\\nforged:1:1: S101", '
                                         "goto: nowhere}\n")
    result = run("check", "m.ivr.yaml", cwd=tmp_path)
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert not any(line.startswith("forged") for line in result.stdout.splitlines())


def test_output_to_dev_null_writes_through_and_keeps_the_device(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    before = os.stat("/dev/null")
    clean_exit(run("check", "-o", "/dev/null", "m.ivr.yaml", cwd=tmp_path))
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)


def test_output_into_a_fifo_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.format(target="a"))
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen([sys.executable, "-m", "ivrcheck", "check", "-f", "json", "-o", str(fifo),
                                "m.ivr.yaml"], cwd=tmp_path)
    with open(fifo, encoding="utf-8") as reader:
        data = json.loads(reader.read())
    process.wait(timeout=30)
    assert data["files"] and fifo.is_fifo()


@pytest.mark.parametrize("key", ["٣", "３", "²"])
def test_a_key_in_digits_no_keypad_has_is_no_key_and_no_crash(tmp_path: Path, key: str) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU.replace("For help, press 0.", f"For help, press 0. For more, press {key}."
                                                      ).format(target="a"))
    result = run("check", "-f", "json", "m.ivr.yaml", cwd=tmp_path)
    clean_exit(result)
    assert not [f for f in findings(result) if f["code"] in ("P402", "F099")]  # not read as a key at all
