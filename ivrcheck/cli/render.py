"""`ivrcheck render`: a menu drawn as a diagram, in the format its output's name asks for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import OUTPUT, ConfigOpt, DebugOpt, EntryOpt, FileArg, FromOpt, Inputs, Selection
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish, refused, say, source_date

if TYPE_CHECKING:
    from ivrcheck.render import Options

DrawingOpt = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", rich_help_panel=OUTPUT,
                                          help="Where to write: {render_files}.")]
DrawingFormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
                                                         help="{render_formats} (default: from the -o name).")]
StateOpt = Annotated[str, typer.Option("--state", metavar="STATE", show_default=False,
                                       help="The schedule state to draw: open or closed (default: open).")]
RootOpt = Annotated[Optional[str], typer.Option("--root", metavar="NODE",
                                                help="Draw from this node instead of the entry.")]
DepthOpt = Annotated[Optional[int], typer.Option("--depth", metavar="N",
                                                 help="Draw at most this many arrows below the root.")]
ToOpt = Annotated[Optional[str], typer.Option("--to", metavar="NODE", help="Draw only the paths that reach this node.")]
FoldOpt = Annotated[str, typer.Option("--fold", metavar="N", show_default=False,
                                      help="Fold everything more than N arrows below the root into boxes with "
                                           "counts; auto (default) folds only what does not fit an A3 page; "
                                           "none draws all.")]
PagesOpt = Annotated[bool, typer.Option("--pages", help="PDF only: an overview page, then a page per "
                                                         "top-level option (needs the pypdf package).")]
DirectionOpt = Annotated[str, typer.Option("--direction", metavar="DIR", show_default=False,
                                           help="TB (top-down, default) or LR (left to right).")]
EdgesOpt = Annotated[str, typer.Option("--edges", metavar="WHICH", show_default=False,
                                       help="auto (default): routes most menus share are said once in the legend; "
                                            "all: draw an arrow for every route.")]
LinkBaseOpt = Annotated[Optional[str], typer.Option(
    "--link-base", metavar="URL",
    help="Link each node in an SVG to its line: the file's URL, or a folder URL ending in / "
         "(https://github.com/OWNER/REPO/blob/main/).")]


def render(
    file: FileArg,
    *,
    output: DrawingOpt,
    format: DrawingFormatOpt = None,
    state: StateOpt = "open",
    root: RootOpt = None,
    depth: DepthOpt = None,
    to: ToOpt = None,
    fold: FoldOpt = "auto",
    pages: PagesOpt = False,
    direction: DirectionOpt = "TB",
    edges: EdgesOpt = "auto",
    link_base: LinkBaseOpt = None,
    config: ConfigOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Draw a menu as a diagram: a box per menu with a row per option, findings marked, the fastest path to a
    person in bold."""
    from ivrcheck import engine
    from ivrcheck.render import RenderError, format_for
    from ivrcheck.render import render as draw
    from ivrcheck.report.text import format as text

    debugging(debug)
    source_date()
    options = _options(state=state, root=root, depth=depth, to=to, fold=fold, direction=direction,
                       edges=edges, link_base=link_base, pages=pages)
    (path,) = checking.existing([str(file)])
    checking.not_over_inputs([path, config], output)
    with refused(RenderError):
        fmt = format_for(output.name, format)
        resolve = checking.resolver(Selection(config), Inputs(source_format=source_format, entry=entry))
        inspection = engine.inspect_file(path, resolve(path))
        if inspection.menu is None or inspection.line is None:
            emit(text([inspection.result]), None)
            finish([inspection.result], True)
        data = draw(inspection.menu, inspection.line, inspection.result, fmt, options)
    emit(data, output)
    if str(output) != "-":
        say(f"wrote {output} ({fmt}, {len(data):,} bytes)")


def _options(*, depth: Optional[int], state: str, direction: str, edges: str, fold: str,
             **drawing: object) -> Options:
    """The drawing's options from the command line's words (exit 2 for one that means nothing)."""
    from ivrcheck.numbers import number_or_none
    from ivrcheck.render import Options

    if depth is not None and depth < 0:
        raise fail(f"--depth is {depth}; use 0 or more")
    if state not in ("open", "closed"):
        raise fail(f'--state is "{state}"; choose open or closed')
    if direction.upper() not in ("TB", "LR"):
        raise fail(f'--direction is "{direction}"; choose TB or LR')
    if edges not in ("auto", "all"):
        raise fail(f'--edges is "{edges}"; choose auto or all')
    fold_depth = {"auto": None, "none": -1}.get(fold)
    if fold_depth is None and fold != "auto":
        fold_depth = number_or_none(fold, whole=True, low=1, high=1000)  # type: ignore[assignment]
        if fold_depth is None:
            raise fail(f'--fold is "{fold[:40]}"; use a depth from 1 to 1000, auto or none')
    return Options(state=state, depth=depth, fold=fold_depth, direction=direction.upper(), edges=edges,
                   **drawing)  # type: ignore[arg-type]
