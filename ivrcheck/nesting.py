"""How deep YAML nests, measured by ivrcheck itself whichever parser refuses the text first.

Menu files and configs are both refused beyond a depth of our choosing. libyaml (from PyYAML
6.0.4 on) also refuses deep nesting on its own, with its own words and sometimes before a
single collection event reaches us; without this module the same file would be "too deeply
nested" on one install and a "syntax error" on another.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True, slots=True)
class TooDeep:
    """Where the nesting first went beyond the limit (0-based, as PyYAML's marks)."""

    line: int
    column: int


def too_deep(text: str, limit: int, loader: type) -> TooDeep | None:
    """The first place `text` nests deeper than `limit`, walking parser events (no recursion).

    When the parser stops on an error, the depth at the error is measured from the text
    itself (open brackets, or the indentation of a run of `- `), so a parser that refuses
    deep nesting on its own is answered with our limit, not with its message.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return TooDeep(event.start_mark.line, event.start_mark.column)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and _depth_at(text, mark.index) > limit:
            return TooDeep(mark.line, mark.column)
        raise
    return None


def _depth_at(text: str, index: int) -> int:
    """Nesting at `index` read from the text: open flow brackets, or block levels on the line.

    An estimate (a bracket inside a quoted string counts too), used only once a parser has
    already refused the text; it decides whether the refusal was about depth.
    """
    before = text[: max(0, min(index, len(text)))]
    flow = before.count("[") + before.count("{") - before.count("]") - before.count("}")
    line = before[before.rfind("\n") + 1:]
    indent = len(line) - len(line.lstrip(" \t-"))
    block = max(line.count("- "), indent // 2)
    return max(flow, block)
