"""The language server end to end, driven over stdio by a real LSP client as an editor drives it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra: pip install -e '.[lsp]'")
lsp = pytest.importorskip("lsprotocol.types", reason="the language server needs the lsp extra")

from tests.lsp.client import Editor, apply_edits  # noqa: E402

MAIN = """\
name: Two-file line
language: en
entry: main
defaults: {timeout: 5, retries: 3, on_invalid: repeat, after_retries: desk}
nodes:
  main:
    # the main menu
    prompt: For billing, press 1. To speak to someone, press 0.
    options:
      "1": {label: Billing, goto: billing.ivr.yaml#pay}
      "0": {label: Speak to someone, goto: desk}
  desk: {type: agent, queue: general}
"""
BILLING = """\
name: Billing
language: en
entry: pay
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: clerk}
nodes:
  pay:
    prompt: To pay a bill, press 1. To speak to someone, press 0.
    options:
      "1": {label: Pay a bill, goto: clerk}
      "0": {label: Speak to someone, goto: clerk}
  clerk: {type: agent, queue: billing}
"""


def cli_findings(path: Path) -> list[tuple[str, int, int]]:
    out = subprocess.run([sys.executable, "-m", "ivrcheck", "check", "--format", "json", str(path.name)],
                         capture_output=True, text=True, cwd=path.parent)
    files = {f["path"]: f for f in json.loads(out.stdout)["files"]}
    return sorted((f["code"], f["line"], f["column"]) for f in files[path.name]["findings"])


def seen(diagnostics: list) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.range.start.line + 1, d.range.start.character + 1) for d in diagnostics)


def doc(uri: str):
    return lsp.TextDocumentIdentifier(uri)


def test_the_server_as_an_editor_uses_it(tmp_path: Path) -> None:
    main, billing = tmp_path / "main.ivr.yaml", tmp_path / "billing.ivr.yaml"
    main.write_text(MAIN, encoding="utf-8")
    billing.write_text(BILLING, encoding="utf-8")
    expected = cli_findings(main)
    assert ("R501", 6, 3) in expected, "the menu lacks on_timeout: the quick fix below has work to do"
    asyncio.run(_session(tmp_path, main, billing, expected))


async def _session(root: Path, main: Path, billing: Path, expected: list) -> None:
    editor = Editor()
    started = await editor.start(root)
    assert started.capabilities.inlay_hint_provider and started.capabilities.rename_provider
    client = editor.client
    try:
        uri = editor.open(main)
        assert seen(await editor.diagnostics(uri)) == expected  # what `check` says, where it says it
        pulled = await client.text_document_diagnostic_async(lsp.DocumentDiagnosticParams(doc(uri)))
        assert seen(pulled.items) == expected

        # An edit: the prompt no longer announces "0", so P401 appears at the option.
        edited = MAIN.replace(" To speak to someone, press 0.", "")
        editor.replace_all(uri, edited)
        after = seen(await editor.diagnostics(uri))
        assert ("P401", 11, 7) in after and ("P401", 11, 7) not in expected
        editor.replace_all(uri, MAIN)
        assert seen(await editor.diagnostics(uri)) == expected

        # Hover on a node id: what a caller lives through there.
        hover = await client.text_document_hover_async(lsp.HoverParams(doc(uri), lsp.Position(11, 3)))
        assert "desk" in hover.contents.value and "s after the call starts" in hover.contents.value
        assert "a person is 0 key presses away" in hover.contents.value
        # ... and on a finding, the rule's page.
        hover = await client.text_document_hover_async(lsp.HoverParams(doc(uri), lsp.Position(5, 3)))
        assert "R501" in hover.contents.value and "## What it checks" in hover.contents.value

        # Go to definition across files: `billing.ivr.yaml#pay` -> the `pay:` key in billing.
        line10 = MAIN.splitlines()[9]
        at = line10.index("#pay") + 2
        found = await client.text_document_definition_async(lsp.DefinitionParams(doc(uri), lsp.Position(9, at)))
        assert [(f.uri, f.range.start.line) for f in found] == [(billing.resolve().as_uri(), 5)]

        # Rename `pay` from the main file: both files change, only where the id is written.
        edit = await client.text_document_rename_async(lsp.RenameParams(doc(uri), lsp.Position(9, at), "payment"))
        changes = edit.changes
        assert set(changes) == {uri, billing.resolve().as_uri()}
        assert "billing.ivr.yaml#payment" in apply_edits(MAIN, changes[uri])
        renamed = apply_edits(BILLING, changes[billing.resolve().as_uri()])
        assert "  payment:\n" in renamed and "entry: payment" in renamed and "#" not in renamed

        # Saving another file of the line checks the open root again (it reads that file from disk).
        billing.write_text(BILLING.replace("pay", "paying"), encoding="utf-8")  # `billing.ivr.yaml#pay` is gone
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(doc(billing.resolve().as_uri())))
        assert "F017" in {d.code for d in await editor.diagnostics(uri)} - {c for c, _, _ in expected}
        billing.write_text(BILLING, encoding="utf-8")
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(doc(billing.resolve().as_uri())))
        assert seen(await editor.diagnostics(uri)) == expected

        # Saving the config applies it at once: R501 ignored, then not.
        settings = root / ".ivrcheck.yaml"
        settings.write_text("ignore: [R501]\n", encoding="utf-8")
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(doc(settings.resolve().as_uri())))
        assert seen(await editor.diagnostics(uri)) == [c for c in expected if c[0] != "R501"]
        settings.unlink()
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(doc(settings.resolve().as_uri())))
        assert seen(await editor.diagnostics(uri)) == expected

        # Completion of a target after `goto:`.
        typing = MAIN.replace('goto: desk}', 'goto: d')
        editor.replace_all(uri, typing)
        await editor.diagnostics(uri)
        line = typing.splitlines()[10]
        items = await client.text_document_completion_async(lsp.CompletionParams(
            doc(uri), lsp.Position(10, len(line))))
        labels = {i.label for i in items.items}
        assert {"desk", "main", "repeat", "billing.ivr.yaml#pay"} <= labels
        editor.replace_all(uri, MAIN)
        await editor.diagnostics(uri)

        # A quick fix: R501 -> add `on_timeout: repeat`, and the finding is gone.
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            doc(uri), lsp.Range(lsp.Position(5, 0), lsp.Position(5, 6)), lsp.CodeActionContext([])))
        fix = next(a for a in actions if "on_timeout" in a.title)
        fixed = apply_edits(MAIN, fix.edit.changes[uri])
        assert "    on_timeout: repeat\n" in fixed and "# the main menu" in fixed
        editor.replace_all(uri, fixed)
        assert "R501" not in {d.code for d in await editor.diagnostics(uri)}
        waiver = next(a for a in actions if a.title.startswith("ignore R501"))
        assert "# ivrcheck: disable-line R501 reason:" in waiver.edit.changes[uri][0].new_text

        # Inlay hints after each option: seconds until heard, presses to a person.
        hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(
            doc(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(20, 0))))
        by_line = {h.position.line: h.label for h in hints}
        assert set(by_line) == {9, 10}
        assert by_line[10].endswith("· person in 1") and by_line[9].endswith("· person in 2")
        assert float(by_line[9].split(" s")[0]) < float(by_line[10].split(" s")[0])  # "1" is heard before "0"

        # A broken file mid-edit: a load finding, and the server lives on.
        editor.replace_all(uri, fixed.replace("options:", "options: [", 1))
        broken = await editor.diagnostics(uri)
        assert broken and all(d.code.startswith("F") for d in broken)
        editor.replace_all(uri, fixed)
        assert "R501" not in {d.code for d in await editor.diagnostics(uri)}
    finally:
        await editor.stop()


@pytest.mark.parametrize("stream, says", [
    (b"Content-Length: 99999999999999999999\r\n\r\n{}", "over the server's maximum"),
    (b"Content-Length: %d\r\n\r\n{}" % (128 * 1024 * 1024 + 1), "over the server's maximum"),
    (b"X" * 100_000, "header line"),
])
def test_a_stream_that_cannot_be_framed_is_one_line_and_exit_2(stream: bytes, says: str) -> None:
    """A huge Content-Length was an OverflowError (exit 3); a header line without end was read without bound."""
    run = subprocess.run([sys.executable, "-m", "ivrcheck", "server"], input=stream, capture_output=True, timeout=60)
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_server_answers_after_odd_frames_and_refuses_bad_params_with_an_error() -> None:
    """Near miss: the bound refuses only what is over it. A header that is no number is passed over (the
    stream recovers), and a request whose position is negative gets InvalidParams, not silence."""
    def frame(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)

    far = {"textDocument": {"uri": "file:///x.ivr.yaml"}, "position": {"line": -1, "character": -1}}
    stream = (b"Content-Length: -1\r\n\r\n" + b"Content-Length: 5\r\n\r\n{{{{{"
              + frame({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": far})
              + frame({"jsonrpc": "2.0", "id": 8, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
    run = subprocess.run([sys.executable, "-m", "ivrcheck", "server"], capture_output=True, timeout=60, input=stream)
    answers = [json.loads(part.split(b"\r\n\r\n", 1)[1]) for part in run.stdout.split(b"Content-Length: ")[1:]]
    by_id = {a.get("id"): a for a in answers}
    assert by_id[7]["error"]["code"] == -32602 and "textDocument/hover" in by_id[7]["error"]["message"]
    assert by_id[8]["result"] is None and run.returncode == 0
    assert "Traceback" not in run.stderr.decode(), run.stderr  # `exit` closed stdout: no flush of it after
