"""A phone line: a root file and every file its `file#node` targets reach, loaded once each and merged.

Files may refer to each other in a cycle (a submenu file going back to the main menu is
normal); each is loaded once, so a cycle never loops the loader.
"""

from __future__ import annotations

from collections import deque
from dataclasses import field
from pathlib import Path
from typing import BinaryIO

from ivrcheck.discover import is_regular_file, real_path
from ivrcheck.findings import Finding, Span
from ivrcheck.load import refs
from ivrcheck.load.codes import load_finding
from ivrcheck.load.menu import from_error
from ivrcheck.load.source import Limits, read_stream, read_text
from ivrcheck.model import Menu
from ivrcheck.reading.menu import menu_text
from ivrcheck.records import record


@record
class LoadedFile:
    """One file as read: its text (for suppression comments), its model, its load findings."""

    path: Path
    display: str
    text: str | None
    menu: Menu | None
    findings: list[Finding] = field(default_factory=list)


@record
class PhoneLine:
    """What the rules check: the root file, the other files it reaches, and their merged model."""

    root: LoadedFile
    others: tuple[LoadedFile, ...]
    #: The whole line as one model (None when the root could not be loaded).
    menu: Menu | None
    #: Findings about `file#node` references (F016, F017), in the declaring files.
    problems: tuple[Finding, ...] = ()
    #: Every file a `file#node` target names, read or not (a cache must notice one appearing).
    referenced: frozenset[Path] = frozenset()

    @property
    def files(self) -> tuple[LoadedFile, ...]:
        return (self.root, *self.others)


def read_file(path: Path, display: str, limits: Limits = Limits(), *, source_format: str | None = None,
              entry: str | None = None) -> LoadedFile:
    """Read and load one file; problems reading it are F findings too."""
    try:
        text, error = read_text(path, limits)
    except OSError as exc:
        text, error = None, None
        problem = load_finding(display, "F003", Span(1, 1), f"cannot read the file: {exc.strerror}",
                               "check the path and its permissions")
        return LoadedFile(real_path(path), display, None, None, [problem])
    if text is None:
        return LoadedFile(real_path(path), display, None, None, [from_error(display, error)] if error else [])
    menu, findings = menu_text(text, display, limits, source_format=source_format, entry=entry)
    return LoadedFile(real_path(path), display, text, menu, findings)


def read_text_as_file(text: str, display: str, limits: Limits = Limits(), *, source_format: str | None = None,
                      entry: str | None = None) -> LoadedFile:
    """A text with no file behind it (tests, editors, standard input): targets in other files are not followed."""
    menu, findings = menu_text(text, display, limits, source_format=source_format, entry=entry)
    return LoadedFile(Path(display), display, text, menu, findings)


def read_stream_as_file(stream: BinaryIO, display: str, limits: Limits = Limits(), *,
                        source_format: str | None = None, entry: str | None = None) -> LoadedFile:
    """Bytes from a pipe (standard input), held to the same size limit and UTF-8 check as a file."""
    text, error = read_stream(stream, limits)
    if text is None:
        return LoadedFile(Path(display), display, None, None, [from_error(display, error)] if error else [])
    return read_text_as_file(text, display, limits, source_format=source_format, entry=entry)


def phone_line(root: LoadedFile, display_for, limits: Limits = Limits()) -> PhoneLine:
    """The root file with every file its targets reach, merged into one model.

    `display_for(path)` is how a reached file is named in findings.
    """
    if root.menu is None:
        return PhoneLine(root, (), None)
    repo = refs.repository_root(root.path)
    resolved: refs.Resolved = {}
    files, found = _reach(root, display_for, limits, repo, resolved)
    menus = {p: f.menu for p, f in files.items()}
    problems = tuple(p for path, f in files.items() if f.menu for ref in found[path]
                     if (p := refs.check_ref(ref, repo, menus, f.display)))
    loaded = [p for p, f in files.items() if f.menu is not None]
    menu = root.menu
    if len(loaded) > 1:
        menu = refs.merge(root.path, loaded, {p: files[p].menu for p in loaded},
                          {p: f.display for p, f in files.items()}, resolved)
    named = frozenset(ref.file for refs_of in found.values() for ref in refs_of if ref.file is not None)
    return PhoneLine(root, tuple(f for p, f in files.items() if p != root.path), menu, problems, named)


def _reach(root: LoadedFile, display_for, limits: Limits,
           repo: Path, resolved: refs.Resolved) -> tuple[dict[Path, LoadedFile], dict[Path, list[refs.Ref]]]:
    """The root and every file reachable through its targets, each loaded once (cycles are fine),
    with the `file#node` references of each file that has a menu (found once, checked later)."""
    files = {root.path: root}
    found: dict[Path, list[refs.Ref]] = {}
    queue = deque([root])
    while queue:
        current = queue.popleft()
        found[current.path] = refs.external_refs(current.menu, current.path, resolved)
        for ref in found[current.path]:
            if ref.file is None or ref.file in files or not ref.file.is_relative_to(repo) \
                    or not is_regular_file(ref.file):
                continue
            loaded = read_file(ref.file, display_for(ref.file), limits)
            files[ref.file] = loaded
            if loaded.menu is not None:
                queue.append(loaded)
    return files, found
