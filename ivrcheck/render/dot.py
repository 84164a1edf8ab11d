"""Diagram -> Graphviz DOT source, and DOT -> SVG/PNG/PDF through the system `dot`.

A box with rows is an HTML-like table: a header with the node, then one row per way out,
each row its own port that the arrow leaves from. Arrows carry no text, so no label can
overlap another; the row says what the caller presses.
"""

from __future__ import annotations

import subprocess
import textwrap

from ivrcheck.findings import Severity
from ivrcheck.render.boxes import Box, Diagram, RenderError, Row
from ivrcheck.render.escape import dot_attr, dot_html, dot_string
from ivrcheck.render.routes import SYMBOLS, describe, target_text

#: Shape per node kind, for boxes without rows: colour is never the only cue.
SHAPES = {
    "menu": ("box", "rounded"), "message": ("note", ""), "input": ("invhouse", ""),
    "branch": ("diamond", ""), "agent": ("box", "rounded,bold"), "transfer": ("box", "rounded,dashed"),
    "voicemail": ("cylinder", ""), "callback": ("cylinder", ""), "self_service": ("component", ""),
    "hangup": ("octagon", ""), "external": ("box", "dashed"),
}
FILL = {Severity.ERROR: "#f8d7da", Severity.WARNING: "#fff3cd", Severity.INFO: "#d9edf7", None: "#ffffff"}
MARK = {Severity.ERROR: "✖ error", Severity.WARNING: "▲ warning", Severity.INFO: "● info"}
#: A row longer than this puts where it leads on a second line, to keep boxes narrow.
ROW_CHARS = 30
LEGEND = [("menu", "menu"), ("message", "message"), ("input", "input"), ("branch", "branch"),
          ("agent", "person (green)"), ("callback", "callback / voicemail"), ("self_service", "self-service"),
          ("hangup", "hang-up")]
GREEN = "#1b7f3b"
#: Heat-map ramp, light and cool to dark and warm, so it reads without colour too (width carries it as well).
HEAT = ("#9ecae1", "#fdae6b", "#f16913", "#d94801", "#8c2d04")
#: Graphviz gets this long before it is stopped; the box budget keeps real diagrams far below it.
DOT_SECONDS = 60


def source(diagram: Diagram) -> str:
    """Deterministic DOT text for the diagram."""
    lines = [
        "digraph ivr {",
        f'  graph [label=<{_legend(diagram)}>, labelloc=t, labeljust=l, fontsize=9, fontname="Helvetica",'
        f' rankdir={diagram.direction}, nodesep=0.2, ranksep=0.35, newrank=true, outputorder=edgesfirst];',
        '  node [fontname="Helvetica", fontsize=10, style=filled, fillcolor="#ffffff", penwidth=1.2, margin="0.08,0.04"];',
        '  edge [color="#666666", arrowsize=0.7];',
    ]
    by_cluster: dict[str | None, list[Box]] = {}
    for box in diagram.boxes:
        by_cluster.setdefault(box.cluster, []).append(box)
    keys = {box.node_id: box.key for box in diagram.boxes}
    for cluster, boxes in by_cluster.items():
        indent = "  "
        if cluster is not None:
            lines.append(f"  subgraph cluster_{keys.get(cluster, 'x')} {{")
            lines.append(f'    label=<{dot_html(diagram.clusters.get(cluster, ""))}>; labeljust=l; fontsize=11;'
                         ' style="rounded,dashed"; color="#aaaaaa"; fontcolor="#444444";')
            indent = "    "
        lines += [f"{indent}{box.key} [{_node_attrs(box)}];" for box in boxes]
        if cluster is not None:
            lines.append("  }")
    for arrow in diagram.arrows:
        attrs = []
        if arrow.style == "dotted":
            attrs.append("style=dashed")
        if arrow.bold and arrow.share is None:  # on a heat map the share sets width and colour
            attrs += ["penwidth=3", f'color="{GREEN}"']
        if arrow.share is not None:
            attrs += [f"penwidth={heat_width(arrow.share)}", f'color="{heat_colour(arrow.share)}"',
                      f"tooltip={dot_attr(f'{arrow.share:.0%} of callers')}"]
        if not arrow.tree:
            attrs.append("constraint=false")
        tail = f"{arrow.source}:{arrow.port}:e" if arrow.port else arrow.source
        lines.append(f"  {tail} -> {arrow.target} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def heat_colour(share: float) -> str:
    """An arrow's colour on a heat map (render/heat.py): cool to warm, light to dark."""
    return HEAT[min(len(HEAT) - 1, int(share * len(HEAT)))]


def heat_width(share: float) -> float:
    """An arrow's width on a heat map: 1 pt for nobody, 10 pt for every caller."""
    return round(1.0 + 9.0 * share, 1)


def _kind(box: Box) -> str:
    return "person" if box.human and box.kind in ("agent", "transfer") else box.kind.replace("_", "-")


def _node_attrs(box: Box) -> str:
    common = [f"tooltip={dot_string(box.tooltip or box.node_id)}", f'id={dot_string("node-" + box.key)}']
    if box.href:
        common.append(f"href={dot_string(box.href)}")
    if box.rows or box.folded or box.lacks:
        return ", ".join([f"label=<{_table(box)}>", "shape=plain", "style=solid", *common])
    shape, style = SHAPES.get(box.kind, ("box", ""))
    rows = [f"<b>{dot_html(box.node_id)}</b>", f'<font point-size="9">{dot_html(_kind(box))}</font>']
    if box.codes:
        rows.append(f'<font point-size="9">{dot_html(MARK[box.severity])}: {dot_html(" ".join(box.codes))}</font>')
    attrs = [f"label=<{'<br/>'.join(rows)}>", f"shape={shape}", f'fillcolor="{FILL[box.severity]}"', *common]
    attrs.append(f'style="{",".join(["filled", *filter(None, style.split(","))])}"')
    if box.human:
        attrs += [f'color="{GREEN}"', "penwidth=2.5"]
    return ", ".join(attrs)


def _header(box: Box) -> str:
    text = f"{dot_html(SYMBOLS.get(box.kind, ''))} <b>{dot_html(box.node_id)}</b> " \
           f'<font point-size="9">{dot_html(_kind(box))}</font>'
    if box.codes:
        text += f'<br/><font point-size="9">{dot_html(MARK[box.severity])}: {dot_html(" ".join(box.codes))}</font>'
    return text


def _table(box: Box) -> str:
    border = f'color="{GREEN}" border="2"' if box.human else 'color="#333333" border="1"'
    out = [f'<table {border} cellborder="0" cellspacing="0" cellpadding="2" style="rounded">',
           f'<tr><td align="left" balign="left" bgcolor="{FILL[box.severity]}">{_header(box)}</td></tr>']
    out += [_row(row) for row in box.rows]
    if box.lacks:
        out.append(f'<tr><td align="left"><font point-size="9" color="#a94442">'
                   f'lacks {dot_html(", ".join(box.lacks))}</font></td></tr>')
    if box.folded is not None:
        out.append(f'<tr><td align="left">{_fold(box)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _row(row: Row) -> str:
    """One way out: what the caller does, then where it leads; on two lines when long."""
    when = '<br align="left"/>'.join(dot_html(part) for part in textwrap.wrap(row.when, ROW_CHARS) or [""])
    if row.bold:
        when = f'<font color="{GREEN}"><b>{when}</b></font>'
    elif row.silent:
        when = f'<font color="#666666"><i>{when}</i></font>'
    attrs = ""
    inline = row.inline
    if inline is not None:
        plain = describe(inline)
        name = f"{SYMBOLS.get(inline.kind, '')} {inline.node_id}"
        target = f"<b>{dot_html(name)}</b>{dot_html(plain[len(name):])}"
        if inline.human:
            target = f'<font color="{GREEN}">{target}</font>'
        link = inline.href or f"#node-{inline.key}"
        attrs = (f' bgcolor="{FILL[inline.severity]}" tooltip={dot_attr(inline.tooltip)} href={dot_attr(link)}'
                 f' id={dot_attr("node-" + inline.key)}')
    elif row.arrow or row.note == "↻":
        plain = target = "→" if row.arrow else "↻"
    else:
        plain = target_text(row)
        target = dot_html(plain)
    if len(row.when) + len(plain) > ROW_CHARS and not row.arrow:
        return f'<tr><td align="left" balign="left" port="{row.port}"{attrs}>{when}<br align="left"/>   {target}</td></tr>'
    return f'<tr><td align="left" balign="left" port="{row.port}"{attrs}>{when}  {target}</td></tr>'


def _fold(box: Box) -> str:
    fold = box.folded
    assert fold is not None
    lines = [f"▸ {fold.nodes} more node{'s' if fold.nodes != 1 else ''}"
             + (f", {fold.menus} menu{'s' if fold.menus != 1 else ''}" if fold.menus else "")]
    if fold.findings:
        counts = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in fold.findings.items())
        lines.append(f"{counts}: {' '.join(fold.codes)}")
    lines.append(f"person: {fold.person}")
    if box.page is not None:
        lines.append(f"drawn on page {box.page}")
    return '<br align="left"/>'.join(f'<font point-size="9">{dot_html(line)}</font>' for line in lines) + \
        '<br align="left"/>'


def _legend(diagram: Diagram) -> str:
    """The title, then a compact legend: shapes, marks, arrows, the routes most menus share, folds."""
    kinds = " · ".join(f"{SYMBOLS[kind]} {text}" for kind, text in LEGEND)
    marks = "".join(f'<td bgcolor="{FILL[s]}">{dot_html(MARK[s])}</td>' for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    rows = [f'<td colspan="3" align="left">{dot_html(kinds)}</td>', marks,
            f'<td colspan="3" align="left"><font color="{GREEN}"><b>━━▶</b></font> fastest way to a person · '
            "╌╌▶ timeout, invalid key, after retries · in a row: ↩ back up to · ↗ across to · ↻ comes back "
            "· ▸ folded into</td>"]
    if diagram.shared:
        said = [f"{text} ({count} of {of})" for text, count, of in diagram.shared]
        rows.append('<td colspan="3" align="left"><b>In every menu unless its box says "lacks"</b> '
                    "(not drawn; --edges all draws them): " + "<br align=\"left\"/>".join(
                        dot_html(" · ".join(chunk)) for chunk in _chunks(said, 90)) + '<br align="left"/></td>')
    rows += [f'<td colspan="3" align="left">{dot_html(note)}</td>' for note in diagram.notes]
    table = ('<table border="0" cellborder="1" cellspacing="0" cellpadding="3">'
             + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")
    return (f'<table border="0" cellspacing="0" cellpadding="2"><tr><td><font point-size="16"><b>'
            f"{dot_html(diagram.title)}</b></font></td></tr><tr><td>"
            f'<font point-size="9">{table}</font></td></tr></table>')


def _chunks(parts: list[str], width: int) -> list[list[str]]:
    """Parts grouped into lines of about `width` characters."""
    lines: list[list[str]] = [[]]
    for part in parts:
        if lines[-1] and sum(len(p) + 3 for p in lines[-1]) + len(part) > width:
            lines.append([])
        lines[-1].append(part)
    return lines


def pipe(dot_source: str, fmt: str) -> bytes:
    """Run the system Graphviz `dot` (through the graphviz package) to make SVG, PNG or PDF.

    The package's command builder and runner are used directly rather than `graphviz.pipe`,
    which takes no time limit: a huge graph is stopped after DOT_SECONDS, and a failure shows
    Graphviz's own message.
    """
    import graphviz
    from graphviz.backend import dot_command, execute

    from ivrcheck.fileio import utf8

    try:
        done = execute.run_check(dot_command.command("dot", fmt), input=utf8(dot_source),
                                 capture_output=True, quiet=True, timeout=DOT_SECONDS)
    except graphviz.ExecutableNotFound:
        raise RenderError(
            f"{fmt} needs Graphviz's `dot` program, which is not installed: run `apt-get install graphviz` "
            "(Debian/Ubuntu) or `brew install graphviz` (macOS); `-o FILE.dot` and `-o FILE.mmd` work without it"
        ) from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took over {DOT_SECONDS} s and was stopped; draw less with --fold N, --depth N "
                          "or --root NODE") from None
    except graphviz.CalledProcessError as exc:
        stderr = exc.stderr.decode("utf-8", errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        message = " ".join(stderr.split()) or f"exit status {exc.returncode}"
        raise RenderError(f"Graphviz failed: {message}") from None
    return done.stdout
