"""Render step: a checked menu -> a picture. Graphviz is imported here only, and only for images."""

from __future__ import annotations

from ivrcheck.findings import FileResult
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.render import dot, mermaid
from ivrcheck.render.diagram import RenderError, build

FORMATS = ("svg", "png", "pdf", "dot", "mmd", "md")

__all__ = ["FORMATS", "RenderError", "render", "format_for"]


def format_for(filename: str, explicit: str | None = None) -> str:
    """The format named by `--format`, or by the output file's extension."""
    fmt = (explicit or filename.rsplit(".", 1)[-1] if "." in filename or explicit else "").lower()
    if fmt not in FORMATS:
        raise RenderError(f'cannot tell the format of "{filename}"; use one of .{", .".join(FORMATS)} or --format')
    return fmt


def render(menu: Menu, line: LineAnalysis, result: FileResult, fmt: str, *, state: str = "open",
           root: str | None = None, depth: int | None = None, to: str | None = None) -> bytes:
    """The diagram of a checked line in `fmt` as bytes, ready to write."""
    diagram = build(menu, line, result, state=state, root=root, depth=depth, to=to)
    if fmt == "mmd":
        return mermaid.source(diagram).encode("utf-8")
    if fmt == "md":
        return mermaid.markdown(diagram).encode("utf-8")
    text = dot.source(diagram)
    return text.encode("utf-8") if fmt == "dot" else dot.pipe(text, fmt)
