"""`ivrcheck server` and `ivrcheck mcp`: the language server and the MCP server, behind their extras."""

from __future__ import annotations

from ivrcheck.cli.process import fail, refused


def server() -> None:
    """Run the language server over standard input and output (for editors: docs/editors.md)."""
    try:
        from ivrcheck.lsp.server import serve
    except ImportError as exc:
        raise fail(f'the language server needs pip install "ivrcheck[lsp]" ({exc.name} is missing)') from None
    with refused():  # a stream that cannot be framed into messages (lsp/framing.py) is one line, exit 2
        serve()


def mcp() -> None:
    """Run the MCP server over standard input and output (for AI assistants: docs/editors.md)."""
    try:
        from ivrcheck.mcp.server import serve
    except ImportError as exc:
        raise fail(f'the MCP server needs pip install "ivrcheck[mcp]" ({exc.name} is missing)') from None
    serve()
