"""The MCP server's protocol side: each function of tools.py registered as a tool, served over stdio."""

from __future__ import annotations

import functools
from typing import Any, Callable, Literal, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from ivrcheck import __version__
from ivrcheck.config import ConfigError
from ivrcheck.load.codes import debugging, internal_finding
from ivrcheck.mcp import tools
from ivrcheck.render import RenderError

Tool = TypeVar("Tool", bound=Callable[..., dict[str, Any]])

# The SDK logs at INFO, and a crash's traceback fills a pipe no client reads: quiet unless debugging.
server = MCPServer("ivrcheck", log_level="DEBUG" if debugging() else "WARNING", instructions=(
    "ivrcheck judges phone menus (IVR YAML, or platform exports): call check after writing or changing a "
    "menu, apply the returned fixes or change what the findings name, and check again until it is clean; "
    f"score, tasks, diff and render show what callers live through. Version {__version__}."))


def tool(fn: Tool) -> Tool:
    """Register `fn` as a tool whose every failure reaches the assistant with what was wrong and what to do:
    the SDK shows only "Error executing tool" for any exception but its own ToolError."""
    @functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return fn(*args, **kwargs)
        except (ValueError, ConfigError, RenderError) as exc:  # what the CLI refuses with exit 2
            raise ToolError(str(exc)) from None
        except OSError as exc:
            raise ToolError(f"{exc.filename or ''}: cannot read or write: {exc.strerror or exc}; "
                            "check the path and its permissions") from None
        except Exception as exc:
            if debugging():  # the SDK logs the traceback
                raise
            found = internal_finding("", exc)
            raise ToolError(f"{found.message.replace(' on this file', '')}; {found.help}") from None
    return server.tool()(guarded)  # type: ignore[return-value]


@tool
def check(paths: list[str] | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """Check menu files or folders (paths), or a menu's YAML (text, named filename): findings with line,
    column and remedy, the clarity score, the metrics, and the safe fixes as text edits."""
    return tools.check(paths, text, filename)


@tool
def score(path: str | None = None, text: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """The clarity score 0-100 of a menu file or text, its four parts, every measure and any cap."""
    return tools.score(path, text, filename)


@tool
def tasks(path: str) -> dict[str, Any]:
    """The offline tree test of a menu file's `tasks:`: each task's predicted path, success and seconds."""
    return tools.tasks(path)


@tool
def diff(old: str, new: str) -> dict[str, Any]:
    """What changing a menu file does to callers: changes, metric and score deltas, findings new and fixed."""
    return tools.diff(old, new)


@tool
def render(path: str | None = None, text: str | None = None, filename: str | None = None,
           format: Literal["mmd", "dot", "svg"] = "mmd", state: Literal["open", "closed"] = "open") -> dict[str, Any]:
    """Draw a menu as Mermaid (mmd), Graphviz DOT (dot) or SVG text, in open or closed hours."""
    return tools.render(path, text, filename, format, state)


@tool
def explain_rule(code: str) -> dict[str, Any]:
    """Explain a rule or load-problem code or name (H203, no-zero-out, F013): what, why, example, fix."""
    return tools.explain_rule(code)


@tool
def fix(path: str, unsafe: bool = False) -> dict[str, Any]:
    """Apply a menu file's safe fixes in place (and the unsafe ones when asked), then check it again."""
    return tools.fix(path, unsafe)


def serve() -> None:
    """Serve the tools over standard input and output."""
    server.run("stdio")
