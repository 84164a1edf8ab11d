"""The MCP tools as plain functions: a path or YAML text in, the JSON the CLI's json formats print out.

An assistant writes a menu, calls `check`, applies the fixes it returns, and checks again: the
findings are the CLI's own, from the same engine, config, profiles and waivers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ivrcheck import engine, treetest, workspace
from ivrcheck.config import Config, Resolver
from ivrcheck.discover import expand


#: What `render` draws as text, and the hours it can show.
FORMATS = ("mmd", "dot", "svg")
STATES = ("open", "closed")


def _resolver() -> Resolver:
    """One resolver per tool call: it finds and reads each folder's config once for all the call's
    files, and a config edited between calls is read afresh."""
    from ivrcheck import rules

    return Resolver(rules.catalog())


def _config(path: Path) -> Config:
    return _resolver()(path)


#: Longer than any path a system takes: an argument this long is text, not a file name.
_LONGEST_PATH = 4096


def existing_file(name: str, argument: str, text_hint: str = "save it to a file and pass that path") -> Path:
    """A path argument as a file that is there; otherwise a ValueError that says what came and what to pass."""
    if "\n" in name or len(name) > _LONGEST_PATH:
        raise ValueError(f"`{argument}` takes a file path, and this looks like a menu's text "
                         f"({len(name)} characters); {text_hint}")
    target = Path(name)
    try:
        found = target.is_file()
    except (OSError, ValueError) as exc:  # a name too long for the system, a NUL byte
        raise ValueError(f"`{argument}`: {name[:80]!r} is not a usable path ({exc}); "
                         "pass the path of a menu file") from None
    if not found:
        what = "a folder" if target.is_dir() else "no such file"
        raise ValueError(f"`{argument}`: {name[:200]}: {what}; pass the path of a menu file, absolute or "
                         f"relative to the server's folder {Path.cwd()}")
    return target


def _choice(argument: str, value: str, allowed: tuple[str, ...], hint: str = "") -> None:
    if value not in allowed:
        raise ValueError(f"`{argument}` {value[:40]!r} is not one of {', '.join(allowed)}{hint}")


def _inspect(path: str | None, text: str | None, filename: str | None) -> engine.Inspection:
    """The root file's inspection, from a file on disk or from text (named `filename`, next to
    which `.ivrcheck.yaml` and `file#node` targets are looked up)."""
    if text is not None:
        where = Path(filename or "menu.ivr.yaml")
        return engine.inspect_buffer(where, text, _config(where.resolve())).inspection  # type: ignore[return-value]
    if path is None:
        raise ValueError("give `path` (a menu file) or `text` (a menu's YAML or an export's text)")
    target = existing_file(path, "path", "pass it as `text` instead")
    return engine.inspect_file(target, _config(target))


def check(paths: list[str] | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """`ivrcheck check --format json`, plus each finding's fix (as edits) under `fixes`."""
    from ivrcheck.report import FORMATS

    if text is not None:
        results = [_inspect(None, text, filename).result]
    else:
        for name in paths or []:
            if "\n" in name or not Path(name).exists():
                if "\n" in name or len(name) > _LONGEST_PATH:
                    existing_file(name, "paths", "pass it as `text` instead")  # says why it is refused
                raise ValueError(f"`paths`: {name[:200]}: no such file or folder; pass menu files or folders, "
                                 f"absolute or relative to the server's folder {Path.cwd()}")
        files = expand([Path(p) for p in paths or []])
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

    target = existing_file(path, "path")
    return json.loads(report.FORMATS["json"]([treetest.tree_test(target, _config(target))]))


def diff(old: str, new: str) -> dict[str, Any]:
    """`ivrcheck diff OLD NEW --format json`: what a change does to callers."""
    from ivrcheck.report import diff as report

    hint = "diff compares two saved files: write each version to a file and pass both paths"
    before, after = existing_file(old, "old", hint), existing_file(new, "new", hint)
    return json.loads(report.FORMATS["json"]([workspace.diff_files(before, after, _config(after))]))


def render(path: str | None = None, text: str | None = None, filename: str | None = None,
           format: str = "mmd", state: str = "open") -> dict[str, Any]:
    """A diagram as text: Mermaid (`mmd`), Graphviz DOT (`dot`) or SVG (`svg`)."""
    from ivrcheck.fileio import text as as_text
    from ivrcheck.render import Options
    from ivrcheck.render import render as draw

    _choice("format", format, FORMATS, " (the diagram comes back as text; for PDF or PNG run "
            "`ivrcheck render FILE -f pdf -o OUT` on the command line)")
    _choice("state", state, STATES, " (the hours the diagram shows)")
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
        raise ValueError(f'no rule "{code[:40]}"; {rule_pages.did_you_mean(code[:100])}')
    return {"code": code, "page": page}


def fix(path: str, unsafe: bool = False) -> dict[str, Any]:
    """`ivrcheck check --fix` on one file: apply its fixes until none is left, then check it again."""
    target = existing_file(path, "path")
    applied = engine.fix_file(target, _config(target), unsafe)
    return {"applied": [f.to_dict() for f in applied], **check([path])}

