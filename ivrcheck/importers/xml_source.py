"""Safe XML for the importers: defusedxml's expat parser, with the line and column of every element.

What is exact: an element's span is where its start tag's `<` stands (expat reports it, counting
characters). An attribute's span is found by reading
the start tag's own text, so it is exact too. Text content has the span of its element.
No entity is expanded and no external entity or DTD is fetched: a document that declares
entities (the "billion laughs") or refers to external ones is refused with its position.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ivrcheck.findings import Span
from ivrcheck.load.source import line_column, line_starts

#: Deeper nesting than any real menu document; refused so that walking the tree cannot recurse without end.
MAX_DEPTH = 200


class TooDeep(Exception):
    """The document nests elements beyond MAX_DEPTH."""


@dataclass(frozen=True)
class XmlError:
    """Why a document could not be read, and where."""

    span: Span
    message: str
    help: str


class _Builder(ET.TreeBuilder):
    """A TreeBuilder that notes where each element starts (as a character offset into the text)."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: expat.XMLParserType | None = None
        self.starts: dict[int, tuple[int, int]] = {}
        self.depth = 0

    def start(self, tag, attrs):  # type: ignore[override]
        element = super().start(tag, attrs)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep()
        assert self.parser is not None
        self.starts[id(element)] = (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber)
        return element

    def end(self, tag):  # type: ignore[override]
        self.depth -= 1
        return super().end(tag)


class Document:
    """A parsed XML document that can say where any of its elements and attributes stand."""

    def __init__(self, text: str, root: ET.Element, starts: dict[int, tuple[int, int]]) -> None:
        self.text = text
        self.root = root
        self._starts = starts
        # Where each line starts, counting CRLF, CR and LF as expat (and editors) do: an old Mac file
        # has CR-only line ends, and expat's line numbers count them.
        self._line_offsets = line_starts(text)
        self._spans: dict[int, Span] = {}
        self._attribute_offsets: dict[int, dict[str, int]] = {}

    def span(self, element: ET.Element) -> Span:
        """Where the element's start tag begins (1-based)."""
        span = self._spans.get(id(element))
        if span is None:
            line, column = self._starts.get(id(element), (1, 0))
            span = self._spans[id(element)] = Span(line, column + 1)
        return span

    def attr_span(self, element: ET.Element, name: str) -> Span:
        """Where attribute `name` of the element is written, or the element's own span."""
        offset = self._attributes(element).get(name)
        return self.span(element) if offset is None else Span(*line_column(self._line_offsets, offset))

    def _attributes(self, element: ET.Element) -> dict[str, int]:
        """Where each attribute name is first written in the element's start tag (one read of the tag,
        kept: an importer asks for several attributes of one element)."""
        found = self._attribute_offsets.get(id(element))
        if found is None:
            start = self.span(element)
            offset = self._line_offsets[min(start.line, len(self._line_offsets)) - 1] + start.column - 1
            end = self.text.find(">", offset)
            found = {}
            # Searched within the start tag, which begins with `<`: the look-behind never sees before it.
            for match in _ATTRIBUTE.finditer(self.text, offset, end if end != -1 else len(self.text)):
                found.setdefault(match.group(1), match.start())
            self._attribute_offsets[id(element)] = found
        return found


#: A name written before `=` in a start tag, not inside a longer name.
_ATTRIBUTE = re.compile(r"(?<![\w:.-])([\w:.-]+)\s*=")


def document(text: str, problem: Callable[[str, Span, str, str], None]) -> Document | None:
    """The parsed document, or None after reporting F018 through `problem` (an importer's NodeSet.problem)."""
    doc, error = parse(text)
    if doc is None:
        assert error is not None  # parse gives an error whenever it gives no document
        problem("F018", error.span, error.message, error.help)
    return doc


def parse(text: str) -> tuple[Document | None, XmlError | None]:
    """Parse XML safely; on failure say where and why. Never raises on bad input."""
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser.parser
    # The XML declaration may name an encoding; the text is already decoded, so drop it.
    source = _without_encoding(text)
    try:
        parser.feed(source)
        root = parser.close()
    except DefusedXmlException as exc:
        return None, XmlError(_declared(source, exc) or _here(parser), _hostile(exc),
                              "a menu document never needs entity declarations or external entities; "
                              "remove the DOCTYPE's internal subset")
    except TooDeep:
        return None, XmlError(_here(parser), f"elements are nested more than {MAX_DEPTH} levels deep",
                              "a menu document needs a few levels; check that the file is the export itself")
    except SyntaxError as exc:
        # ET.ParseError, but not always *this* module's class: defusedxml 0.7.0 parses with a
        # private copy of ElementTree whose ParseError is another class (both are SyntaxErrors).
        line, column = getattr(exc, "position", None) or (1, 0)
        return None, XmlError(Span(line, column + 1), f"the XML is not well-formed: {_reason(exc)}",
                              "fix the XML at this position (an unclosed tag, a stray `&` or `<`)")
    except (ValueError, RecursionError, MemoryError) as exc:  # pragma: no cover - defensive
        return None, XmlError(Span(1, 1), f"the XML cannot be read: {exc}", "export the file again")
    return Document(source, root, builder.starts), None


#: ` encoding="..."` written from the start of a run of blanks (one scan per run, not one per blank).
_ENCODING = re.compile(r"(?<!\s)\s++encoding\s*+=\s*+(['\"])[^'\"]*+\1")


def _without_encoding(text: str) -> str:
    """The text without the XML declaration's encoding (and without a BOM before such a declaration)."""
    start = 1 if text.startswith("\ufeff") else 0
    if not text.startswith("<?xml", start):
        return text
    match = _ENCODING.search(text, start + 5)
    declaration_end = text.find(">", start)
    if match is None or (declaration_end != -1 and match.start() >= declaration_end):
        return text
    return text[start:match.start()] + text[match.end():]


def _here(parser: DefusedXMLParser) -> Span:
    return Span(parser.parser.CurrentLineNumber, parser.parser.CurrentColumnNumber + 1)


def _declared(text: str, exc: DefusedXmlException) -> Span | None:
    """Where the offending entity is declared, when it is."""
    name = getattr(exc, "name", None)
    match = re.search(rf"<!ENTITY\s+(%\s*)?{re.escape(name)}\b", text) if name else None
    if match is None:
        return None
    starts = line_starts(text, match.start())
    return Span(len(starts), match.start() - starts[-1] + 1)


def _hostile(exc: DefusedXmlException) -> str:
    name = type(exc).__name__
    if name == "EntitiesForbidden":
        return f"the document declares the entity \"{getattr(exc, 'name', '?')}\"; entities are not expanded"
    if name == "ExternalReferenceForbidden":
        return f"the document refers to an external entity ({getattr(exc, 'sysid', None) or '?'}); it is not fetched"
    return f"the document uses a forbidden XML feature ({name})"


def _reason(exc: SyntaxError) -> str:
    text = str(exc)
    return re.sub(r":\s*line \d+, column \d+$", "", text)


def local(tag: object) -> str:
    """An element's name without its namespace (`{http://www.w3.org/2001/vxml}menu` -> `menu`)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: ET.Element, *names: str) -> list[ET.Element]:
    """Direct children with one of these local names (any namespace)."""
    return [child for child in element if local(child.tag) in names]


def text_of(element: ET.Element) -> str:
    """All the text inside an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


__all__ = ["MAX_DEPTH", "Document", "XmlError", "children", "local", "parse", "text_of"]
