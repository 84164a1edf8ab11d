"""JSON with a position for every value: line, column and RFC 6901 pointer, also inside JSON strings.

Platform exports are JSON, and findings on them must point into the file. The standard
`json` module gives no positions, so this is a small iterative parser (no recursion, so
no depth can crash it) that records where each value starts. It also tolerates unquoted
template placeholders (`{{name}}`, `${var}`) where a value belongs: Terraform and
Handlebars templates of exports are invalid JSON until rendered, and they are kept as
`Placeholder` strings instead of being refused.
"""

from __future__ import annotations

import json
import json.decoder
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ivrcheck.findings import Span
from ivrcheck.load.source import line_column as _line_column
from ivrcheck.load.source import line_starts
from ivrcheck.numbers import NotANumber, is_digits, read_number

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = (("true", True), ("false", False), ("null", None))
#: `${...}` (one level of nested braces, as in `${jsonencode(var.x)}`) and `{{...}}`.
#: Deeper nesting is refused: no flow needs it, and pointers would grow with the square of the depth.
MAX_DEPTH = 200
PLACEHOLDER = re.compile(r"\$\{(?:[^{}]|\{[^{}]*\})*\}|\{\{[^{}]*\}\}")


class Placeholder(str):
    """A template placeholder left in an export, such as `${queue_arn}` or `{{flowName}}`."""


@dataclass(frozen=True)
class JsonError:
    """Where and why a text is not JSON."""

    span: Span
    message: str
    offset: int = 0


@dataclass
class JsonDoc:
    """A parsed JSON value and where each of its values starts in the file."""

    value: Any
    offsets: dict[str, int]
    text: str
    #: Pointer of the JSON string this document was read from, when it is embedded.
    prefix: str = ""
    #: For an embedded document: offset in the embedded text -> offset in `text`.
    remap: list[int] | None = None
    #: Keys written twice in one object: (the member's pointer, the offsets of its first and second values).
    #: JSON parsers keep the last silently; importers report them (common.Flow.repeats).
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)
    _lines: Sequence[int] = field(default_factory=list, repr=False)

    def span(self, pointer: str) -> Span:
        """The position of the value at `pointer` (or of its closest recorded parent)."""
        probe = pointer
        while probe not in self.offsets and probe:
            probe = probe.rsplit("/", 1)[0]
        return self.place(self.offsets.get(probe, 0), pointer)

    def place(self, offset: int, pointer: str = "") -> Span:
        """The position of an offset into the text parsed (an embedded document's, mapped into the file)."""
        if self.remap is not None:
            offset = self.remap[min(offset, len(self.remap) - 1)] if self.remap else 0
        line, column = self.line_column(offset)
        return Span(line, column, pointer=self.prefix + pointer)

    def line_column(self, offset: int) -> tuple[int, int]:
        if not self._lines:
            self._lines = line_starts(self.text)
        return _line_column(self._lines, offset)

    def embedded(self, pointer: str) -> tuple[JsonDoc | None, JsonError | None]:
        """Parse the JSON held in the string value at `pointer` (an API or Terraform wrapper's `Content`)."""
        start = self.offsets.get(pointer)
        inner = get(self.value, pointer)
        if not isinstance(inner, str) or start is None or self.remap is not None:
            return None, None
        remap = _string_offsets(self.text, start)
        doc, error = parse(inner)
        if error is not None:
            line, column = self.line_column(remap[min(error.offset, len(remap) - 1)])
            return None, JsonError(Span(line, column, pointer=pointer), error.message, error.offset)
        assert doc is not None
        return JsonDoc(doc.value, doc.offsets, self.text, pointer, remap, doc.duplicates), None


#: What an export's values must be: pointer patterns below a flow's root (`*` is any member or item),
#: parents before children, each with the JSON kinds it may hold (`dict`, `list`, `str`, `NUMBER`, `bool`).
Shape = dict[str, tuple[type, ...]]
NUMBER = (int, float)
_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false"}


def conform(value: Any, shape: Shape, base: str = "") -> list[tuple[str, str]]:
    """The one boundary between an export's untrusted structure and an importer.

    `value` is the flow at pointer `base`. Every value at one of `shape`'s patterns that is of
    another kind is taken out (a member removed, a list item made empty, so that pointers to its
    siblings hold) and returned as (pointer, what was found and expected). A null member stays
    (importers read it as absent); a null item does not. Readers then meet only the kinds they expect.
    """
    problems: list[tuple[str, str]] = []
    for pattern, kinds in shape.items():
        *parents, last = pattern.split("/")[1:]
        frontier = [(base, value)]
        for token in parents:
            frontier = [(f"{at}/{escape(key)}", child)
                        for at, parent in frontier for key, child in _members(parent, token)]
        for at, parent in frontier:
            for key, child in _members(parent, last):
                if (child is None and isinstance(parent, dict)) or _is_kind(child, kinds):
                    continue
                expected = " or ".join(dict.fromkeys(_KINDS[k] for k in kinds))
                problems.append((f"{at}/{escape(key)}", f"{_kind(child)} where the export has {expected}"))
                if isinstance(parent, dict):
                    del parent[key]
                else:
                    parent[key] = kinds[0]() if kinds[0] in (dict, list, str) else None
    return problems


def _is_kind(value: Any, kinds: tuple[type, ...]) -> bool:
    """Whether `value` is one of `kinds` (true and false are numbers to Python, not to a shape)."""
    return isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))


def _kind(value: Any) -> str:
    """`a number (5)`, `a list`: what was found, short."""
    if isinstance(value, (dict, list)):
        return _KINDS[type(value)]
    return f"{_KINDS.get(type(value), 'a value')} ({json.dumps(value)[:30]})"


def _members(value: Any, token: str) -> list[tuple[Any, Any]]:
    """(key, child) of `value` that a pattern token names: `*` is every member or item."""
    if isinstance(value, dict):
        if token == "*":
            return list(value.items())
        return [(token, value[token])] if token in value else []
    if isinstance(value, list):
        if token == "*":
            return list(enumerate(value))
        index = int(token) if is_digits(token) and len(token) < 10 else -1
        return [(index, value[index])] if 0 <= index < len(value) else []
    return []


def escape(token: str | int) -> str:
    """One RFC 6901 reference token."""
    return str(token).replace("~", "~0").replace("/", "~1")


def get(value: Any, pointer: str) -> Any:
    """The value at an RFC 6901 pointer, or None."""
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(token)
        elif isinstance(value, list) and is_digits(token) and len(token) < 10 and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value


def parse(text: str) -> tuple[JsonDoc | None, JsonError | None]:
    """Parse JSON text, recording the offset of every value by its pointer."""
    offsets: dict[str, int] = {}
    doc = JsonDoc(None, offsets, text)
    try:
        doc.value = _parse(text, offsets, doc.duplicates)
    except _Stop as stop:
        line, column = doc.line_column(stop.offset)
        return None, JsonError(Span(line, column, pointer=stop.pointer), stop.message, stop.offset)
    return doc, None


class _Stop(Exception):
    def __init__(self, offset: int, message: str, pointer: str) -> None:
        super().__init__(message)
        self.offset, self.message, self.pointer = offset, message, pointer


def _parse(text: str, offsets: dict[str, int], duplicates: list[tuple[str, int, int]]) -> Any:
    n = len(text)
    # A frame: [container, its pointer, the key being filled (objects)].
    stack: list[list[Any]] = []
    root: list[Any] = []
    i = _WS.match(text, 0).end()
    expect = "value"
    while True:
        here = stack[-1][1] if stack else ""
        if expect == "value":
            pointer = _pointer(stack)
            offsets[pointer] = i
            ch = text[i] if i < n else ""
            if ch and ch in "{[" and not (text.startswith("{{", i) and PLACEHOLDER.match(text, i)):
                i, expect = _open(text, i, stack, root, pointer, here)
                continue
            value, i = _scalar(text, i, pointer)
            _attach(stack, root, value)
            expect = "after"
        elif expect == "key":
            i = _key(text, i, stack, here)
            if (member := _pointer(stack)) in offsets and stack[-1][2] in stack[-1][0]:
                duplicates.append((member, offsets[member], i))
            expect = "value"
        else:  # after a value
            i = _WS.match(text, i).end()
            if not stack:
                if i < n:
                    raise _Stop(i, "extra text after the end of the JSON document", "")
                return root[0]
            i, expect = _after(text, i, stack, here)


def _pointer(stack: list[list[Any]]) -> str:
    """The JSON pointer of the value about to be read."""
    if not stack:
        return ""
    frame = stack[-1]
    return f"{frame[1]}/{escape(frame[2])}" if isinstance(frame[0], dict) else f"{frame[1]}/{len(frame[0])}"


def _open(text: str, i: int, stack: list[list[Any]], root: list[Any], pointer: str, here: str) -> tuple[int, str]:
    """Start the object or array at `i`: where to read on, and what comes next."""
    if len(stack) >= MAX_DEPTH:
        raise _Stop(i, f"nesting deeper than {MAX_DEPTH} levels; no flow export needs this depth", here)
    ch = text[i]
    container: Any = {} if ch == "{" else []
    _attach(stack, root, container)
    stack.append([container, pointer, None])
    i = _WS.match(text, i + 1).end()
    if i < len(text) and text[i] == ("}" if ch == "{" else "]"):
        stack.pop()
        return i + 1, "after"
    return i, "key" if ch == "{" else "value"


def _key(text: str, i: int, stack: list[list[Any]], here: str) -> int:
    """Read an object's key and its colon; where its value starts."""
    n = len(text)
    if i >= n or text[i] != '"':
        what = "a trailing comma before }" if i < n and text[i] == "}" else "an object key in double quotes"
        raise _Stop(i, f"expected {what}" if "trailing" not in what else f"{what} is not allowed in JSON", here)
    key, i = _string(text, i, here)
    i = _WS.match(text, i).end()
    if i >= n or text[i] != ":":
        raise _Stop(i, f"expected ':' after the key \"{key}\"", here)
    stack[-1][2] = key
    return _WS.match(text, i + 1).end()


def _after(text: str, i: int, stack: list[list[Any]], here: str) -> tuple[int, str]:
    """After a value inside a container: a comma and the next item, or the container's end."""
    n = len(text)
    close = "}" if isinstance(stack[-1][0], dict) else "]"
    if i < n and text[i] == ",":
        i = _WS.match(text, i + 1).end()
        if i < n and text[i] == close:
            raise _Stop(i, f"a trailing comma before {close} is not allowed in JSON", here)
        return i, "key" if close == "}" else "value"
    if i < n and text[i] == close:
        stack.pop()
        return i + 1, "after"
    found = "the end of the file" if i >= n else repr(text[i])
    raise _Stop(i, f"expected ',' or '{close}' but found {found}", here)


def _attach(stack: list[list[Any]], root: list[Any], value: Any) -> None:
    if not stack:
        root.append(value)
    elif isinstance(stack[-1][0], dict):
        stack[-1][0][stack[-1][2]] = value
    else:
        stack[-1][0].append(value)


def _scalar(text: str, i: int, pointer: str) -> tuple[Any, int]:
    ch = text[i] if i < len(text) else ""
    if ch == '"':
        return _string(text, i, pointer)
    if ch == "$" or text.startswith("{{", i):
        match = PLACEHOLDER.match(text, i)
        if match:
            return Placeholder(match.group(0)), match.end()
    match = _NUMBER.match(text, i)
    if match and match.end() > i:
        number = match.group(0)
        try:
            return read_number(number, whole=not any(c in number for c in ".eE")), match.end()
        except NotANumber as exc:
            raise _Stop(i, f"{exc}; no flow export needs such a number", pointer) from None
    for word, value in _LITERALS:
        if text.startswith(word, i):
            return value, i + len(word)
    found = "the end of the file" if not ch else repr(ch)
    raise _Stop(i, f"expected a value (a string, number, object, array, true, false or null) but found {found}",
                pointer)


def _string(text: str, i: int, pointer: str) -> tuple[str, int]:
    try:
        return json.decoder.scanstring(text, i + 1, False)
    except json.JSONDecodeError as exc:
        raise _Stop(exc.pos, exc.msg.lower(), pointer) from None


def _string_offsets(text: str, start: int) -> list[int]:
    """For the JSON string literal at `start`: decoded character index -> offset in `text`."""
    offsets: list[int] = []
    i = start + 1
    n = len(text)
    while i < n and text[i] != '"':
        if text[i] == "\\":
            if text.startswith("u", i + 1):
                code = int(text[i + 2:i + 6] or "0", 16) if re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2:i + 6]) else 0
                pair = 0xD800 <= code <= 0xDBFF and text.startswith("\\u", i + 6)
                offsets.append(i)
                i += 12 if pair else 6
            else:
                offsets.append(i)
                i += 2
        else:
            offsets.append(i)
            i += 1
    offsets.append(i)
    return offsets
