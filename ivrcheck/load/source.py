"""Bytes -> composed YAML node tree, safely: encoding, size, syntax, nesting and alias limits."""

from __future__ import annotations

import bisect
import functools
import os
import re
from array import array
from pathlib import Path
from typing import BinaryIO, Sequence

import yaml

from ivrcheck.config import Limits
from ivrcheck.encoding import SAVE_AS_UTF8, utf16
from ivrcheck.fileio import NotRegular, open_regular
from ivrcheck.findings import Span
from ivrcheck.nesting import key_too_long, long_key, too_deep
from ivrcheck.records import record

try:  # libyaml is several times faster; the pure-Python composer gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


#: Line ends as editors, YAML and expat count them: CRLF, CR, LF; not NEL or U+2028 (see yaml_text).
LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def line_starts(text: str, end: int | None = None) -> array[int]:
    """Where each line of `text` (up to `end`) starts, the first at 0: the one count of lines that
    positions, fixes, editors and importers share. Held as an array, not a list of lines, because on
    a large file a copy of every line would be the biggest thing a check allocates."""
    starts = array("q", [0])
    starts.extend(m.end() for m in LINE_BREAKS.finditer(text, 0, len(text) if end is None else end))
    return starts


def line_column(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset, given the text's `line_starts`."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


@record(slots=True)
class LoadError:
    """A problem that stops or taints loading; becomes an F0xx finding."""

    code: str
    span: Span
    message: str
    help: str


def span_of(node: yaml.Node) -> Span:
    """PyYAML marks are 0-based; ours are 1-based. This is the one place that converts."""
    start = node.start_mark
    if type(start) is tuple:  # a scalar composed by _compose: its position, converted as it was built
        return Span(*start)
    first, last = start.line, node.end_mark.line
    line = first + 1
    # Most values end on the line they start on: one int object then serves both (a model holds ~10 a node).
    return Span(line, start.column + 1, line if last == first else last + 1, node.end_mark.column + 1)


def _mark_span(mark: yaml.Mark | None) -> Span:
    return Span(mark.line + 1, mark.column + 1) if mark is not None else Span(1, 1)


def read_text(path: Path, limits: Limits) -> tuple[str | None, LoadError | None]:
    """Read a file as UTF-8 text, refusing FIFOs and devices (a read could block or never end) and
    huge or non-UTF-8 files with a positioned error."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            return (None, _too_large(f"file is {size:,} bytes, over", limits)) if size > limits.max_bytes \
                else read_stream(handle, limits)
    except NotRegular as exc:
        return None, LoadError(
            "F003", Span(1, 1), f"cannot read the file: it is {exc.kind}, not a regular file",
            "give a saved file; to check piped text, pass `-` and --stdin-filename",
        )


def read_stream(stream: BinaryIO, limits: Limits) -> tuple[str | None, LoadError | None]:
    """Read at most the size limit from a file or a pipe (whose size nobody knows beforehand),
    then decode it: a stream that goes on for ever stops at the limit."""
    data = stream.read(limits.max_bytes + 1)
    while len(data) <= limits.max_bytes and (more := stream.read(limits.max_bytes + 1 - len(data))):
        data += more  # a pipe hands over a little at a time
    return (None, _too_large("file is over", limits)) if len(data) > limits.max_bytes else decode(data)


def _too_large(said: str, limits: Limits) -> LoadError:
    return LoadError("F012", Span(1, 1), f"{said} the {limits.max_bytes:,}-byte limit",
                     "split the phone line into several files joined by `file.ivr.yaml#node` targets")


def decode(data: bytes) -> tuple[str | None, LoadError | None]:
    """Decode UTF-8 (a BOM is allowed) and point at the first bad byte otherwise."""
    if utf16(data):
        return None, LoadError("F002", Span(1, 1), "file is UTF-16, not UTF-8", SAVE_AS_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as editors do, not bytes: "ÄÄÄ\xe9" puts the bad byte at 4.
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        return None, LoadError(
            "F002", Span(line, column), f"file is not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
            "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
        )
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
        for line in text.splitlines()
    ):
        return None, LoadError(
            "F003", Span(1, 1), "file is empty",
            "declare a phone line with at least `entry:` and `nodes:`",
        )
    return text, None


_INNERMOST_FLOW = re.compile(r"\{[^\[\]{}]*\}|\[[^\[\]{}]*\]")
#: Deep block nesting: a line indented 500 blanks, or a run of 200 `- `. Three patterns, each led by a
#: literal or anchored, so the regex engine skips ahead instead of trying every position of the text.
_DEEP_FIRST_LINE = re.compile(r"[ \t]{500,}\S")
_DEEP_LINE = re.compile(r"\n[ \t]{500,}\S")
_DEEP_DASHES = re.compile(r"-[ \t]+(?:-[ \t]+){199,}")


#: Characters PyYAML counts as line breaks but editors do not: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
_NOT_BREAKS = {0x85: 0x20, 0x2028: 0x20, 0x2029: 0x20}


def yaml_text(text: str) -> str:
    """The text as PyYAML should read it so that its line numbers are the editor's.

    Each of NEL, U+2028 and U+2029 becomes a space, one character for one, so every index and
    column stays where it was; inside a prompt they only ever meant a pause anyway.
    """
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_NOT_BREAKS)
    return text


def _may_be_deep(text: str, levels: int) -> bool:
    """Whether the text could nest beyond `levels`; cheap C-level regex passes, no parse.

    Flow collections are peeled innermost-first, one regex pass a level; block nesting needs
    an indentation or a run of `- ` as long as the depth.
    """
    if _DEEP_FIRST_LINE.match(text) or _DEEP_LINE.search(text) or _DEEP_DASHES.search(text):
        return True
    for _ in range(levels):
        if "[" not in text and "{" not in text:
            return False  # all peeled: a C-level test spares a regex pass that would find nothing
        text, peeled = _INNERMOST_FLOW.subn("", text)
        if not peeled:
            # Peeling stalls on a bracket inside a quoted string ("{" in a prompt): then only a
            # count can bound the depth, and the parser's events give the real one.
            return text.count("[") + text.count("{") > levels
    return "[" in text or "{" in text


def _scan_depth(text: str, limits: Limits) -> LoadError | None:
    """Report the first collection nested too deep, in our words whichever parser refused it."""
    if (place := too_deep(text, limits.max_depth, _Loader)) is None:
        return None
    return _too_deep(Span(place.line + 1, place.column + 1), limits)


def _too_deep(span: Span, limits: Limits) -> LoadError:
    return LoadError(
        "F010", span, f"nesting deeper than {limits.max_depth} levels",
        "a menu file never needs this depth; flatten the structure",
    )


def compose(text: str, limits: Limits) -> tuple[yaml.Node | None, LoadError | None]:
    """Compose YAML into a node tree with marks, never constructing Python objects."""
    try:
        # The C composer recurses per level and crashes on extreme depth: check first when
        # the text could possibly be that deep, which ordinary menus never are.
        readable = yaml_text(text)
        if _may_be_deep(readable, 32) and (error := _scan_depth(readable, limits)):
            return None, error
        node = _compose(readable)
    except yaml.MarkedYAMLError as exc:
        return None, _syntax_error(exc, text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow anywhere
        return None, _bad_character(exc, text)
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, LoadError("F001", Span(1, 1), f"YAML syntax error: {str(exc).splitlines()[0]}",
                               "fix the YAML syntax")
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and not node.value):
        return None, LoadError("F003", Span(1, 1), "file is empty",
                               "declare a phone line with at least `entry:` and `nodes:`")
    # Without an anchor there is no alias, so nothing can expand and the walk is skipped.
    return node, (_check_aliases(node, limits) if "&" in text else None)


#: A C-level callable taking (parent, index) and doing nothing: `dict.get` of an empty dict.
_NO_PATH_DESCEND = {}.get


def _compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with fewer calls back into Python for each node it builds.

    The C composer asks Python for the tag of every scalar and tells path resolvers of every
    step down and up. The safe loader has no path resolvers, so those hooks become C no-ops;
    tags repeat (keys, `goto` targets) and a small cache answers most without Python code.
    """
    loader = _Loader(text)
    spans = _C_COMPOSER is not None and isinstance(loader, _C_COMPOSER.CParser)
    try:
        if not loader.yaml_path_resolvers:
            loader.descend_resolver = _NO_PATH_DESCEND
            loader.ascend_resolver = tuple
        plain = loader.resolve
        loader.resolve = functools.lru_cache(maxsize=256)(
            lambda kind, value, implicit: plain(yaml.ScalarNode if kind is _scalar else kind, value, implicit))
        if spans:
            _C_COMPOSER.ScalarNode = _scalar  # type: ignore[union-attr]
        return loader.get_single_node()
    finally:
        if spans:
            _C_COMPOSER.ScalarNode = yaml.ScalarNode  # type: ignore[union-attr]
            _LINE_NUMBERS.clear()
        loader.dispose()
        vars(loader).clear()  # the cache holds the loader: a cycle the collector may be paused for


#: The C composer builds each node through its module's `ScalarNode` name (and asks the resolver
#: for its tag with that name as the kind). While `_compose` runs, that name is `_scalar`. A YAML
#: reader in another thread meanwhile would get such tuples too: span_of reads them, and PyYAML's
#: constructor reads marks only to word its errors.
_C_COMPOSER = getattr(yaml, "_yaml", None)


def _scalar(tag: str, value: str, start: yaml.Mark, end: yaml.Mark, style: str | None) -> yaml.ScalarNode:
    """A scalar as the C composer builds it, with its position already converted: `start_mark` is
    (line, column, end line, end column), 1-based, and `end_mark` is None; span_of reads either
    form. The two PyYAML marks of each scalar were two fifths of a composed tree: freed as each
    scalar is built, a 10,000-node line composes in 15 % less memory, and the resident peak of its
    whole check is about 9 MiB lower. A tuple, not a Span, because this runs for every scalar."""
    first, last = start.line + 1, end.line + 1
    # One int object per line number (a model holds ~10 positions a node; numbers past 256 are objects).
    line = _LINE_NUMBERS.setdefault(first, first)
    return yaml.ScalarNode(tag, value, (line, start.column + 1, line if last == first else
                                        _LINE_NUMBERS.setdefault(last, last), end.column + 1), None, style)


#: Each line number's int while `_compose` runs (see _scalar).
_LINE_NUMBERS: dict[int, int] = {}


def _bad_character(exc: yaml.reader.ReaderError, text: str) -> LoadError:
    """A control character (or another one YAML forbids), at its own line and column."""
    index = min(max(exc.position, 0), len(text))
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n")  # line ends as editors count them
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, str) else chr(exc.character or 0)
    return LoadError("F001", Span(line, column), f"the file contains the character U+{ord(character):04X}, "
                     "which YAML does not allow", "delete it, or write it as an escape inside a double-quoted string")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> LoadError:
    if (key := long_key(text, exc)) is not None:
        return LoadError("F001", Span(key.line, key.column), f"YAML syntax error: {key_too_long(key)}",
                         "shorten the key (a node id needs a few words at most)")
    mark = exc.problem_mark or exc.context_mark
    span = _mark_span(mark)
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    culprit = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
    help_text = "fix the YAML syntax at this position"
    bare = re.match(r"\s*([*#])\s*:", culprit) or re.match(r"\s*([*&])", culprit)
    if bare or "alias" in problem or "anchor" in problem:
        key = bare.group(1) if bare else "*"
        if bare:  # PyYAML marks the character after `*`; the culprit is the `*` itself
            span = Span(span.line, bare.start(1) + 1)
        help_text = f'quote the key: write "{key}": in YAML an unquoted * starts an alias and # a comment'
    elif re.search(r"(^|\s)#\s*:", culprit):
        help_text = 'quote the key: write "#": in YAML an unquoted # starts a comment'
    elif "\t" in problem or "\\t" in problem or re.match(r"^ *\t", culprit):
        help_text = "YAML forbids tabs in indentation: indent with spaces (set your editor to insert spaces)"
    return LoadError("F001", span, f"YAML syntax error: {problem}", help_text)


def _check_aliases(root: yaml.Node, limits: Limits) -> LoadError | None:
    """Bound alias expansion (and depth) over the composed graph, iteratively."""
    expanded: dict[int, int] = {}
    unique = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            continue
        if key in expanded:
            continue
        if depth > limits.max_depth:
            return _too_deep(span_of(node), limits)
        unique += 1
        expanded[key] = 0  # placeholder: a node reached again through an alias is shared
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
    total = expanded[id(root)]
    if total > limits.max_alias_growth * unique + 10_000:
        return LoadError(
            "F009", span_of(root),
            f"aliases expand {unique:,} YAML nodes into {total:,}, beyond the limit",
            "use fewer nested aliases (`*name`); a menu file never needs this expansion",
        )
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
