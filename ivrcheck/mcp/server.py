"""The MCP server's protocol side: each function of tools.py registered as a tool, served over stdio."""

from __future__ import annotations

from typing import Any

from mcp.server.mcpserver import MCPServer

from ivrcheck import __version__
from ivrcheck.mcp import tools

server = MCPServer("ivrcheck", instructions=(
    "ivrcheck judges phone menus (IVR YAML, or platform exports): call check after writing or changing a "
    "menu, apply the returned fixes or change what the findings name, and check again until it is clean; "
    f"score, tasks, diff and render show what callers live through. Version {__version__}."))


@server.tool()
def check(paths: list[str] | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """Check menu files or folders (paths), or a menu's YAML (text, named filename): findings with line,
    column and remedy, the clarity score, the metrics, and the safe fixes as text edits."""
    return tools.check(paths, text, filename)


@server.tool()
def score(path: str | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """The clarity score 0-100 of a menu file or text, its four parts, every measure and any cap."""
    return tools.score(path, text, filename)


@server.tool()
def tasks(path: str) -> dict[str, Any]:
    """The offline tree test of a menu file's `tasks:`: each task's predicted path, success and seconds."""
    return tools.tasks(path)


@server.tool()
def diff(old: str, new: str) -> dict[str, Any]:
    """What changing a menu file does to callers: changes, metric and score deltas, findings new and fixed."""
    return tools.diff(old, new)


@server.tool()
def render(path: str | None = None, text: str | None = None, filename: str | None = None,
           format: str = "mmd", state: str = "open") -> dict[str, Any]:
    """Draw a menu as Mermaid (mmd), Graphviz DOT (dot) or SVG text, in open or closed hours."""
    return tools.render(path, text, filename, format, state)


@server.tool()
def explain_rule(code: str) -> dict[str, Any]:
    """Explain a rule or load-problem code or name (H203, no-zero-out, F013): what, why, example, fix."""
    return tools.explain_rule(code)


@server.tool()
def fix(path: str, unsafe: bool = False) -> dict[str, Any]:
    """Apply a menu file's safe fixes in place (and the unsafe ones when asked), then check it again."""
    return tools.fix(path, unsafe)


def serve() -> None:
    """Serve the tools over standard input and output."""
    server.run("stdio")
