"""`ivrcheck diff` output: what a change does to callers, as text, JSON or Markdown for a pull request."""

from __future__ import annotations

import json
from typing import Any, Sequence

from ivrcheck.callers.diff import WORSE_WHEN_HIGHER, Diff
from ivrcheck.report.summary import cell, table
from ivrcheck.report.text import line


def as_json(diffs: Sequence[Diff]) -> str:
    """One file: `{"path", "metrics", "score", "findings": {"new", "fixed"}, "changes", "regressions"}`;
    several: `{"files": [...]}`."""
    data: Any = diffs[0].to_dict() if len(diffs) == 1 else {"files": [d.to_dict() for d in diffs]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def text(diffs: Sequence[Diff]) -> str:
    return "\n".join(_text_block(d) for d in diffs) if diffs else "No menu files changed.\n"


def _text_block(d: Diff) -> str:
    lines = [f"{d.path}: clarity score {_pair(d.score['old'], d.score['new'])}"]
    changed = d.changed_metrics()
    lines += [f"  {name}: {_pair(pair['old'], pair['new'])}" for name, pair in changed.items()]
    if not changed:
        lines.append("  no metric changed")
    if d.changes:
        lines.append("changes:")
        lines += [f"  {c.text()}" for c in d.changes]
    for title, found in (("new findings", d.new_findings), ("fixed findings", d.fixed_findings)):
        if found:
            lines.append(f"{title}:")
            lines += [f"  {line(f)}" for f in found]
    lines.append("regression: " + "; ".join(d.regressions) if d.regressions else "no regression")
    return "\n".join(lines) + "\n"


def markdown(diffs: Sequence[Diff]) -> str:
    """Made to paste into a pull request (and written to the GitHub job summary under Actions)."""
    blocks = ["## ivrcheck diff"]
    if not diffs:
        blocks.append("No menu files changed.")
    for d in diffs:
        blocks.append(f"### {cell(d.path)}")
        verdict = ("**Regression:** " + cell("; ".join(d.regressions))) if d.regressions else "No regression."
        blocks.append(f"Clarity score **{_pair(d.score['old'], d.score['new'])}**. {verdict}")
        changed = d.changed_metrics()
        if changed:
            rows = [[cell(name), _show(p["old"]), _show(p["new"]), _delta(name, p["old"], p["new"])]
                    for name, p in changed.items()]
            blocks.append(table(["metric", "old", "new", "change"], rows))
        if d.changes:
            blocks.append("\n".join(f"- {cell(c.text())}" for c in d.changes))
        for title, found in (("New findings", d.new_findings), ("Fixed findings", d.fixed_findings)):
            if found:
                rows = [[f"`{f.code}`", f.severity.value, cell(f.node_id or ""), cell(f.text)] for f in found]
                blocks.append(f"**{title}**\n\n" + table(["code", "severity", "node", "message"], rows))
    return "\n\n".join(blocks) + "\n"


def _pair(old: Any, new: Any) -> str:
    if old == new:
        return f"{_show(new)} (unchanged)"
    return f"{_show(old)} -> {_show(new)}" + (f" ({new - old:+g})" if _numbers(old, new) else "")


def _delta(name: str, old: Any, new: Any) -> str:
    if not _numbers(old, new):
        return "changed"
    worse = (new > old) == (name.split(".")[-1] in WORSE_WHEN_HIGHER)
    return f"{round(new - old, 3):+g} {'worse' if worse else 'better'}"


def _numbers(old: Any, new: Any) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (old, new))


def _show(value: Any) -> str:
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


FORMATS = {"text": text, "json": as_json, "markdown": markdown}
