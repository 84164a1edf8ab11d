"""The MCP tools as plain functions: a path or YAML text in, the JSON the CLI's json formats print out.

An assistant writes a menu, calls `check`, applies the fixes it returns, and checks again: the
findings are the CLI's own, from the same engine, config, profiles and waivers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ivrcheck import engine
from ivrcheck.config import Config, Resolver
from ivrcheck.discover import expand


def _resolver() -> Resolver:
    """One resolver per tool call: it finds and reads each folder's config once for all the call's
    files, and a config edited between calls is read afresh."""
    from ivrcheck import rules

    return Resolver(rules.catalog())


def _config(path: Path) -> Config:
    return _resolver()(path)


def _inspect(path: str | None, text: str | None, filename: str | None) -> engine.Inspection:
    """The root file's inspection, from a file on disk or from text (named `filename`, next to
    which `.ivrcheck.yaml` and `file#node` targets are looked up)."""
    if text is not None:
        where = Path(filename or "menu.ivr.yaml")
        return engine.inspect_buffer(where, text, _config(where.resolve())).inspection  # type: ignore[return-value]
    if path is None:
        raise ValueError("give a path or the menu's text")
    target = Path(path)
    if not target.is_file():
        raise ValueError(f"{path}: no such file")
    return engine.inspect_file(target, _config(target))


def check(paths: list[str] | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """`ivrcheck check --format json`, plus each finding's fix (as edits) under `fixes`."""
    from ivrcheck.report import FORMATS

    if text is not None:
        results = [_inspect(None, text, filename).result]
    else:
        files = expand([Path(p) for p in paths or []])
        missing = [p for p in paths or [] if not Path(p).exists()]
        if missing:
            raise ValueError(f"{missing[0]}: no such file or folder")
        results = engine.check_paths(files, _resolver()).results
    out = json.loads(FORMATS["json"](results, False))
    out["fixes"] = [{"path": r.path, "code": f.code, "line": f.span.line, "column": f.span.column, **f.fix.to_dict()}
                    for r in results for f in r.findings if f.fix is not None]
    return out


def score(path: str | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """`ivrcheck score --format json --explain` for one file or text."""
    from ivrcheck.report import clarity

    return json.loads(clarity.FORMATS["json"]([_inspect(path, text, filename).result], explain=True))


def tasks(path: str) -> dict[str, Any]:
    """`ivrcheck tasks --format json`: each task's predicted path for a first-time caller."""
    from ivrcheck.report import tasks as report

    target = Path(path)
    if not target.is_file():
        raise ValueError(f"{path}: no such file")
    return json.loads(report.FORMATS["json"]([engine.tree_test(target, _config(target))]))


def diff(old: str, new: str) -> dict[str, Any]:
    """`ivrcheck diff OLD NEW --format json`: what a change does to callers."""
    from ivrcheck.report import diff as report

    for name in (old, new):
        if not Path(name).is_file():
            raise ValueError(f"{name}: no such file")
    return json.loads(report.FORMATS["json"]([engine.diff_files(Path(old), Path(new), _config(Path(new)))]))


def render(path: str | None = None, text: str | None = None, filename: str | None = None,
           format: str = "mmd", state: str = "open") -> dict[str, Any]:
    """A diagram as text: Mermaid (`mmd`), Graphviz DOT (`dot`) or SVG (`svg`)."""
    from ivrcheck.fileio import text as as_text
    from ivrcheck.render import Options
    from ivrcheck.render import render as draw

    if format not in ("mmd", "dot", "svg") or state not in ("open", "closed"):
        raise ValueError("format is mmd, dot or svg; state is open or closed")
    inspection = _inspect(path, text, filename)
    if inspection.menu is None or inspection.line is None:
        return {"diagram": None, "findings": [f.to_dict() for f in inspection.result.findings]}
    data = draw(inspection.menu, inspection.line, inspection.result, format, Options(state=state))
    return {"format": format, "diagram": as_text(data)}


def explain_rule(code: str) -> dict[str, Any]:
    """A rule's or load problem's page (`ivrcheck rule CODE`)."""
    from ivrcheck.report import rule_pages

    page = rule_pages.explain(code)
    if page is None:
        raise ValueError(f'no rule "{code}"; {rule_pages.did_you_mean(code)}')
    return {"code": code, "page": page}


def fix(path: str, unsafe: bool = False) -> dict[str, Any]:
    """`ivrcheck check --fix` on one file: apply its fixes until none is left, then check it again."""
    target = Path(path)
    if not target.is_file():
        raise ValueError(f"{path}: no such file")
    applied = engine.fix_file(target, _config(target), unsafe)
    return {"applied": [f.to_dict() for f in applied], **check([path])}

