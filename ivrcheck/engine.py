"""The one place that runs the pipeline in order: load -> graph -> rules -> score."""

from __future__ import annotations

from pathlib import Path

from ivrcheck import graph, load, rules, score
from ivrcheck.config import Config
from ivrcheck.findings import FileResult, Finding, sort_findings
from ivrcheck.language import load_language
from ivrcheck.model import Menu


def check_file(path: Path, config: Config = Config(), display: str | None = None) -> FileResult:
    """Check one menu file from disk."""
    menu, load_findings = load.menu_file(path, config.limits, display)
    return check_loaded(menu, load_findings, display or str(path), config)


def check_text(text: str, config: Config = Config(), display: str = "<menu>") -> FileResult:
    """Check menu text (tests, editors, stdin)."""
    menu, load_findings = load.menu_text(text, display, config.limits)
    return check_loaded(menu, load_findings, display, config)


def check_loaded(menu: Menu | None, load_findings: list[Finding], display: str, config: Config) -> FileResult:
    if menu is None:  # unreadable: only F0xx findings, no graph
        return FileResult.failed(display, load_findings)
    language = load_language(menu.language).with_rate(config.rate_for(menu.language))
    flows = graph.analyse(menu, language)
    findings = sort_findings([*load_findings, *rules.run(menu, flows, config)])
    clarity = score.clarity(findings)
    return FileResult(display, tuple(findings), metrics=flows.metrics(),
                      score=clarity.total, breakdown=clarity.parts)
