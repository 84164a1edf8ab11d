"""Text edits on a menu file's YAML for rules' fixes: lines are inserted, appended or removed on
spans, so comments, key order and quoting everywhere else stay exactly as written."""

from __future__ import annotations

import re
import textwrap
from functools import cached_property

from ivrcheck.findings import Edit, Fix, Span
from ivrcheck.load.source import LINE_BREAKS
from ivrcheck.model import Node
from ivrcheck.records import record

#: The space before a key said as a digit or sign at the end of a clause ("press 1.", "press #,").
_BEFORE_KEY = re.compile(r" (?=[0-9*#](?:[.,;:!?]|\s|$))")
#: Text a plain YAML scalar cannot hold without quoting.
_PLAIN_UNSAFE = re.compile(r":\s|\s#|[\"'{}\[\]]")
#: ... and inside a flow mapping (`{label: ..., goto: ...}`), where commas end a value too.
_FLOW_UNSAFE = re.compile(r"[:#,\"'{}\[\]]|^[-?!&*|>%@`\s]|\s$")


@record
class Source:
    """A file's text as lines (editor counting: CRLF, CR, LF), with the newline it uses."""

    text: str

    @cached_property
    def lines(self) -> list[str]:
        return LINE_BREAKS.split(self.text)

    @cached_property
    def newline(self) -> str:
        found = LINE_BREAKS.search(self.text)
        return found.group() if found else "\n"

    def line(self, number: int) -> str:
        """Line `number` (1-based) without its break; "" past the end."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def block_end(self, key: Span) -> int:
        """The last line of the block a mapping key opens: the lines after it that are indented deeper
        (blank lines inside count; trailing blank lines and comments at the key's depth do not)."""
        depth = indent(self.line(key.line))
        last = key.line
        for number in range(key.line + 1, len(self.lines) + 1):
            text = self.line(number)
            if not text.strip():
                continue
            if indent(text) <= depth:
                break
            last = number
        return last

    def insert_after(self, number: int, content: str) -> Edit:
        """Insert a whole line after line `number`."""
        if number < len(self.lines):
            return Edit(number + 1, 1, number + 1, 1, content + self.newline)
        end = len(self.line(number)) + 1
        return Edit(number, end, number, end, self.newline + content)

    def delete_lines(self, first: int, last: int) -> Edit:
        """Remove lines `first` to `last` with their breaks."""
        if last < len(self.lines):
            return Edit(first, 1, last + 1, 1, "")
        if first > 1:
            return Edit(first - 1, len(self.line(first - 1)) + 1, last, len(self.line(last)) + 1, "")
        return Edit(first, 1, last, len(self.line(last)) + 1, "")

    def child_indent(self, key: Span) -> int | None:
        """The indentation of the block mapping under a key (None when its value is on the key's line)."""
        if self.line(key.line).rstrip().endswith(":"):
            for number in range(key.line + 1, self.block_end(key) + 1):
                text = self.line(number)
                if text.strip() and not text.lstrip().startswith("#"):
                    return indent(text)
        return None


def indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def add_field(source: Source, node: Node, name: str, value: str) -> Edit | None:
    """A line `name: value` at the end of a node written as a block mapping."""
    depth = source.child_indent(node.span)
    if depth is None:
        return None
    return source.insert_after(source.block_end(node.span), f"{' ' * depth}{name}: {value}")


def append_sentence(source: Source, node: Node, sentence: str) -> Edit | None:
    """Add a sentence at the end of a node's prompt, in the prompt's own scalar style; None when
    the prompt is missing or written in a way a line edit cannot extend safely."""
    span = node.prompt_span
    if node.prompt is None or span is None or span.end_line is None or span.end_column is None:
        return None
    first = source.line(span.line)[span.column - 1:span.column]
    if first in (">", "|"):
        return _append_block(source, span, sentence)
    end_line, end_column = span.end_line, span.end_column
    if first == '"':
        escaped = sentence.replace("\\", "\\\\").replace('"', '\\"')
        return Edit(end_line, end_column - 1, end_line, end_column - 1, " " + escaped)
    if first == "'":
        return Edit(end_line, end_column - 1, end_line, end_column - 1, " " + sentence.replace("'", "''"))
    if first in "{[&*!%@`" or _PLAIN_UNSAFE.search(sentence) or sentence.endswith(":"):
        return None
    return Edit(end_line, end_column, end_line, end_column, " " + sentence)


def _append_block(source: Source, span: Span, sentence: str) -> Edit | None:
    """A `>` or `|` prompt: one more line at the depth of its last line of text."""
    last = None
    stop = (span.end_line or span.line) - (1 if span.end_column == 1 else 0)
    for number in range(span.line + 1, stop + 1):
        if source.line(number).strip():
            last = number
    if last is None or source.line(last).lstrip().startswith("#"):
        return None
    depth = indent(source.line(last))
    if depth <= indent(source.line(span.line)):
        return None
    return source.insert_after(last, f"{' ' * depth}{sentence}")


def field_fix(source: Source, node: Node | None, name: str, value: str) -> Fix | None:
    """Add a missing `name: value` to a node (the certain default for an unset error route)."""
    if node is None or getattr(node, name) is not None:
        return None
    edit = add_field(source, node, name, value)
    return Fix(f"add `{name}: {value}` to {node.id}", (edit,)) if edit is not None else None


def add_option(source: Source, node: Node, key: str, label: str, target: str) -> Edit | None:
    """A new option line after a menu's last option, in the quoting and depth of its first one."""
    if not node.options:
        return None
    first, last = node.options[0], node.options[-1]
    text = source.line(first.span.line)
    if indent(text) != first.span.column - 1 or indent(source.line(last.span.line)) != indent(text):
        return None  # the options are a flow mapping on one line: no line to add
    quote = text[indent(text)] if text[indent(text)] in "\"'" else '"'
    label_text = label if not _FLOW_UNSAFE.search(label) else '"' + label.replace('"', '\\"') + '"'
    return source.insert_after(source.block_end(last.span),
                               f"{' ' * indent(text)}{quote}{key}{quote}: {{label: {label_text}, goto: {target}}}")


def delete_node(source: Source, node: Node) -> Edit | None:
    """Remove a node's whole block (its key line and everything indented under it)."""
    if indent(source.line(node.span.line)) != node.span.column - 1:
        return None
    return source.delete_lines(node.span.line, source.block_end(node.span))


def replace_prompt(source: Source, node: Node, text: str) -> Edit | None:
    """Write a node's prompt anew in its own scalar style: one line for a plain or quoted prompt on
    one line, the same depth and width for a folded (`>`) one; None for other layouts."""
    span = node.prompt_span
    if node.prompt is None or span is None or span.end_line is None or span.end_column is None:
        return None
    first = source.line(span.line)[span.column - 1:span.column]
    if first == ">":
        return _refold(source, span, text)
    if span.end_line != span.line or first in "|{[&*!%@`":
        return None
    if first == '"':
        body = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    elif first == "'":
        body = "'" + text.replace("'", "''") + "'"
    elif _PLAIN_UNSAFE.search(text) or text[:1] in "-?:,>|":
        return None
    else:
        body = text
    return Edit(span.line, span.column, span.end_line, span.end_column, body)


def _refold(source: Source, span: Span, text: str) -> Edit | None:
    stop = (span.end_line or span.line) - (1 if span.end_column == 1 else 0)
    body = [n for n in range(span.line + 1, stop + 1) if source.line(n).strip()]
    if not body or any(source.line(n).lstrip().startswith("#") for n in body) or body != list(
            range(body[0], body[-1] + 1)):
        return None  # comments or blank lines inside: a rewrite would lose them
    depth = indent(source.line(body[0]))
    width = max(len(source.line(n)) for n in body)
    # A key stays on the line of the word before it ("press 1."), as a person would wrap it.
    glued = _BEFORE_KEY.sub("\0", text)
    lines = textwrap.wrap(glued, width=max(width - depth, 20), break_long_words=False, break_on_hyphens=False)
    new = source.newline.join(" " * depth + line.replace("\0", " ") for line in lines)
    return Edit(body[0], 1, body[-1], len(source.line(body[-1])) + 1, new)


def replace_key(source: Source, span: Span, key: str) -> Edit | None:
    """Write an option's key anew, in the quotes it has."""
    if span.end_line != span.line or span.end_column is None:
        return None
    written = source.line(span.line)[span.column - 1:span.end_column - 1]
    quote = written[0] if written[:1] in "\"'" else '"'
    return Edit(span.line, span.column, span.line, span.end_column, f"{quote}{key}{quote}")
