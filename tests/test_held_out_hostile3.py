"""Found by a third blind tester (issue 23): the command line, files and environment that ended in exit 3
or wrote over an input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ivrcheck.fileio import text, utf8
from ivrcheck.report.common import docs_url, help_uri

MENU = "entry: main\nnodes:\n  main:\n    type: menu\n    prompt: For sales, press 1.\n" \
       "    options:\n      '1': {label: Sales, goto: desk}\n  desk: {type: agent}\n"


def ivrcheck(*args: str, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ivrcheck", *args], capture_output=True, timeout=60,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_text_gives_back_what_utf8_wrote() -> None:
    name = os.fsdecode(b"bad\xff.ivr.yaml")
    assert text(utf8(name)) == name and utf8(text(utf8(name))) == b"bad\xff.ivr.yaml"
    assert text("plain") == "plain"


def test_the_job_summary_of_a_file_whose_name_is_not_utf8_is_written(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"bad\xff.ivr.yaml")).write_text(MENU, encoding="utf-8")
    summary = tmp_path / "summary.md"
    done = ivrcheck("check", "--no-cache", ".", cwd=tmp_path,
                    env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode in (0, 1), done.stderr
    assert b"bad\xff" in summary.read_bytes()


def test_a_deleted_working_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "menu.ivr.yaml").write_text(MENU, encoding="utf-8")
    gone = tmp_path / "gone"
    script = (f"mkdir '{gone}' && cd '{gone}' && rmdir '{gone}' && "
              f"exec '{sys.executable}' -m ivrcheck check --no-cache '{tmp_path / 'menu.ivr.yaml'}'")
    done = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "ivrcheck: error: the working folder no longer exists (No such file or directory); "
        "cd into a folder that exists and run again"]


@pytest.mark.parametrize("files", [{}, {"index.noun": "x"}, {"index.noun": "", "index.verb": "", "index.adj": ""}])
def test_wordnet_dir_without_wordnet_is_one_warning_and_a_check_without_it(tmp_path: Path, files: dict) -> None:
    junk = tmp_path / "junk"
    junk.mkdir()
    for name, content in files.items():
        (junk / name).write_text(content, encoding="utf-8")
    (tmp_path / "menu.ivr.yaml").write_text(MENU, encoding="utf-8")
    done = ivrcheck("check", "--no-cache", "menu.ivr.yaml", cwd=tmp_path, env={"WORDNET_DIR": str(junk)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert b"F099" not in done.stdout
    assert done.stderr.count(b"holds no WordNet index files") == 1


def test_wordnet_index_files_of_garbage_are_read_as_no_synonyms(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from ivrcheck.language import wordnet

    for pos in ("noun", "verb", "adj"):
        (tmp_path / f"index.{pos}").write_text(" licence\nbill n \u00b2 1 @\ncost n 99999999999999999999 1 @ 1 0 1\n"
                                               "pay n 1 0 1 0 07\n", encoding="utf-8")
    monkeypatch.setenv("WORDNET_DIR", str(tmp_path))
    for cached in (wordnet._files, wordnet._senses, wordnet._exceptions, wordnet.synonyms):
        cached.cache_clear()
    monkeypatch.setattr(wordnet, "_PROBES", {})
    try:
        assert wordnet.problem() is None and wordnet.folder() == tmp_path
        assert not wordnet.synonyms("bill", "cost")  # lines that are not WordNet's: no senses, no crash
        assert wordnet._senses("pay") == {(pos, "07") for pos in ("noun", "verb", "adj")}  # a good line reads
    finally:
        for cached in (wordnet._files, wordnet._senses, wordnet._exceptions, wordnet.synonyms):
            cached.cache_clear()


@pytest.mark.parametrize("command", [["check", "--no-cache", "{m}"], ["render", "{m}", "-f", "dot"],
                                     ["report", "{m}", "-f", "md"], ["score", "{m}"], ["tasks", "{m}"],
                                     ["diff", "{m}", "{m}"], ["check", "--no-cache", "."]])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path: Path, command: list[str]) -> None:
    menu = tmp_path / "co.ivr.yaml"
    menu.write_text(MENU, encoding="utf-8")
    done = ivrcheck(*[part.replace("{m}", menu.name) for part in command], "-o", menu.name, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert b"the output co.ivr.yaml is" in done.stderr and b"write to another file" in done.stderr
    assert menu.read_text(encoding="utf-8") == MENU


def test_traffic_refuses_to_write_over_a_log_or_the_line(tmp_path: Path) -> None:
    (tmp_path / "line.ivr.yaml").write_text(MENU, encoding="utf-8")
    (tmp_path / "logs").mkdir()
    log = tmp_path / "logs" / "calls.csv"
    log.write_text("call_id,time,node,event,key\nc1,1767000000,main,enter,\n", encoding="utf-8")
    for extra in (["-o", "logs/calls.csv"], ["--diagram", "line.ivr.yaml"]):
        done = ivrcheck("traffic", "logs", "--line", "line.ivr.yaml", *extra, cwd=tmp_path)
        assert done.returncode == 2 and b"write to another file" in done.stderr, done.stderr
    assert log.read_text(encoding="utf-8").startswith("call_id")


def test_an_output_beside_the_inputs_is_written(tmp_path: Path) -> None:
    """The near miss: a new file, or a file in a checked folder that is not a menu, is an ordinary output."""
    (tmp_path / "co.ivr.yaml").write_text(MENU, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("old", encoding="utf-8")
    for output in ("report.txt", "notes.txt"):
        done = ivrcheck("check", "--no-cache", ".", "-o", output, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "co.ivr.yaml" in (tmp_path / output).read_text(encoding="utf-8")


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "file:///etc/", "http://[::1", "https://", "ftp://x/",
                                 "http://example.org/a b/"])
def test_a_docs_url_that_is_not_a_web_address_is_ignored(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IVRCHECK_DOCS_URL", url)
    assert docs_url() is None and help_uri("S101") is None


def test_a_web_docs_url_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IVRCHECK_DOCS_URL", "HTTPS://docs.example.org/ivrcheck")
    assert help_uri("S101") == "HTTPS://docs.example.org/ivrcheck/rules/S101.md"


def test_a_bad_docs_url_is_one_warning(tmp_path: Path) -> None:
    (tmp_path / "m.ivr.yaml").write_text(MENU, encoding="utf-8")
    done = ivrcheck("check", "--no-cache", "-f", "sarif", "m.ivr.yaml", cwd=tmp_path,
                    env={"IVRCHECK_DOCS_URL": "javascript:alert(1)//"})
    assert done.returncode == 0 and b"javascript" not in done.stdout and b"helpUri" not in done.stdout
    assert done.stderr.count(b"IVRCHECK_DOCS_URL is not an http(s) address") == 1
