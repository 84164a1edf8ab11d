"""The one place that runs the pipeline in order: load -> graph -> callers -> rules -> policy -> score.

The steps (and networkx) are imported with the first line checked, the collector paused: a kept run never loads them."""

from __future__ import annotations

import gc
import sys
import traceback
from contextlib import contextmanager
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterator, Sequence

from ivrcheck import score, workers
from ivrcheck.config import Config
from ivrcheck.discover import display_path, real_path
from ivrcheck.findings import FileResult, Finding, Fix, sort_findings
from ivrcheck.load.codes import INTERNAL, debugging, internal_finding
from ivrcheck.records import record

if TYPE_CHECKING:
    from ivrcheck import callers
    from ivrcheck.cache import LineCache, Pending
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.model import Menu
    from ivrcheck.reading import LoadedFile, PhoneLine
    from ivrcheck.traffic import Traffic


@record
class Inspection:
    """A checked line's root file with the model and analysis behind its result (for diagrams, reports)."""

    result: FileResult
    menu: Menu | None
    line: LineAnalysis | None


@record
class Line:
    """A phone line checked from one root file: a result per file it spans."""

    root: Path
    results: dict[str, FileResult]
    #: Other files the line reached through `file#node` targets.
    parts: frozenset[Path] = field(default_factory=frozenset)
    #: Whether some file of the line has a finding at or above its `fail_on`.
    fails: bool = False
    #: The root's model and analysis, when asked for (they are large to send between processes).
    inspection: Inspection | None = None
    #: Every file the line's `file#node` targets name, read or not (what a cached result depends on).
    referenced: frozenset[Path] = frozenset()


@record
class Run:
    """Every file checked in one run, and what the exit code needs."""

    results: list[FileResult]
    fails: bool
    #: Root file path as shown -> its inspection, when asked for.
    inspections: dict[str, Inspection] = field(default_factory=dict)

    @property
    def crashed(self) -> list[str]:
        """The files ivrcheck itself failed on (an F099 finding each): the run exits 3."""
        return crashed(self.results)


def crashed(results: Sequence[FileResult]) -> list[str]:
    """The paths of the results that hold ivrcheck's own failure (F099) instead of a check."""
    return [r.path for r in results if any(f.code == INTERNAL for f in r.findings)]


def check_text(text: str, config: Config = Config(), display: str = "<menu>") -> FileResult:
    """Check menu text (tests, editors, stdin); `file#node` targets are not followed."""
    return inspect_text(text, config, display).result


def inspect_text(text: str, config: Config = Config(), display: str = "<menu>") -> Inspection:
    """Check menu text and keep its model and analysis."""
    return _inspect_alone("read_text_as_file", text, config, display)


def inspect_stream(stream: BinaryIO, config: Config = Config(), display: str = "<stdin>") -> Inspection:
    """Check the bytes of a pipe (standard input) as `display`, as a file: F002 or F012 when not UTF-8 or too long."""
    return _inspect_alone("read_stream_as_file", stream, config, display)


def _inspect_alone(reader: str, source: str | BinaryIO, config: Config, display: str) -> Inspection:
    """Check one text or stream, read by `reading.<reader>`, with no file behind it (`file#node`
    targets are not followed)."""
    from ivrcheck import reading

    try:
        with _gc_paused():
            root = getattr(reading, reader)(source, display, config.limits, source_format=config.source_format,
                                            entry=config.entry)
            line = _check(reading.PhoneLine(root, (), root.menu), config, keep=True)
    except Exception as exc:  # ivrcheck's own failure: a finding, never a traceback (see _crashed)
        line = _crashed(Path(display), display, exc, keep=True)
    return line.inspection  # type: ignore[return-value]


def inspect_buffer(path: Path, text: str, config: Config = Config(), display: str | None = None) -> Line:
    """Check an editor's text of `path` (saved or not) as the root of its phone line, as `check`
    would check the file: `file#node` targets are followed into the other files as saved."""
    from ivrcheck import reading

    with _gc_paused():
        loaded = reading.read_text_as_file(text, display or display_path(path), config.limits,
                                        source_format=config.source_format, entry=config.entry)
        root = replace(loaded, path=real_path(path))
        return _check(reading.phone_line(root, display_path, config.limits), config, keep=True)


def check_file(path: Path, config: Config = Config(), display: str | None = None) -> FileResult:
    """Check one file as the root of its phone line and return its own result."""
    return check_line(path, config, display).results[display or display_path(path)]


def inspect_file(path: Path, config: Config = Config(), display: str | None = None) -> Inspection:
    """Check one file as the root of its phone line and keep the root's model and analysis."""
    return check_line(path, config, display, keep=True).inspection  # type: ignore[return-value]


@record
class TrafficRun:
    """A line checked and laid against its call logs: what `ivrcheck traffic` and the report section show."""

    inspection: Inspection
    traffic: Traffic | None
    findings: list[Finding]
    #: Predicted against observed (traffic/compare.py), when asked for.
    compare: dict | None = None


def traffic(path: Path, logs: Sequence[Path], config: Config = Config(), log_format: str | None = None,
            compare: bool = False) -> TrafficRun:
    """Check a line, stream its logs onto it and run the traffic findings (docs/traffic.md)."""
    from ivrcheck import callers
    from ivrcheck import traffic as traffic_step  # only this command reads logs: `check` never loads it
    from ivrcheck.traffic import compare as vs
    from ivrcheck.traffic import rules as traffic_rules

    inspection = inspect_file(path, config)
    if inspection.menu is None or inspection.line is None:
        return TrafficRun(inspection, None, [])
    seen = traffic_step.read(inspection.menu, logs, log_format)
    found = sort_findings(list(traffic_rules.run(inspection.menu, inspection.line, seen)))
    versus = None
    if compare:
        settings = callers.tasks.Settings.from_mapping(config.tree_test)
        predictions = callers.tasks.predict(inspection.menu, inspection.line, settings=settings)
        versus = vs.report(inspection.line, seen, predictions)
    return TrafficRun(inspection, seen, found, versus)


def fix_file(path: Path, config: Config = Config(), unsafe: bool = False, passes: int = 10) -> list[Fix]:
    """Apply the fixes of a file's findings to the file, checking again after each pass until none
    applies (fixes that touch the same text wait for the next pass); return the fixes applied."""
    from ivrcheck import fixes
    from ivrcheck.fileio import atomic_write

    applied: list[Fix] = []
    for _ in range(passes):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return applied  # check reports why it cannot be read
        result = check_file(path, config)
        new, done = fixes.apply(text, fixes.chosen(result.findings, unsafe))
        if not done or new == text:
            break
        atomic_write(path, new)
        applied += done
    return applied


def check_line(path: Path, config: Config = Config(), display: str | None = None, keep: bool = False) -> Line:
    """Check a file and every file its `file#node` targets reach, as one phone line."""
    shown = display or display_path(path)
    try:
        with _gc_paused():
            from ivrcheck import reading  # the pipeline, from the first line checked (see the module's doc)

            root = reading.read_file(path, shown, config.limits, source_format=config.source_format, entry=config.entry)
            return _check(reading.phone_line(root, display_path, config.limits), config, keep)
    except Exception as exc:  # ivrcheck's own failure: a finding, never a traceback (see _crashed)
        return _crashed(path, shown, exc, keep)


def _crashed(root: Path, display: str, exc: Exception, keep: bool) -> Line:
    """The line of a file ivrcheck failed on: one F099 finding on it, so the other files are still checked
    and the run exits 3 (SPEC section 5). IVRCHECK_DEBUG (the CLI's --debug sets it, and pool workers
    inherit it) prints the traceback on stderr."""
    if debugging():
        print(f"ivrcheck: internal error while checking {display}:", file=sys.stderr)
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    result = FileResult.failed(display, [internal_finding(display, exc)])
    return Line(root, {display: result}, fails=True, inspection=Inspection(result, None, None) if keep else None)


def check_paths(paths: Sequence[Path], config_for: Callable[[Path], Config], jobs: int = 1,
                progress: Callable[[int], None] | None = None, keep: bool = False,
                cache: LineCache | None = None) -> Run:
    """Check files as phone lines; a file another given file reaches is reported as part of that line.

    With a `cache`, a line whose files are all unchanged since a run with the same config is
    taken from it unread (not when `keep` asks for models, which are not cached).
    """
    configs = [config_for(p) for p in paths]
    lines: list[Line | None] = [None] * len(paths)
    pending: dict[int, Pending] = {}
    for index, (path, cfg) in enumerate(zip(paths, configs)):
        if cache is not None and not keep:
            lines[index], ticket = cache.lookup(path, display_path(path), cfg, Line)
            if ticket is not None:
                pending[index] = ticket
            elif progress:
                progress(1)
    todo = [i for i, line in enumerate(lines) if line is None]
    covered = {part for line in lines if line is not None for part in line.parts}
    for index, line in zip(todo, _check_all([paths[i] for i in todo], [configs[i] for i in todo], jobs, keep,
                                            progress, covered)):
        lines[index] = line
        if line is not None and index in pending and cache is not None:
            cache.store(pending[index], paths[index], _cacheable(line), line.parts, line.referenced)
    reported = _reported([line for line in lines if line is not None])
    merged: dict[str, list[FileResult]] = {}
    for line in reported:
        for name, result in line.results.items():
            merged.setdefault(name, []).append(result)
    inspections = {line.inspection.result.path: line.inspection for line in reported if line.inspection}
    return Run([_union(results) for results in merged.values()], any(line.fails for line in reported), inspections)


def _check_all(paths: list[Path], configs: list[Config], jobs: int, keep: bool,
               progress: Callable[[int], None] | None, covered: set[Path]) -> Iterator[Line | None]:
    """Check each file as a line, in order; a file a checked line reaches (`covered`) is None (its line is
    never reported, _reported). `jobs` above 1 uses workers only when the first line is a file of its own:
    workers cannot share what they covered, so files that refer to each other are checked here, each once."""
    pooled, tick = jobs > 1 and len(paths) > 1, progress or (lambda count: None)
    for index, (path, cfg) in enumerate(zip(paths, configs)):
        if pooled and index == 1 and not covered:  # the first line is a file of its own: workers for the rest
            for line in workers.in_order(_check_one, [(p, c, keep) for p, c in zip(paths[1:], configs[1:])], jobs):
                tick(1)
                yield line
            return
        line = None if real_path(path) in covered else check_line(path, cfg, keep=keep)
        if line is not None:
            covered.update(line.parts)
        tick(1)
        yield line


def _check_one(job: tuple[Path, Config, bool]) -> Line:
    return check_line(job[0], job[1], keep=job[2])


def _cacheable(line: Line) -> Line:
    """A line as the cache keeps it: a line of one file drops its score's measures, which only
    re-score a file that several lines reach (see _union), and are most of what a result holds."""
    if line.parts:
        return line
    slim = {name: replace(r, clarity=replace(r.clarity, facts=None)) if r.clarity is not None else r
            for name, r in line.results.items()}
    return replace(line, results=slim)


def _reported(lines: list[Line]) -> list[Line]:
    """The lines to report: those whose root no other line reaches, then, for files that only
    reach each other in a cycle, the first not yet covered, in the order given."""
    reached = {p for line in lines for p in line.parts}
    chosen = [line for line in lines if real_path(line.root) not in reached]
    covered = {p for line in chosen for p in (real_path(line.root), *line.parts)}
    for line in lines:
        if real_path(line.root) not in covered:
            chosen.append(line)
            covered |= {real_path(line.root), *line.parts}
    return chosen


def _union(results: list[FileResult]) -> FileResult:
    """One file's result when several lines reach it: every finding once, the first line's metrics."""
    if len(results) == 1:
        return results[0]
    findings = sort_findings(f for r in results for f in r.findings)
    first = next((r for r in results if r.metrics is not None), results[0])
    measured = next((r.clarity.facts for r in results if r.clarity is not None and r.clarity.facts is not None),
                    None)
    same = {"waivers": first.waivers, "profiles": first.profiles}
    if measured is None:
        return FileResult(first.path, tuple(findings), first.metrics, **same)
    clarity = score.clarity(findings, measured)
    return FileResult(first.path, tuple(findings), first.metrics, clarity.total, clarity.parts, clarity, **same)


def _check(phone: PhoneLine, config: Config, keep: bool) -> Line:
    """Analyse and run the rules once over the (merged) line, then split findings by file.

    The root's score covers the whole line; another file's score covers its own findings.
    """
    from ivrcheck import callers, fixes, graph, policy, rules
    from ivrcheck.language import available, load_language
    from ivrcheck.language.choices import with_choices
    from ivrcheck.model import with_open_hours

    root, menu = phone.root, phone.menu
    parts = frozenset(f.path for f in phone.others)
    if menu is None:  # unreadable: only F0xx findings, no graph
        verdict = policy.decide(root.findings, root.text, root.display, config)
        result = replace(FileResult.failed(root.display, verdict.kept), waivers=tuple(verdict.waivers))
        return Line(root.path, {root.display: result}, parts, config.fails(result.worst()),
                    Inspection(result, None, None) if keep else None)
    language = (load_language(menu.language).with_rate(config.rate_for(menu.language))
                .with_synonyms(config.synonyms_for(menu.language)))
    # Options that choose a language by their words ("På svenska") count as language choices.
    menu = with_choices(menu, language.also_reading(available()))
    menu = with_open_hours(menu)  # a 24-hour desk stays open in the closed state
    analysis = graph.analyse(menu, language)
    by_file: dict[str, list[Finding]] = {f.display: list(f.findings) for f in phone.files}
    for finding in (*phone.problems, *rules.run(menu, analysis, config, lambda code: policy.reported(code, config))):
        by_file.setdefault(finding.path, []).append(finding)
    waived = {f.display: policy.decide(by_file[f.display], f.text, f.display, config, menu) for f in phone.files}
    kept = {f.display: fixes.attach(waived[f.display].kept, menu, analysis,
                                    f.text if f.text is not None and is_native(f.text, f.display, config) else None)
            for f in phone.files}
    extra = callers.metrics(analysis, config.tree_test)
    measure = score.Measures(analysis, score.limits(config.settings_for))
    results = {f.display: replace(_result(f, kept, f is root, measure, extra),
                                  waivers=tuple(waived[f.display].waivers), profiles=config.profiles)
               for f in phone.files}
    fails = any(config.fails(r.worst()) for r in results.values())
    inspection = Inspection(results[root.display], menu, analysis) if keep else None
    return Line(root.path, results, parts, fails, inspection, phone.referenced)


def is_native(text: str, display: str, config: Config = Config()) -> bool:
    """Whether a text is menu YAML (fixes edit it) rather than a platform export (checked, never edited)."""
    from ivrcheck import importers

    if config.source_format:
        return config.source_format == importers.NATIVE
    return importers.detect(text, display) is None


def _result(file: LoadedFile, kept: dict[str, list[Finding]], is_root: bool, measure: score.Measures,
            extra: dict) -> FileResult:
    """A file's result. The root's score covers the whole line; another file's score measures
    the line as callers meet it but counts only its own nodes and findings in the shares."""
    if file.menu is None:
        return FileResult.failed(file.display, kept[file.display])
    mine = kept[file.display]
    if is_root:
        clarity = score.clarity((f for findings in kept.values() for f in findings), measure.of(None))
    else:
        clarity = score.clarity(mine, measure.of(file.display))
    return FileResult(file.display, tuple(mine), extra if is_root else None,
                      clarity.total, clarity.parts, clarity)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one line is checked.

    Composing a large file allocates hundreds of thousands of long-lived objects, and the collector rescans
    them again and again: on a 10,000-node line it takes over half the run time (benchmarks/bench.py).
    Nothing here needs collecting before the line is done; the collector runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What the check built is freed by reference counting when its result is dropped;
            # freezing it spares the collector a full pass over a large model it cannot free.
            gc.freeze()
            gc.enable()
