"""What a command line names becomes files to check here, and what cannot be is a UsageError with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from ivrcheck import workspace
from ivrcheck.config import Config
from ivrcheck.fixloop import fix_paths
from tests.test_cli import CLEAN, DEAD_END, write


def plain(path: Path) -> Config:
    return Config()


def test_paths_must_be_there_and_standard_input_alone(tmp_path: Path) -> None:
    menu = write(tmp_path, "a.ivr.yaml", CLEAN)
    assert workspace.existing([str(menu)]) == [menu]
    with pytest.raises(workspace.UsageError, match="no such file or folder"):
        workspace.existing([str(tmp_path / "gone.ivr.yaml")])
    with pytest.raises(workspace.UsageError, match="must be the only path"):
        workspace.existing([str(menu), "-"])


def test_a_folder_is_searched_and_an_empty_one_is_said(tmp_path: Path) -> None:
    write(tmp_path, "lines/a.ivr.yaml", CLEAN)
    write(tmp_path, "lines/notes.yaml", "title: not a menu\n")
    heard: list[str] = []
    run = workspace.check([str(tmp_path / "lines")], plain, heard.append)
    assert [Path(r.path).name for r in run.results] == ["a.ivr.yaml"] and heard == []
    (tmp_path / "empty").mkdir()
    workspace.check([str(tmp_path / "empty")], plain, heard.append)
    assert heard == ["no menu files found (*.ivr.yaml, or YAML with `entry:` and `nodes:`)"]


def test_an_unknown_from_has_a_did_you_mean() -> None:
    workspace.known_format("genesys")
    workspace.known_format(None)
    with pytest.raises(workspace.UsageError, match='--from is "genesis"; did you mean "genesys"'):
        workspace.known_format("genesis")


def test_a_diff_takes_two_files_or_a_revision(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.ivr.yaml", CLEAN), write(tmp_path, "new.ivr.yaml", DEAD_END)
    [found] = workspace.diffs([str(old), str(new)], None, plain)
    assert found.new_findings and not found.fixed_findings
    with pytest.raises(workspace.UsageError, match="give two menu files"):
        workspace.diffs([str(old)], None, plain)


def test_an_export_of_no_known_platform_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "flow.json", '{"hello": "world"}\n')
    with pytest.raises(workspace.UsageError, match="cannot tell which platform"):
        workspace.import_file(path, "flow.json", None, None)
    mine = write(tmp_path, "a.ivr.yaml", CLEAN)
    assert workspace.import_file(mine, "a.ivr.yaml", "ivr", None).title == "ivrcheck YAML"


def test_fix_refuses_standard_input_and_counts_what_it_changed(tmp_path: Path) -> None:
    with pytest.raises(workspace.UsageError, match="changes files in place"):
        fix_paths(["-"], plain, unsafe=False)
    write(tmp_path, "a.ivr.yaml", CLEAN)
    assert fix_paths([str(tmp_path)], plain, unsafe=False) == "ivrcheck: applied 0 fixes in 0 files"


@pytest.mark.parametrize("jobs", [-1, 1025, 99999999999999999999])
def test_jobs_out_of_range_is_a_usage_error(jobs: int) -> None:
    with pytest.raises(workspace.UsageError, match="--jobs is"):
        workspace.worker_count(jobs)


def test_jobs_in_range_are_workers() -> None:
    assert workspace.worker_count(1024) == 1024 and workspace.worker_count(0) >= 1
