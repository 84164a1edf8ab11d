"""The diagram as a heat map: each option's arrow as wide and as warm as the share of callers who took it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ivrcheck.fileio import utf8
from ivrcheck.didyoumean import one_of
from ivrcheck.findings import FileResult
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.render import dot, format_for, paper
from ivrcheck.render.boxes import Diagram, Options, RenderError
from ivrcheck.traffic.observed import StateTraffic

def heated(diagram: Diagram, seen: StateTraffic) -> Diagram:
    """The diagram with each observed option's share on its row and on its arrow."""
    shares: dict[tuple[str, str], float] = {}
    for box in diagram.boxes:
        menu = seen.menus.get(box.node_id)
        if menu is None or not menu.choices:
            continue
        for row in box.rows:
            key = row.when.split(" · ", 1)[0].strip()
            option = menu.option(key)
            if option is not None:
                shares[(box.key, row.port)] = option.share
                row.when = f"{row.when} · {option.share:.0%}"
    arrows = [replace(a, share=shares.get((a.source, a.port))) for a in diagram.arrows]
    return replace(diagram, arrows=arrows)


def render(menu: Menu, line: LineAnalysis, result: FileResult, seen: StateTraffic, fmt: str = "svg",
           options: Options | None = None) -> bytes:
    """The heat-map diagram of a line in svg, png, pdf or dot."""
    text = dot.source(heated(paper.fitted(menu, line, result, options or Options()), seen))
    return utf8(text) if fmt == "dot" else dot.pipe(text, fmt)


#: What a heat map is drawn as: a share is a colour and a width, which Mermaid cannot draw.
FORMATS = ("svg", "png", "pdf", "dot")


def for_file(menu: Menu, line: LineAnalysis, result: FileResult, seen: StateTraffic, path: Path) -> bytes:
    """The heat map in the format the file's name asks for (`traffic --diagram`); RenderError otherwise."""
    fmt = format_for(str(path))
    if fmt not in FORMATS:
        raise RenderError(f'a heat map is drawn as {one_of("." + f for f in FORMATS)}, not "{path.name}"')
    return render(menu, line, result, seen, fmt)
