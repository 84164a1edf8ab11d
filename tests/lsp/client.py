"""A real LSP client for the tests: starts `python -m ivrcheck server` and talks to it over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient


class Editor:
    """An editor in miniature: opens and changes documents, and keeps the diagnostics pushed to it."""

    def __init__(self) -> None:
        self.client = LanguageClient("ivrcheck-tests", "1")
        self.pushed: dict[str, list[lsp.Diagnostic]] = {}
        self.arrived: asyncio.Queue[str] = asyncio.Queue()
        self.versions: dict[str, int] = {}

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
            self.pushed[params.uri] = params.diagnostics
            self.arrived.put_nowait(params.uri)

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def _message(client: LanguageClient, params: lsp.ShowMessageParams) -> None:
            pass

    async def start(self, root: Path) -> lsp.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "ivrcheck", "server", cwd=str(root))
        result = await self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri(), process_id=None))
        self.client.initialized(lsp.InitializedParams())
        return result

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str, timeout: float = 30) -> list[lsp.Diagnostic]:
        """Wait for the next diagnostics pushed for `uri`."""
        while True:
            got = await asyncio.wait_for(self.arrived.get(), timeout)
            if got == uri:
                return self.pushed[uri]

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
            uri, "yaml", 1, path.read_text(encoding="utf-8") if text is None else text)))
        return uri

    def replace_all(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(self.versions[uri], uri),
            [lsp.TextDocumentContentChangeWholeDocument(text)]))


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions; these tests' texts are ASCII) as an editor would."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: lsp.Position) -> int:
        return starts[min(position.line, len(lines))] + position.character

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text
