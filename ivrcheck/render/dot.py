"""Diagram -> Graphviz DOT source, and DOT -> SVG/PNG/PDF through the system `dot`."""

from __future__ import annotations

from ivrcheck.findings import Severity
from ivrcheck.render.diagram import Box, Diagram, RenderError
from ivrcheck.render.escape import dot_html, dot_string

#: Shape per node kind: colour is never the only cue, so every kind has its own outline.
SHAPES = {
    "menu": ("box", "rounded"), "message": ("note", ""), "input": ("invhouse", ""),
    "branch": ("diamond", ""), "agent": ("box", "rounded,bold"), "transfer": ("box", "rounded,dashed"),
    "voicemail": ("cylinder", ""), "callback": ("cylinder", ""), "self_service": ("component", ""),
    "hangup": ("octagon", ""), "external": ("box", "dashed"),
}
FILL = {Severity.ERROR: "#f8d7da", Severity.WARNING: "#fff3cd", Severity.INFO: "#d9edf7", None: "#ffffff"}
MARK = {Severity.ERROR: "✖ error", Severity.WARNING: "▲ warning", Severity.INFO: "● info"}
LEGEND = [("menu", "menu"), ("message", "message"), ("input", "input"), ("branch", "branch"),
          ("agent", "person (bold green)"), ("callback", "callback / voicemail"), ("self_service", "self-service"),
          ("hangup", "hang-up")]
#: Shape names in the legend table (Graphviz cannot draw shapes inside a table cell).
SYMBOLS = {"menu": "▢", "message": "▤", "input": "⌂", "branch": "◇", "agent": "▣", "callback": "⛁",
           "self_service": "⚙", "hangup": "✕"}


def source(diagram: Diagram) -> str:
    """Deterministic DOT text for the diagram."""
    lines = [
        "digraph ivr {",
        f'  graph [label=<<b>{dot_html(diagram.title)}</b>>, labelloc=t, fontsize=18, fontname="Helvetica",'
        ' rankdir=TB, nodesep=0.35, ranksep=0.5];',
        '  node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#ffffff", penwidth=1.2];',
        '  edge [fontname="Helvetica", fontsize=10, color="#555555"];',
    ]
    lines += [f"  {box.key} [{_node_attrs(box)}];" for box in diagram.boxes]
    for arrow in diagram.arrows:
        attrs = [f"label=<{dot_html(arrow.label)}>"] if arrow.label else []
        if arrow.style == "dotted":
            attrs += ["style=dotted", 'fontcolor="#777777"']
        if arrow.bold:
            attrs += ["penwidth=3", 'color="#1b7f3b"']
        if arrow.back:
            attrs += ["constraint=false"]
        lines.append(f"  {arrow.source} -> {arrow.target} [{', '.join(attrs)}];")
    lines += _legend()
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node_attrs(box: Box) -> str:
    shape, style = SHAPES.get(box.kind, ("box", ""))
    kind = "person" if box.human and box.kind in ("agent", "transfer") else box.kind.replace("_", "-")
    rows = [f"<b>{dot_html(box.node_id)}</b>", f'<font point-size="9">{dot_html(kind)}</font>']
    if box.loops:
        rows.append(f'<font point-size="9" color="#555555">↻ {dot_html(", ".join(dict.fromkeys(box.loops)))}</font>')
    if box.codes:
        rows.append(f'<font point-size="9">{dot_html(MARK[box.severity])}: {dot_html(" ".join(box.codes))}</font>')
    attrs = [f"label=<{'<br/>'.join(rows)}>", f"shape={shape}", f'fillcolor="{FILL[box.severity]}"',
             f"tooltip={dot_string(box.node_id)}", f'id={dot_string("node-" + box.key)}']
    styles = ["filled", *filter(None, style.split(","))]
    attrs.append(f'style="{",".join(styles)}"')
    if box.human:
        attrs += ['color="#1b7f3b"', "penwidth=2.5"]
    return ", ".join(attrs)


def _legend() -> list[str]:
    """A compact legend below the graph: one table node with every shape, severity and arrow."""
    cells = "".join(f"<td>{dot_html(SYMBOLS[kind])} {dot_html(text)}</td>" for kind, text in LEGEND)
    marks = "".join(f'<td bgcolor="{FILL[s]}">{dot_html(MARK[s])}</td>' for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    arrows = ('<td><font color="#1b7f3b"><b>━━▶</b></font> fastest way to a person</td>'
              "<td>┈┈▶ timeout, invalid key, after retries</td><td>↻ comes back to the same box</td>")
    table = (f'<table border="0" cellborder="1" cellspacing="0" cellpadding="4"><tr>{cells}</tr>'
             f'<tr>{marks}{arrows}<td colspan="{len(LEGEND) - 6}">codes in a box: its findings</td></tr></table>')
    return ["  subgraph legend { rank=sink;", f"    legend [shape=plain, fontsize=9, label=<{table}>];", "  }"]


def pipe(dot_source: str, fmt: str) -> bytes:
    """Run the system Graphviz `dot` to make SVG, PNG or PDF."""
    import graphviz

    try:
        return graphviz.Source(dot_source).pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise RenderError(
            f"{fmt} needs Graphviz's `dot` program, which is not installed: run `apt-get install graphviz` "
            "(Debian/Ubuntu) or `brew install graphviz` (macOS); `-o FILE.dot` and `-o FILE.mmd` work without it"
        ) from None
    except graphviz.CalledProcessError as exc:  # pragma: no cover - our DOT is generated, so this is a bug
        raise RenderError(f"Graphviz failed: {(exc.stderr or b'').decode(errors='replace').strip()}") from None
