"""The results cache: a second run reads only what changed, and never reports a stale result."""

from __future__ import annotations

import json
import os
import stat
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.linegen import realistic_line, repository
from ivrcheck import cache, engine
from ivrcheck.cache import LineCache
from ivrcheck.cli import app
from ivrcheck.config import Config
from ivrcheck.reading import line as load_line
from tests.test_lines import BILLING, MAIN

HOUR_AGO = 3600


class Reads:
    """Counts every file the loader reads and every file the cache hashes, by name."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loaded: list[str] = []
        self.hashed: list[str] = []
        read_text, digest = load_line.read_text, cache.digest
        monkeypatch.setattr(load_line, "read_text", lambda path, *a, **k: (self.loaded.append(Path(path).name),
                                                                           read_text(path, *a, **k))[1])
        monkeypatch.setattr(cache, "digest", lambda path: (self.hashed.append(Path(path).name), digest(path))[1])

    def clear(self) -> None:
        self.loaded.clear()
        self.hashed.clear()


def settle(*paths: Path) -> None:
    """Date files an hour back, as a checkout's files are by the time CI runs twice."""
    for path in paths:
        old = path.stat().st_mtime - HOUR_AGO
        os.utime(path, (old, old))


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    settle(path)


def run(paths: list[Path], folder: Path, config: Config = Config()) -> list[dict]:
    done = engine.check_paths(paths, lambda p: config, cache=LineCache(folder))
    return [r.to_dict() for r in done.results]


@pytest.fixture
def lines(tmp_path: Path) -> list[Path]:
    written = repository(tmp_path / "repo", 12, nodes=(12, 20))
    settle(*written)
    return written


def test_a_second_run_reads_nothing_and_one_changed_line_only_that_line(
        lines: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    first = run(lines, tmp_path / "cache")
    assert sorted(reads.loaded) == sorted(p.name for p in lines)
    reads.clear()
    assert run(lines, tmp_path / "cache") == first
    assert reads.loaded == [] and reads.hashed == []
    changed = lines[5]
    edit(changed, changed.read_text(encoding="utf-8").replace("Thank you for calling.", "Welcome."))
    third = run(lines, tmp_path / "cache")
    assert reads.loaded == [changed.name]
    assert third != first and [r for r in third if r["path"] != str(changed)] == \
        [r for r in first if r["path"] != str(changed)]
    assert third == [r.to_dict() for r in engine.check_paths(lines, lambda p: Config()).results]


def test_a_touched_but_unchanged_file_is_hashed_not_checked(
        lines: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run(lines, tmp_path / "cache")
    reads = Reads(monkeypatch)
    settle(lines[0])  # a fresh checkout gives every file a new time and the same bytes
    assert run(lines, tmp_path / "cache") == first
    assert reads.loaded == [] and reads.hashed == [lines[0].name]
    reads.clear()
    assert run(lines, tmp_path / "cache") == first  # the entry took the new time: nothing is read again
    assert reads.loaded == [] and reads.hashed == []


def line_files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / ".git").mkdir()
    main, billing = tmp_path / "main.ivr.yaml", tmp_path / "billing.ivr.yaml"
    edit(main, textwrap.dedent(MAIN).lstrip())
    edit(billing, textwrap.dedent(BILLING).lstrip())
    return main, billing


def test_editing_a_file_the_root_reaches_checks_the_root_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main, billing = line_files(tmp_path)
    first = run([main], tmp_path / "cache")
    reads = Reads(monkeypatch)
    assert run([main], tmp_path / "cache") == first and reads.loaded == []
    # Billing's dead end is fixed: the root's line, and so its score, changes.
    edit(billing, billing.read_text(encoding="utf-8").replace(
        "{type: message, prompt: Your balance is ready.}", "{type: message, prompt: Your balance is ready., next: billing}"))
    again = run([main], tmp_path / "cache")
    assert sorted(reads.loaded) == ["billing.ivr.yaml", "main.ivr.yaml"]
    assert again != first
    assert again == [r.to_dict() for r in engine.check_paths([main], lambda p: Config()).results]


def test_a_named_file_that_appears_checks_the_root_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main, billing = line_files(tmp_path)
    text = billing.read_text(encoding="utf-8")
    billing.unlink()
    missing = run([main], tmp_path / "cache")
    assert [f["code"] for r in missing for f in r["findings"] if f["code"].startswith("F")] == ["F017"]  # the file is missing
    edit(billing, text)
    reads = Reads(monkeypatch)
    found = run([main], tmp_path / "cache")
    assert "main.ivr.yaml" in reads.loaded and found != missing


def test_another_config_is_another_entry(lines: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(lines[:2], tmp_path / "cache")
    reads = Reads(monkeypatch)
    quiet = run(lines[:2], tmp_path / "cache", Config(ignore=("L",)))
    assert len(reads.loaded) == 2
    assert not any(f["code"].startswith("L") for r in quiet for f in r["findings"])


def test_a_broken_entry_is_a_miss_and_entries_have_plain_permissions(lines: list[Path], tmp_path: Path) -> None:
    first = run(lines[:3], tmp_path / "cache")
    entries = sorted((tmp_path / "cache").glob("lines-*/*.pickle"))
    assert len(entries) == 3
    umask = os.umask(0)
    os.umask(umask)
    assert {stat.S_IMODE(e.stat().st_mode) for e in entries} == {0o666 & ~umask}
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    entries[0].write_bytes(b"not a pickle")
    assert run(lines[:3], tmp_path / "cache") == first
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_the_cache_folder_sits_beside_the_config_and_no_cache_writes_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main, _ = line_files(tmp_path)
    (tmp_path / ".ivrcheck.yaml").write_text("fail_on: never\n", encoding="utf-8")
    monkeypatch.delenv("IVRCHECK_NO_CACHE", raising=False)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    runner = CliRunner()
    plain = runner.invoke(app, ["check", "-f", "json", "--no-cache", str(main)])
    assert plain.exit_code == 0 and not list(tmp_path.rglob(".ivrcheck_cache"))
    cold = runner.invoke(app, ["check", "-f", "json", str(main)])
    warm = runner.invoke(app, ["check", "-f", "json", str(main)])
    assert json.loads(plain.output) == json.loads(cold.output) == json.loads(warm.output)
    assert len(list((tmp_path / ".ivrcheck_cache").glob("lines-*/*.pickle"))) == 1


def test_an_edit_within_the_same_clock_tick_is_not_missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file written just before the run may change again with the same size and time: it is compared by content."""
    path = tmp_path / "line.ivr.yaml"
    path.write_text(realistic_line(14), encoding="utf-8")
    stamp = path.stat()
    first = run([path], tmp_path / "cache")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Thank you for calling.", "Thank you, caller, hi."), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    reads = Reads(monkeypatch)
    second = run([path], tmp_path / "cache")
    assert reads.loaded == ["line.ivr.yaml"] and second != first


def test_worker_processes_use_and_fill_the_same_cache(lines: list[Path], tmp_path: Path) -> None:
    alone = [r.to_dict() for r in engine.check_paths(lines[:4], lambda p: Config()).results]
    cache_folder = tmp_path / "cache"
    pooled = engine.check_paths(lines[:4], lambda p: Config(), jobs=2, cache=LineCache(cache_folder))
    assert [r.to_dict() for r in pooled.results] == alone
    assert len(list(cache_folder.glob("lines-*/*.pickle"))) == 4
    assert run(lines[:4], cache_folder) == alone


def test_a_waiver_that_lapses_between_runs_makes_the_stored_result_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unchanged bytes, but a day later the waiver's `until:` has passed: its findings are due again."""
    import datetime

    menu = tmp_path / "m.ivr.yaml"
    edit(menu, textwrap.dedent("""\
        entry: main
        nodes:
          main:
            prompt: For sales, press 1.
            on_timeout: repeat
            on_invalid: repeat
            options:
              "1": {label: Sales, goto: sales}  # ivrcheck: disable-line S103 reason: built next sprint; until: 2031-01-31
          sales: {type: menu, prompt: Sales.}
        """))
    first = run([menu], tmp_path / "cache")
    assert not any(f["code"] == "F022" for f in first[0]["findings"])

    class Later(datetime.date):
        @classmethod
        def today(cls) -> datetime.date:
            return datetime.date(2031, 2, 1)

    reads = Reads(monkeypatch)
    run([menu], tmp_path / "cache")
    assert reads.loaded == []  # near miss: the waiver still holds, so the stored result stands
    monkeypatch.setattr(datetime, "date", Later)
    run([menu], tmp_path / "cache")
    assert reads.loaded == ["m.ivr.yaml"]  # checked again (where F022 is raised), not taken from the cache


def test_a_damaged_or_misshapen_entry_is_a_miss(lines: list[Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23, third blind tester: a byte flipped on disk gave KeyError 'files' and exit 3."""
    first = run(lines[:1], tmp_path / "cache")
    [entry] = (tmp_path / "cache").glob("lines-*/*.pickle")
    whole = entry.read_bytes()
    for at in (5, 20, 40, len(whole) // 2, len(whole) - 1):  # the digest, the pickle's keys, its result
        damaged = bytearray(whole)
        damaged[at] ^= 0x5A
        entry.write_bytes(bytes(damaged))
        reads = Reads(monkeypatch)
        assert run(lines[:1], tmp_path / "cache") == first
        assert reads.loaded == [lines[0].name], at  # read again: the entry was a miss
        monkeypatch.undo()
    import hashlib
    import pickle

    for content in ({"files": {}, "absent": []}, {"files": {"x": (1, 2)}, "absent": [], "result": None}, ["x"],
                    {"files": {}, "absent": [], "result": "not a line"}):
        payload = pickle.dumps(content)
        entry.write_bytes(hashlib.sha256(payload).digest() + payload)  # whole, but not what `store` writes
        assert run(lines[:1], tmp_path / "cache") == first


def test_an_entry_as_written_is_still_a_hit(lines: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run(lines[:1], tmp_path / "cache")
    reads = Reads(monkeypatch)
    assert run(lines[:1], tmp_path / "cache") == first
    assert not reads.loaded


def test_an_entry_that_is_not_a_regular_file_is_a_miss_not_a_read(lines: list[Path], tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23, fifth blind tester: an entry replaced by a symlink to /dev/zero was read for ever
    (20 GB, deaf to SIGTERM). A symlink (even to a whole entry), a FIFO and an oversized file are each
    only a miss; the line is checked again and a real entry written in its place."""
    first = run(lines[:1], tmp_path / "cache")
    [entry] = (tmp_path / "cache").glob("lines-*/*.pickle")
    kept = tmp_path / "kept.pickle"
    kept.write_bytes(entry.read_bytes())
    for plant in (lambda: entry.symlink_to("/dev/zero"), lambda: entry.symlink_to(kept), lambda: os.mkfifo(entry)):
        entry.unlink()
        plant()
        reads = Reads(monkeypatch)
        assert run(lines[:1], tmp_path / "cache") == first
        assert reads.loaded == [lines[0].name]  # a miss: the line was read again
        assert stat.S_ISREG(entry.lstat().st_mode)  # and a real entry took the planted one's place
        monkeypatch.undo()
    monkeypatch.setattr(cache, "ENTRY_LIMIT", entry.stat().st_size - 1)
    reads = Reads(monkeypatch)
    assert run(lines[:1], tmp_path / "cache") == first
    assert reads.loaded == [lines[0].name]


def test_the_package_note_and_a_line_file_that_became_a_fifo_are_misses(tmp_path: Path) -> None:
    """The note of the package's digest planted as /dev/zero, and a file the entry lists that is now
    a FIFO (hashing it would block): the cache reads neither, and the run goes on."""
    root = tmp_path / "main.ivr.yaml"
    root.write_text(MAIN, encoding="utf-8")
    (tmp_path / "billing.ivr.yaml").write_text(BILLING, encoding="utf-8")
    settle(root, tmp_path / "billing.ivr.yaml")
    first = run([root], tmp_path / "cache")
    note = tmp_path / "cache" / "ivrcheck-files.json"
    note.unlink(missing_ok=True)  # written once the folder is there and the package files have settled
    note.symlink_to("/dev/zero")
    cache._fingerprint.cache_clear()
    assert run([root], tmp_path / "cache") == first
    [entry] = (tmp_path / "cache").glob("lines-*/*.pickle")
    assert cache._read_entry(entry) is not None
    (tmp_path / "billing.ivr.yaml").unlink()
    os.mkfifo(tmp_path / "billing.ivr.yaml")
    assert cache._still_valid(cache._read_entry(entry)) is None
