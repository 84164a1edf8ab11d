"""What a command line names, made into lines to check: paths, searched folders, standard input, git's changes.

The CLI hands over the words it was given; this module finds the files, reads standard
input, resolves each file's config and runs the engine, and raises `UsageError` (exit 2)
for what cannot be: a path that is not there, standard input beside other paths, an
unknown `--from`, a platform export whose platform cannot be told.
"""

from __future__ import annotations

import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

from ivrcheck import discover, importers
from ivrcheck.config import CodeInfo, Config, Resolver
from ivrcheck.config.catalog import stored as stored_catalog
from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Finding
from ivrcheck.model import Menu
from ivrcheck.records import record

if TYPE_CHECKING:  # the engine is loaded by what runs it: `import` and a mistyped path need none of it
    from ivrcheck.cache import LineCache
    from ivrcheck.callers.diff import Diff
    from ivrcheck.engine import Run

#: Hears a one-line warning (a skipped path, a search that found nothing).
Notice = Callable[[str], None]
#: Opens a progress display for this many files; yields the function to advance it (or None).
Progress = Callable[[int], AbstractContextManager]


class UsageError(ValueError):
    """The command line asks for what cannot be; the message says what, for exit code 2."""


def existing(paths: Sequence[str]) -> list[Path]:
    """The paths as given, each one there; standard input (-) only where it is the one path."""
    for path in paths:
        if path == "-":
            raise UsageError("- (standard input) must be the only path")
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder")
    return [Path(p) for p in paths]


def menu_files(paths: Sequence[str], notice: Optional[Notice] = None) -> list[Path]:
    """Files as given, and the menu files of each folder (`notice` hears what a search skipped)."""
    return discover.expand(existing(paths), notice)


def changed_menus(revision: str) -> list[Path]:
    """The menu files of the working tree that git says changed since `revision` (callers.git.GitError)."""
    from ivrcheck.callers.git import changed

    return [path for path in changed(revision, Path.cwd()) if path.is_file() and discover.is_menu_file(path)]


def diff_files(old: Path, new: Path, config: Config = Config()) -> Diff:
    """Compare two versions of a phone line given as two files."""
    from ivrcheck import engine
    from ivrcheck.callers import diff

    return diff.compare(engine.inspect_file(old, config), engine.inspect_file(new, config),
                        discover.display_path(new))


def diff_git(rev: str, path: Path, config: Config = Config()) -> Diff:
    """Compare a file in the working tree with its version at git revision `rev` (`file#node` not followed)."""
    from ivrcheck import engine
    from ivrcheck.callers import diff, git

    shown = discover.display_path(path)
    text = git.old_text(rev, path)
    old = engine.inspect_text(text, config, shown) if text is not None else None
    return diff.compare(old, engine.inspect_text(path.read_text(encoding="utf-8", errors="replace"), config, shown))


def diffs(paths: Sequence[str], revision: Optional[str], resolve: Callable[[Path], Config],
          notice: Optional[Notice] = None) -> list[Diff]:
    """Two files compared, or each file (by default each changed menu) against the git revision;
    UsageError for the wrong number of files or what git refuses."""
    from ivrcheck.callers.git import GitError

    try:
        if revision is None:
            if len(paths) != 2:
                raise UsageError("give two menu files (OLD NEW), or --git REV [PATH...]")
            old, new = existing(paths)
            return [diff_files(old, new, resolve(new))]
        files = menu_files(paths, notice) if paths else changed_menus(revision)
        return [diff_git(revision, path, resolve(path)) for path in files]
    except GitError as exc:
        raise UsageError(str(exc)) from None


def known_format(source_format: Optional[str]) -> None:
    """`--from` names ivr or an importer, with a did-you-mean otherwise."""
    if source_format is not None and source_format not in importers.names():
        raise UsageError(f'--from is "{source_format}"; {suggest(source_format, importers.names())}')


def resolver(config: Optional[Path], *, source_format: Optional[str] = None, **flags: Any) -> Resolver:
    """Each path's config with the command line's flags on top (`flags`: those `config.Resolver` takes);
    config.ConfigError for a broken config, UsageError for an unknown `--from`.

    The rules' codes and settings come from the stored table (config/catalog.py): a run whose
    results are all kept never imports the rules."""
    known_format(source_format)
    return Resolver(codes_and_settings(), config, source_format=source_format, **flags)


def codes_and_settings() -> list[CodeInfo]:
    """What a config may name: the stored table, or the rules themselves when it is missing."""
    found = stored_catalog()
    if found is None:
        from ivrcheck import rules

        found = rules.catalog()
    return found


def check_stdin(resolve: Callable[[Path], Config], name: Optional[str]) -> Run:
    """One menu read from standard input, shown as `name` (its config found from that name, or from here)."""
    from ivrcheck import engine

    shown = name or "<stdin>"
    if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
        raise UsageError("standard input is closed: give a menu on it, or name files instead of `-`")
    config = resolve(Path(shown) if name else Path.cwd())
    inspection = engine.inspect_stream(sys.stdin.buffer, config, shown)
    return engine.Run([inspection.result], config.fails(inspection.result.worst()), {shown: inspection})


def check(paths: Sequence[str], resolve: Callable[[Path], Config], notice: Notice, jobs: int = 1,
          progress: Optional[Progress] = None, keep: bool = False, cache: Optional[LineCache] = None) -> Run:
    """Check every file the paths name, `jobs` at once (0: one per core); `keep` and `cache` as the engine's."""
    from ivrcheck import engine

    workers = worker_count(jobs)
    files = menu_files(paths, notice)
    if not files:
        notice("no menu files found (*.ivr.yaml, or YAML with `entry:` and `nodes:`)")
    configs = {path: resolve(path) for path in files}
    with (progress or (lambda total: nullcontext()))(len(files)) as advance:
        return engine.check_paths(files, configs.__getitem__, jobs=min(workers, len(files)), progress=advance,
                                  keep=keep, cache=cache)


#: More worker processes than this is a typo (or a test of limits), not a machine: said as a usage error.
MAX_JOBS = 1024


def worker_count(jobs: int) -> int:
    """The worker processes `--jobs` asks for (0: one per CPU core); UsageError below 0 or past MAX_JOBS."""
    if not 0 <= jobs <= MAX_JOBS:
        raise UsageError(f"--jobs is {jobs if abs(jobs) < 10**12 else 'too large'}; "
                         f"use 0 (one per CPU core) or a number up to {MAX_JOBS:,}")
    return jobs or os.cpu_count() or 1


@record
class Imported:
    """A platform export read into the model, with what its reading found and the platform's name."""

    menu: Optional[Menu]
    findings: list[Finding]
    title: str


def import_file(path: Path, shown: str, source_format: Optional[str], entry: Optional[str]) -> Imported:
    """Read an export; UsageError when its platform cannot be told and `--from` does not say."""
    from ivrcheck import reading

    known_format(source_format)
    loaded = reading.read_file(path, shown, source_format=source_format, entry=entry)
    module = importers.BY_NAME.get(source_format or "") or (
        importers.detect(loaded.text, shown) if loaded.text is not None else None)
    if module is None and source_format != importers.NATIVE and loaded.text is not None:
        platforms = ", ".join(n for n in importers.names() if n != importers.NATIVE)
        raise UsageError(f"{shown}: cannot tell which platform this export is from; pass --from ({platforms})")
    return Imported(loaded.menu, list(loaded.findings), module.TITLE if module else "ivrcheck YAML")


def refuse_overwriting(sources: Sequence[str | Path], *outputs: Optional[Path], what: str = "") -> None:
    """An output (`-o`, `--diagram`, `--report`) that names a file the command reads is refused before
    anything is read: writing would replace the menu, export or log with the output (issue 23).

    A source folder counts for the menu files in it (what a search of it would check); `what`
    names the source in the message ("the export being read"), else the path itself does.
    """
    for output in outputs:
        if output is None or str(output) == "-" or not discover.is_regular_file(output):
            continue  # standard output, a file yet to be made, a device or a pipe: nothing read is lost
        for source in sources:
            read = _reads(Path(source), output) if str(source) != "-" else None
            if read is not None:
                raise UsageError(f"the output {output} is {what or read}; write to another file")


def _reads(source: Path, output: Path) -> str | None:
    """How reading `source` reads the file `output` (the same file, or a menu file of a searched folder), or None."""
    try:
        if source.is_dir():
            inside = discover.real_path(output).is_relative_to(discover.real_path(source))
            menu = inside and discover.is_menu_file(output)
            return f"a menu file in {source}, which this command checks" if menu else None
        if os.path.samefile(source, output):
            return "a file this command reads" if str(source) == str(output) else f"{source}, which this command reads"
    except (OSError, ValueError):
        pass
    return None
