"""Render step: a checked menu -> a picture. Graphviz runs here only, and only for images."""

from __future__ import annotations

from ivrcheck.fileio import utf8
from ivrcheck.findings import FileResult
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.render import dot, mermaid, paper
from ivrcheck.render.boxes import Options, RenderError

FORMATS = ("svg", "png", "pdf", "dot", "mmd", "md")

__all__ = ["FORMATS", "Options", "RenderError", "render", "format_for"]


def format_for(filename: str, explicit: str | None = None) -> str:
    """The format named by `--format`, or by the output file's extension."""
    fmt = (explicit or filename.rsplit(".", 1)[-1] if "." in filename or explicit else "").lower()
    if fmt not in FORMATS:
        raise RenderError(f'cannot tell the format of "{filename}"; use one of .{", .".join(FORMATS)} or --format')
    return fmt


def render(menu: Menu, line: LineAnalysis, result: FileResult, fmt: str, options: Options | None = None,
           **selection) -> bytes:
    """The diagram of a checked line in `fmt` as bytes, ready to write.

    `selection` takes the fields of `Options` as keywords (state, root, depth, to, fold, ...).
    """
    opts = options or Options(**selection)
    if fmt in ("mmd", "md"):
        return utf8(mermaid.render(menu, line, result, opts, markdown=fmt == "md"))
    if opts.pages:
        if fmt != "pdf":
            raise RenderError(f"--pages makes a PDF of several pages; write to a .pdf file, not .{fmt}")
        return paper.pdf_pages(menu, line, result, opts)
    text = dot.source(paper.fitted(menu, line, result, opts))
    return utf8(text) if fmt == "dot" else dot.pipe(text, fmt)
