"""The one place that runs the pipeline in order: load -> graph -> rules -> suppress -> score."""

from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ivrcheck import graph, load, rules, score, suppress
from ivrcheck.config import Config
from ivrcheck.discover import display_path
from ivrcheck.findings import FileResult, Finding, Span, sort_findings
from ivrcheck.graph import Flows
from ivrcheck.language import load_language
from ivrcheck.load import refs
from ivrcheck.load.source import LoadError, read_text
from ivrcheck.model import Menu


@dataclass(frozen=True)
class Inspection:
    """A checked file with the model and analysis behind its result (for rendering)."""

    result: FileResult
    menu: Menu | None
    flows: Flows | None


@dataclass(frozen=True)
class Line:
    """A phone line checked from one root file: a result per file it spans."""

    root: Path
    results: dict[str, FileResult]
    #: Other files the line reached through `file#node` targets.
    parts: frozenset[Path] = field(default_factory=frozenset)


@dataclass(frozen=True)
class _Loaded:
    path: Path
    display: str
    text: str | None
    menu: Menu | None
    findings: list[Finding]


def check_text(text: str, config: Config = Config(), display: str = "<menu>") -> FileResult:
    """Check menu text (tests, editors, stdin); `file#node` targets are not followed."""
    return inspect_text(text, config, display).result


def check_file(path: Path, config: Config = Config(), display: str | None = None) -> FileResult:
    """Check one file as the root of its phone line and return its own result."""
    line = check_line(path, config, display)
    return line.results[display or display_path(path)]


def inspect_text(text: str, config: Config = Config(), display: str = "<menu>") -> Inspection:
    with _gc_paused():
        loaded = _parse(text, Path(display), display, config)
        return _inspect(loaded, loaded.menu, [], config)[0]


def inspect_file(path: Path, config: Config = Config(), display: str | None = None) -> Inspection:
    """The single file with its model and analysis (other files' nodes are not merged in)."""
    with _gc_paused():
        loaded = _load(path, display or display_path(path), config)
        return _inspect(loaded, loaded.menu, [], config)[0]


def check_line(path: Path, config: Config = Config(), display: str | None = None) -> Line:
    """Check a file and every file its `file#node` targets reach, as one phone line."""
    with _gc_paused():
        root = _load(path, display or display_path(path), config)
        if root.menu is None:
            return Line(path, {root.display: FileResult.failed(root.display, root.findings)})
        files = _reach(root, config)
        repo = refs.repository_root(path)
        menus = {p: f.menu for p, f in files.items()}
        problems = [p for f in files.values() if f.menu for ref in refs.external_refs(f.menu, f.path)
                    if (p := refs.check_ref(ref, repo, menus, f.display))]
        loaded = [p for p, f in files.items() if f.menu is not None]
        menu = root.menu
        if len(loaded) > 1:
            menu = refs.merge(root.path, loaded, {p: files[p].menu for p in loaded}, {p: f.display for p, f in files.items()})
        _, results = _inspect(root, menu, problems, config, [f for p, f in files.items() if p != root.path])
        return Line(path, results, frozenset(p for p in files if p != root.path))


def check_paths(paths: Sequence[Path], config_for: Callable[[Path], Config], jobs: int = 1,
                progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Check files as phone lines; a file another given file reaches is reported as part of that line."""
    configs = [config_for(p) for p in paths]
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            lines = []
            for line in pool.map(check_line, paths, configs, chunksize=max(1, len(paths) // (jobs * 4))):
                lines.append(line)
                if progress:
                    progress(1)
    else:
        lines = []
        for path, cfg in zip(paths, configs):
            lines.append(check_line(path, cfg))
            if progress:
                progress(1)
    merged: dict[str, list[FileResult]] = {}
    for line in _reported(lines):
        for name, result in line.results.items():
            merged.setdefault(name, []).append(result)
    return [_union(results) for results in merged.values()]


def _reported(lines: list[Line]) -> list[Line]:
    """The lines to report: those whose root no other line reaches, then, for files that only
    reach each other in a cycle, the first not yet covered, in the order given."""
    reached = {p for line in lines for p in line.parts}
    chosen = [line for line in lines if line.root.resolve() not in reached]
    covered = {p for line in chosen for p in (line.root.resolve(), *line.parts)}
    for line in lines:
        if line.root.resolve() not in covered:
            chosen.append(line)
            covered |= {line.root.resolve(), *line.parts}
    return chosen


def _union(results: list[FileResult]) -> FileResult:
    """One file's result when several lines reach it: every finding once, the first line's metrics."""
    if len(results) == 1:
        return results[0]
    findings = sort_findings(f for r in results for f in r.findings)
    clarity = score.clarity(findings)
    first = next((r for r in results if r.metrics is not None), results[0])
    return FileResult(first.path, tuple(findings), first.metrics, clarity.total, clarity.parts)


def _load(path: Path, display: str, config: Config) -> _Loaded:
    try:
        text, error = read_text(path, config.limits)
    except OSError as exc:
        error = LoadError("F003", Span(1, 1), f"cannot read the file: {exc.strerror}", "check the path and its permissions")
        text = None
    if text is None:
        findings = [refs.problem(display, error.code, error.span, error.message, error.help)] if error else []
        return _Loaded(path.resolve(), display, None, None, findings)
    return _parse(text, path.resolve(), display, config)


def _parse(text: str, path: Path, display: str, config: Config) -> _Loaded:
    menu, findings = load.menu_text(text, display, config.limits)
    return _Loaded(path, display, text, menu, findings)


def _reach(root: _Loaded, config: Config) -> dict[Path, _Loaded]:
    """The root and every file reachable through its targets, each loaded once (cycles are fine)."""
    files = {root.path: root}
    queue = [root]
    repo = refs.repository_root(root.path)
    while queue:
        current = queue.pop(0)
        for ref in refs.external_refs(current.menu, current.path):
            if ref.file in files or not ref.file.is_relative_to(repo) or not ref.file.is_file():
                continue
            loaded = _load(ref.file, display_path(ref.file), config)
            files[ref.file] = loaded
            if loaded.menu is not None:
                queue.append(loaded)
    return files


def _inspect(root: _Loaded, menu: Menu | None, problems: list[Finding], config: Config,
             others: Sequence[_Loaded] = ()) -> tuple[Inspection, dict[str, FileResult]]:
    """Analyse and run the rules once over the (merged) menu, then split findings by file.

    The root's score covers the whole line; another file's score covers its own findings.
    """
    if menu is None:  # unreadable: only F0xx findings, no graph
        result = FileResult.failed(root.display, root.findings)
        return Inspection(result, None, None), {root.display: result}
    language = load_language(menu.language).with_rate(config.rate_for(menu.language))
    flows = graph.analyse(menu, language)
    files = (root, *others)
    by_file: dict[str, list[Finding]] = {f.display: list(f.findings) for f in files}
    for finding in (*problems, *rules.run(menu, flows, config)):
        by_file.setdefault(finding.path, []).append(finding)
    kept = {f.display: sort_findings(suppress.apply(by_file[f.display], f.text or "", f.display)) for f in files}
    results = {}
    for file in files:
        if file is root:
            clarity = score.clarity(f for findings in kept.values() for f in findings)
            results[file.display] = FileResult(file.display, tuple(kept[file.display]), flows.metrics(),
                                               clarity.total, clarity.parts)
        elif file.menu is None:
            results[file.display] = FileResult.failed(file.display, kept[file.display])
        else:
            clarity = score.clarity(kept[file.display])
            results[file.display] = FileResult(file.display, tuple(kept[file.display]), None,
                                               clarity.total, clarity.parts)
    return Inspection(results[root.display], menu, flows), results


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one line is checked.

    Composing a large file allocates hundreds of thousands of long-lived objects, and the
    collector rescans them again and again: on a 10,000-node line it takes over half the
    run time (benchmarks/bench.py). Nothing here needs collecting before the line is done;
    the collector runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
