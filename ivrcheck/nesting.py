"""How deep YAML nests and how long its keys run, measured by ivrcheck itself whichever parser refuses the text.

Menu files and configs are both refused beyond a depth of our choosing. libyaml (from PyYAML
6.0.4 on) also refuses deep nesting on its own, with its own words and sometimes before a
single collection event reaches us; without this module the same file would be "too deeply
nested" on one install and a "syntax error" on another. Both parsers also refuse a key of more
than 1,024 characters written `key: value`, in words about mapping values (or a missing `,`)
that never name the key's length; `long_key` finds that case so the message can.
"""

from __future__ import annotations

import re

import yaml

from ivrcheck.records import record

#: Blanks and the `- ` / `? ` indicators before a plain key on its line.
_INDICATORS = re.compile(r"[ \t]*+(?:[-?][ \t]++)*+")
#: YAML's limit on a key written `key: value` (a "simple key"), in characters.
MAX_KEY = 1024


@record(slots=True)
class LongKey:
    """A key the parser refused for its length: where it starts (1-based) and how long it is."""

    line: int
    column: int
    length: int


@record(slots=True)
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
        if mark is not None and long_key(text, exc) is None and _depth_at(text, mark.index) > limit:
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


def long_key(text: str, exc: yaml.MarkedYAMLError) -> LongKey | None:
    """The key over `MAX_KEY` characters whose `:` the parser refused, if that is why it stopped.

    A quoted key is measured from its opening quote (a bracket inside it is no nesting), a plain
    one from the line start or the `{`, `[` or `,` before it.
    """
    mark = exc.problem_mark
    end = mark.index if mark is not None else -1
    if end <= 0 or not text.startswith(":", end):
        return None
    if text[end - 1] in "\"'":
        start = text.rfind(text[end - 1], 0, end - 1)
    else:
        start = _INDICATORS.match(text, max(text.rfind(c, 0, end) for c in "\n\r{[,") + 1).end()
    if start < 0 or end - start <= MAX_KEY:
        return None
    # Lines end at CRLF, CR or LF, as the reader and editors count them (load.source.line_column).
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line = len(re.findall(r"\r\n|\r|\n", text[:line_start])) + 1
    return LongKey(line, start - line_start + 1, end - start)


def key_too_long(key: LongKey) -> str:
    """What the parser's own words leave out: the key's length against YAML's limit."""
    return (f"this key is {key.length:,} characters long; YAML reads a key written `key: value` only up to "
            f"{MAX_KEY:,} characters")
