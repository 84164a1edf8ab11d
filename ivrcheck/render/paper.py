"""Fitting a diagram to a printed page, and PDFs of several pages (`--pages`).

The default picture of a line must print on one A3 landscape page with its smallest text at
6 pt or more and be at most three times as wide as high (or high as wide). Rather than guess,
the layout is measured: Graphviz lays the diagram out (`-Tplain` reports its size in a few
hundredths of a second), and while it does not fit, the diagram is folded one level higher.
"""

from __future__ import annotations

import dataclasses
import io
import shutil

from ivrcheck.findings import FileResult
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.render import dot
from ivrcheck.render.boxes import Diagram, Options, RenderError
from ivrcheck.render.diagram import branch_title, build

A3_LANDSCAPE = (1191.0, 842.0)  # points
MIN_TEXT = 6.0
MAX_ASPECT = 3.0
#: The smallest font the DOT writer uses (kinds, notes, legend).
SMALLEST_FONT = 9.0
#: Lines this small always fit: no layout run is spent measuring them.
SMALL = 40


def printed_size(width: float, height: float) -> tuple[float, float]:
    """(smallest text on A3 landscape in pt, aspect ratio) of a drawing of this size in points."""
    scale = min(1.0, A3_LANDSCAPE[0] / width, A3_LANDSCAPE[1] / height) if width and height else 1.0
    return SMALLEST_FONT * scale, max(width, height) / max(1.0, min(width, height))


def fits(source: str) -> bool:
    """Whether Graphviz's layout of this DOT source prints legibly on one A3 landscape page."""
    first = dot.pipe(source, "plain").split(b"\n", 1)[0].split()
    width, height = float(first[2]) * 72, float(first[3]) * 72
    text, aspect = printed_size(width, height)
    return text >= MIN_TEXT and aspect <= MAX_ASPECT


def fitted(menu: Menu, line: LineAnalysis, result: FileResult, opts: Options) -> Diagram:
    """The diagram as asked; with automatic folding, folded as little as lets it fit an A3 page.

    The fold level is searched by halving (a drawing folded more is smaller): a chain of thousands of
    menus was laid out by Graphviz once per level, a hundred and more layouts for one render."""
    diagram = build(menu, line, result, opts)
    if opts.fold is not None or shutil.which("dot") is None or diagram.nodes <= SMALL or fits(dot.source(diagram)):
        return diagram
    deepest = max(box.depth for box in diagram.boxes)
    low, high = 1, (diagram.fold if diagram.fold is not None else deepest) - 1
    best, tightest = None, diagram
    while low <= high:
        level = (low + high) // 2
        candidate = build(menu, line, result, dataclasses.replace(opts, fold=level))
        if fits(dot.source(candidate)):
            best, low = candidate, level + 1
        else:
            high = level - 1
            if level == 1:
                tightest = candidate
    if best is None:
        tightest.notes.append("too big for one A3 page even folded: try --pages (PDF), --root NODE "
                              "or --direction LR")
        return tightest
    return best


def pdf_pages(menu: Menu, line: LineAnalysis, result: FileResult, opts: Options) -> bytes:
    """An overview page folded at the top-level branches, then one page per branch, cross-referenced."""
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        raise RenderError("--pages needs the optional pypdf package: pip install 'ivrcheck[pdf]'") from None
    analysis = line.states.get(opts.state)
    if analysis is None or (opts.root or menu.entry.ref) not in analysis.out:
        return dot.pipe(dot.source(build(menu, line, result, opts)), "pdf")  # build says what is wrong
    tree = analysis.tree(opts.root or menu.entry.ref)
    if tree.hub is None:
        return dot.pipe(dot.source(fitted(menu, line, result, opts)), "pdf")
    branches = [n for n in tree.children(tree.hub) if tree.children(n)]
    page_of = {branch: index + 2 for index, branch in enumerate(branches)}
    home = {n: page_of.get(tree.branch.get(n) or "", 1) for n in tree.order}
    total = len(branches) + 1
    name = menu.name
    overview = dataclasses.replace(opts, fold=tree.depth[tree.hub] + 1, page_of=page_of,
                                   title=f"{name}: overview, page 1 of {total}")
    sources = [dot.source(build(menu, line, result, overview))]
    for branch in branches:
        mine = frozenset(n for n, page in home.items() if page == page_of[branch])
        others = {n: page for n, page in home.items() if n not in mine}
        title = f"{name}: page {page_of[branch]} of {total}, {branch_title(tree, branch)} (overview on page 1)"
        page = dataclasses.replace(opts, root=branch, only=mine, page_of=others, title=title, depth=None, to=None)
        sources.append(dot.source(fitted(menu, line, result, page)))
    writer = PdfWriter()
    for source in sources:
        for pdf_page in PdfReader(io.BytesIO(dot.pipe(source, "pdf"))).pages:
            writer.add_page(pdf_page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
