"""One open menu as the editor sees it: its check through the engine, positions in the editor's
units, and where every node id is declared and named across the files of its line."""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lsprotocol import types as lsp

from ivrcheck import engine
from ivrcheck.config import Config, Limits
from ivrcheck.discover import display_path
from ivrcheck.fileio import read_limited
from ivrcheck.findings import Edit, FileResult, Finding, Severity, Span
from ivrcheck.graph.build import OPEN
from ivrcheck.load.source import LINE_BREAKS
from ivrcheck.model import BUILTIN_TARGETS, Menu, Node, Target

SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
            Severity.INFO: lsp.DiagnosticSeverity.Information}
_WORD = re.compile(r"[\w.#/-]+")
_ENTRY = re.compile(r"entry\s*:\s*[\"']?([\w.-]+)")


class Lines:
    """A text's lines, converting our 1-based code-point columns to LSP's 0-based UTF-16 ones and back."""

    def __init__(self, text: str) -> None:
        self.lines = LINE_BREAKS.split(text)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def position(self, line: int, column: int) -> lsp.Position:
        text = self.line(line)[:max(column - 1, 0)]
        return lsp.Position(max(line - 1, 0), len(text.encode("utf-16-le")) // 2)

    def ours(self, position: lsp.Position) -> tuple[int, int]:
        """The 1-based line and code-point column of an LSP position, kept near the text: a column past
        a line's end is its end (as the protocol asks), and any line past the last is the empty line
        just after it, so a far position names nothing and no walk goes up from it."""
        line = min(max(position.line, 0) + 1, len(self.lines) + 1)
        text, units, column = self.line(line), 0, 0
        while column < len(text) and units < position.character:
            units += 2 if ord(text[column]) > 0xFFFF else 1
            column += 1
        return line, column + 1

    def range(self, span: Span) -> lsp.Range:
        """A finding's range: its span, or the word it starts at when the span has no end."""
        if span.end_line is not None and span.end_column is not None and (span.end_line, span.end_column) > (
                span.line, span.column):
            return lsp.Range(self.position(span.line, span.column), self.position(span.end_line, span.end_column))
        word = _WORD.match(self.line(span.line), span.column - 1)
        end = span.column + (len(word.group()) if word else 0)
        return lsp.Range(self.position(span.line, span.column), self.position(span.line, end))

    def edit(self, edit: Edit) -> lsp.TextEdit:
        return lsp.TextEdit(lsp.Range(self.position(edit.line, edit.column),
                                      self.position(edit.end_line, edit.end_column)), edit.text)

    def word_at(self, line: int, column: int) -> tuple[str, int] | None:
        """The word (id, code, `file#node`) under a position, with the column it starts at."""
        for match in _WORD.finditer(self.line(line)):
            if match.start() < column <= match.end() + 1:
                return match.group(), match.start() + 1
        return None


@dataclass(frozen=True)
class Place:
    """Where a node id is written: a file as findings name it, and the id's own characters."""

    display: str
    line: int
    column: int
    length: int


@dataclass
class Document:
    """An open file and what the engine made of it; rebuilt on every change."""

    path: Path
    text: str
    config: Config
    checked: engine.Line = field(init=False)

    def __post_init__(self) -> None:
        self.checked = engine.inspect_buffer(self.path, self.text, self.config)
        gc.unfreeze()  # the engine freezes what a check built; a server that lives long must collect it

    @property
    def display(self) -> str:
        return display_path(self.path)

    @property
    def result(self) -> FileResult:
        return self.checked.results[self.display]

    @property
    def menu(self) -> Menu | None:
        return self.checked.inspection.menu if self.checked.inspection else None

    @cached_property
    def lines(self) -> Lines:
        return Lines(self.text)

    @property
    def editable(self) -> bool:
        """Menu YAML; a platform export is checked but never edited (its fixes would be in another format)."""
        return engine.is_native(self.text, self.display, self.config)

    def diagnostics(self) -> list[lsp.Diagnostic]:
        return [diagnostic(f, self.lines) for f in self.result.findings]

    def findings_at(self, line: int) -> list[Finding]:
        return [f for f in self.result.findings if f.span.line <= line <= (f.span.end_line or f.span.line)]

    @cached_property
    def files(self) -> dict[str, Path]:
        """Every file of the line by the name findings use."""
        return {self.display: self.path, **{display_path(p): p for p in self.checked.parts}}

    def text_of(self, display: str) -> Lines:
        if display == self.display:
            return self.lines
        try:
            return Lines(read_limited(self.files[display], Limits().max_bytes).decode("utf-8"))
        except (OSError, KeyError, UnicodeDecodeError):
            return Lines("")

    @cached_property
    def symbols(self) -> dict[str, list[Place]]:
        """Every node id of the line -> where it is declared (first) and every place that names it."""
        menu = self.menu
        if menu is None:
            return {}
        found: dict[str, list[Place]] = {}
        for node_id, node in menu.nodes.items():
            self._add(found, node_id, node.source or self.display, node.span)
        for node in menu.nodes.values():
            home = node.source or self.display
            for target in _targets(node):
                if target.ref in menu.nodes:
                    self._add(found, target.ref, home, target.span)
        for target in (menu.entry, *(t for task in menu.tasks for t in task.expects)):
            if target.ref in menu.nodes:
                self._add(found, target.ref, self.display, target.span)
        for display in self.files:  # the other files' own `entry:` (the merged model keeps the root's)
            lines = self.text_of(display)
            for number, text in enumerate(lines.lines, 1):
                entry = _ENTRY.match(text)
                if display != self.display and entry and f"{display}#{entry.group(1)}" in menu.nodes:
                    self._add(found, f"{display}#{entry.group(1)}", display, Span(number, entry.start(1) + 1))
        return found

    def _add(self, found: dict[str, list[Place]], node_id: str, display: str, span: Span) -> None:
        bare = node_id.rpartition("#")[2]
        text = self.text_of(display).line(span.line)
        token = re.match(r"[^\s,}\]]*", text[span.column - 1:])
        hash_at = text.find("#", span.column - 1, span.column - 1 + len(token.group()) if token else None)
        at = text.find(bare, hash_at + 1 if hash_at >= 0 else span.column - 1)
        if at < 0:
            return
        place = Place(display, span.line, at + 1, len(bare))
        places = found.setdefault(node_id, [])
        if place not in places:
            places.append(place)

    def symbol_at(self, line: int, column: int) -> str | None:
        """The node id (canonical, as the merged line names it) written at a position of this file."""
        for node_id, places in self.symbols.items():
            for place in places:
                if place.display == self.display and place.line == line and \
                        place.column <= column <= place.column + place.length:
                    return node_id
        return None


def diagnostic(finding: Finding, lines: Lines) -> lsp.Diagnostic:
    where = f" [{finding.state} hours]" if finding.state else ""
    return lsp.Diagnostic(lines.range(finding.span), finding.text + where, SEVERITY[finding.severity],
                          code=finding.code, source="ivrcheck",
                          code_description=_page(finding.code), data={"name": finding.name})


def _page(code: str) -> lsp.CodeDescription | None:
    """A link to the rule's page when a docs URL is configured (report.common.docs_url); hover has the page itself."""
    from ivrcheck.report.common import help_uri

    uri = help_uri(code)
    return lsp.CodeDescription(href=uri) if uri is not None else None


def _targets(node: Node) -> list[Target]:
    return [t for t in node.targets() if t.ref not in BUILTIN_TARGETS]


def caller_facts(doc: Document) -> tuple[dict[str, tuple[int, float]], dict[str, tuple[int, str]]] | None:
    """Per node, in open hours: (presses, seconds) from the start of the call, and (presses, person)
    from there to the nearest person: the facts the engine computed for the rules and the score."""
    inspection = doc.checked.inspection
    if inspection is None or inspection.line is None or OPEN not in inspection.line.states:
        return None
    line = inspection.line
    return line.costs_from_entry(OPEN), line.states[OPEN].presses_to_human
