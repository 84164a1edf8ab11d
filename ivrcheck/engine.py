"""The one place that runs the pipeline in order: load -> graph -> rules -> score."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ivrcheck import graph, load, rules, score
from ivrcheck.config import Config
from ivrcheck.findings import FileResult, Finding, sort_findings
from ivrcheck.graph import Flows
from ivrcheck.language import load_language
from ivrcheck.model import Menu


@dataclass(frozen=True)
class Inspection:
    """A checked file with the model and analysis behind its result (for rendering)."""

    result: FileResult
    menu: Menu | None
    flows: Flows | None


def check_file(path: Path, config: Config = Config(), display: str | None = None) -> FileResult:
    """Check one menu file from disk."""
    return inspect_file(path, config, display).result


def check_text(text: str, config: Config = Config(), display: str = "<menu>") -> FileResult:
    """Check menu text (tests, editors, stdin)."""
    return inspect_text(text, config, display).result


def inspect_file(path: Path, config: Config = Config(), display: str | None = None) -> Inspection:
    with _gc_paused():
        menu, load_findings = load.menu_file(path, config.limits, display)
        return _inspect(menu, load_findings, display or str(path), config)


def inspect_text(text: str, config: Config = Config(), display: str = "<menu>") -> Inspection:
    with _gc_paused():
        menu, load_findings = load.menu_text(text, display, config.limits)
        return _inspect(menu, load_findings, display, config)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is checked.

    Composing a large file allocates hundreds of thousands of long-lived objects, and the
    collector rescans them again and again: on a 10,000-node line it takes over half the
    run time (benchmarks/bench.py). Nothing here needs collecting before the file is done;
    the collector runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _inspect(menu: Menu | None, load_findings: list[Finding], display: str, config: Config) -> Inspection:
    if menu is None:  # unreadable: only F0xx findings, no graph
        return Inspection(FileResult.failed(display, load_findings), None, None)
    language = load_language(menu.language).with_rate(config.rate_for(menu.language))
    flows = graph.analyse(menu, language)
    findings = sort_findings([*load_findings, *rules.run(menu, flows, config)])
    clarity = score.clarity(findings)
    result = FileResult(display, tuple(findings), metrics=flows.metrics(), score=clarity.total, breakdown=clarity.parts)
    return Inspection(result, menu, flows)
