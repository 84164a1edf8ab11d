"""The language server's protocol side (pygls 2 over stdio): documents in, engine results out."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from ivrcheck import __version__, config
from ivrcheck.config import Config, ConfigError, Resolver
from ivrcheck.lsp import features
from ivrcheck.lsp.document import Document
from ivrcheck.lsp.framing import AnsweringProtocol, BoundedInput

#: Files whose saving changes the settings of the open menus.
CONFIG_FILES = frozenset({*config.CONFIG_FILES, "pyproject.toml"})
#: Seconds of quiet typing before a changed document is checked again.
DEBOUNCE = 0.05


class IvrServer(LanguageServer):
    """Keeps each open document's latest check, and the last one that loaded, for completion mid-edit."""

    def __init__(self) -> None:
        super().__init__("ivrcheck", __version__, protocol_cls=AnsweringProtocol)
        self.docs: dict[str, Document] = {}
        self.loaded: dict[str, Document] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.resolver: Resolver | None = None

    def config_for(self, path: Path) -> Config:
        from ivrcheck import rules

        if self.resolver is None:
            self.resolver = Resolver(rules.catalog())
        try:
            return self.resolver(path)
        except ConfigError as exc:
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"ivrcheck config: {exc}"))
            return Config()

    def refresh(self, uri: str) -> Document:
        """Check the document's current text and publish its diagnostics."""
        text = self.workspace.get_text_document(uri).source
        path = path_of(uri)
        doc = Document(path, text, self.config_for(path))
        self.docs[uri] = doc
        if doc.menu is not None:
            self.loaded[uri] = doc
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, doc.diagnostics()))
        return doc

    def doc(self, uri: str, loaded: bool = False) -> Document | None:
        """The latest check of a document (or, with `loaded`, the latest whose menu loaded)."""
        found = self.docs.get(uri)
        if found is None and uri in self.workspace.text_documents:
            found = self.refresh(uri)
        if loaded and (found is None or found.menu is None):
            return self.loaded.get(uri)
        return found


def path_of(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(unquote(parsed.path or uri))


server = IvrServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: IvrServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.refresh(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: IvrServer, params: lsp.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.docs.pop(uri, None)
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()

    async def later() -> None:
        await asyncio.sleep(DEBOUNCE)
        ls.pending.pop(uri, None)
        ls.refresh(uri)

    ls.pending[uri] = asyncio.ensure_future(later())


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: IvrServer, params: lsp.DidSaveTextDocumentParams) -> None:
    """Check the saved file, and every open file whose line reads it from disk (`file#node`)."""
    saved = path_of(params.text_document.uri).resolve()
    if saved.name in CONFIG_FILES:  # settings changed: read them again for every open file
        ls.resolver = None
    for uri, doc in list(ls.docs.items()):
        if uri != params.text_document.uri and (saved.name in CONFIG_FILES or saved in {
                p.resolve() for p in doc.files.values()}):
            ls.refresh(uri)
    if saved.name not in CONFIG_FILES:
        ls.refresh(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: IvrServer, params: lsp.DidCloseTextDocumentParams) -> None:
    for table in (ls.docs, ls.loaded):
        table.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(params.text_document.uri, []))


@server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC, lsp.DiagnosticOptions(inter_file_dependencies=True,
                                                                     workspace_diagnostics=False))
def pull_diagnostics(ls: IvrServer, params: lsp.DocumentDiagnosticParams) -> lsp.DocumentDiagnosticReport:
    doc = ls.doc(params.text_document.uri)
    items = doc.diagnostics() if doc is not None else []
    return lsp.RelatedFullDocumentDiagnosticReport(items=items)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: IvrServer, params: lsp.HoverParams) -> lsp.Hover | None:
    doc = ls.doc(params.text_document.uri)
    if doc is None:
        return None
    text = features.hover(doc, *doc.lines.ours(params.position))
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text)) if text else None


@server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT)
def inlay_hints(ls: IvrServer, params: lsp.InlayHintParams) -> list[lsp.InlayHint]:
    doc = ls.doc(params.text_document.uri)
    if doc is None:
        return []
    return features.inlay_hints(doc, params.range.start.line + 1, params.range.end.line + 1)


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", " ", '"', "["]))
def completion(ls: IvrServer, params: lsp.CompletionParams) -> lsp.CompletionList:
    doc = ls.doc(params.text_document.uri)
    loaded = ls.doc(params.text_document.uri, loaded=True)
    if doc is None or loaded is None:
        return lsp.CompletionList(False, [])
    # The text being typed rarely loads; the last model that did knows the ids and the menus.
    return lsp.CompletionList(False, features.completions(loaded, *doc.lines.ours(params.position), doc.lines))


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_actions(ls: IvrServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    doc = ls.doc(params.text_document.uri)
    if doc is None:
        return []
    return features.code_actions(doc, params.range.start.line + 1, params.range.end.line + 1)


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def definition(ls: IvrServer, params: lsp.DefinitionParams) -> list[lsp.Location]:
    doc, node_id = _symbol(ls, params.text_document.uri, params.position)
    return features.locations(doc, node_id)[:1] if doc and node_id else []


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
def references(ls: IvrServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
    doc, node_id = _symbol(ls, params.text_document.uri, params.position)
    if doc is None or node_id is None:
        return []
    return features.locations(doc, node_id, params.context.include_declaration)


@server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: IvrServer, params: lsp.PrepareRenameParams) -> lsp.Range | None:
    doc, node_id = _symbol(ls, params.text_document.uri, params.position)
    if doc is None or node_id is None or not doc.editable:
        return None
    here = [loc for loc in features.locations(doc, node_id) if loc.uri == doc.path.resolve().as_uri()
            and loc.range.start.line == params.position.line]
    return here[0].range if here else None


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
def rename(ls: IvrServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
    doc, node_id = _symbol(ls, params.text_document.uri, params.position)
    if doc is None or node_id is None or not doc.editable:
        return None
    return features.rename(doc, node_id, params.new_name)


def _symbol(ls: IvrServer, uri: str, position: lsp.Position) -> tuple[Document | None, str | None]:
    doc = ls.doc(uri)
    if doc is None:
        return None, None
    return doc, doc.symbol_at(*doc.lines.ours(position))


def serve() -> None:
    """Run the server over standard input and output until the editor closes it (FramingError: a broken stream)."""
    import logging
    import sys

    from ivrcheck.load.codes import debugging

    # pygls logs each refused message with its traceback on stderr; the editor gets the error (or a
    # window message) itself, so stderr stays quiet unless debugging.
    logging.getLogger("pygls").setLevel(logging.DEBUG if debugging() else logging.CRITICAL)
    server.start_io(stdin=BoundedInput(sys.stdin.buffer))  # type: ignore[arg-type]
