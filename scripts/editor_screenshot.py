"""Draw docs/editor-inlay-hints.png: a menu as an editor shows it with the hints and diagnostics
`ivrcheck server` returns, asked for over stdio like any editor, then photographed by headless Chromium.

    python scripts/editor_screenshot.py [MENU] [--lines 14-36] [-o docs/editor-inlay-hints.png]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsprotocol import types as lsp  # noqa: E402

from tests.lsp.client import Editor  # noqa: E402

STYLE = """body{margin:0;background:#1e1e1e;font:14px/1.55 'DejaVu Sans Mono',monospace;color:#d4d4d4}
.l{white-space:pre;padding:0 12px}.n{color:#6e7681;display:inline-block;width:3.2em}
.h{color:#8b949e;background:#2d2d30;border-radius:4px;padding:0 5px;margin-left:10px;font-size:12px}
.w{text-decoration:underline wavy #cca700}.e{text-decoration:underline wavy #f14c4c}
.d{color:#cca700;font-size:12px;margin-left:10px}"""


async def ask(path: Path) -> tuple[list[lsp.InlayHint], list[lsp.Diagnostic]]:
    editor = Editor()
    await editor.start(path.parent)
    try:
        uri = editor.open(path)
        diagnostics = await editor.diagnostics(uri)
        hints = await editor.client.text_document_inlay_hint_async(lsp.InlayHintParams(
            lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(10_000, 0))))
    finally:
        await editor.stop()
    return hints or [], diagnostics


def page(text: str, first: int, last: int, hints: list[lsp.InlayHint], diagnostics: list[lsp.Diagnostic]) -> str:
    by_line = {h.position.line + 1: h.label for h in hints}
    found = {d.range.start.line + 1: d for d in diagnostics}
    rows = []
    for number, line in enumerate(text.splitlines()[first - 1:last], first):
        body = html.escape(line)
        if number in found:
            d = found[number]
            mark = "e" if d.severity == lsp.DiagnosticSeverity.Error else "w"
            body = f'<span class="{mark}">{body}</span><span class="d">{html.escape(str(d.code))}</span>'
        if number in by_line:
            body += f'<span class="h">{html.escape(str(by_line[number]))}</span>'
        rows.append(f'<div class="l"><span class="n">{number}</span>{body}</div>')
    return f"<!doctype html><meta charset=utf-8><style>{STYLE}</style><div style='padding:10px 0'>{''.join(rows)}</div>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("menu", nargs="?", default=str(ROOT / "menus" / "acme-bank.ivr.yaml"))
    parser.add_argument("--lines", default="14-36")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "editor-inlay-hints.png"))
    args = parser.parse_args()
    path = Path(args.menu).resolve()
    first, last = (int(n) for n in args.lines.split("-"))
    hints, diagnostics = asyncio.run(ask(path))
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "editor.html"
        sheet.write_text(page(path.read_text(encoding="utf-8"), first, last, hints, diagnostics), encoding="utf-8")
        height = 22 * (last - first + 1) + 24
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={Path(args.output).resolve()}", f"--window-size=1180,{height}",
                        sheet.as_uri()], check=True, capture_output=True)
    print(f"wrote {args.output}: {len(hints)} hints, {len(diagnostics)} diagnostics")


if __name__ == "__main__":
    main()
