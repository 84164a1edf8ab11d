"""Diagram -> Mermaid flowchart text, for pull requests, job summaries and Markdown docs.

GitHub draws Mermaid with the library's default limits: at most 50,000 characters of
diagram text (`maxTextSize`) and 500 edges (`maxEdges`); past either it shows an error
instead of a picture. A diagram that would pass them is folded one level more at a time
until it fits, and its title says so.
"""

from __future__ import annotations

import dataclasses
import json

from ivrcheck.findings import FileResult, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.render.boxes import Box, Diagram, Options
from ivrcheck.render.diagram import build
from ivrcheck.render.dot import MARK
from ivrcheck.render.routes import describe, target_text
from ivrcheck.render.escape import clean, mermaid

#: Mermaid's defaults, which GitHub keeps (mermaid.js.org/config/schema-docs/config.html).
MAX_TEXT = 50_000
MAX_EDGES = 500
#: Mermaid lays out far fewer boxes legibly than Graphviz: a smaller budget before folding.
BUDGET = 80

#: Mermaid shape delimiters per node kind (text goes between them, always quoted).
SHAPES = {
    "menu": ("(", ")"), "message": (">", "]"), "input": ("[/", "/]"), "branch": ("{", "}"),
    "agent": ("[[", "]]"), "transfer": ("[[", "]]"), "voicemail": ("[(", ")]"), "callback": ("[(", ")]"),
    "self_service": ("{{", "}}"), "hangup": ("((", "))"), "external": ("[", "]"),
}
CLASSES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def render(menu: Menu, line: LineAnalysis, result: FileResult, options: Options, *, markdown: bool = False) -> str:
    """Mermaid text for the line, folded further when GitHub would refuse to draw it."""
    opts = options if options.fold is not None or options.budget != Options().budget \
        else dataclasses.replace(options, budget=BUDGET)
    diagram = build(menu, line, result, opts)
    text = source(diagram)
    asked: int | None = None  # the fold level last asked for: each try folds strictly more, or stops
    while _too_big(text, diagram) and (diagram.fold is None or diagram.fold > 1) and opts.fold != -1:
        deepest = max((box.depth for box in diagram.boxes), default=1)
        level = max(1, (diagram.fold if diagram.fold is not None else deepest) - 1)
        if asked is not None and level >= asked:  # folding leaves it as it was (one long label): no end
            break
        asked = level
        opts = dataclasses.replace(opts, fold=level)
        diagram = build(menu, line, result, opts)
        diagram.notes.append(f"folded to stay within GitHub's Mermaid limits ({MAX_TEXT:,} characters, "
                             f"{MAX_EDGES} arrows)")
        text = source(diagram)
    if _too_big(text, diagram):
        diagram.notes.append(f"larger than GitHub draws ({MAX_TEXT:,} characters, {MAX_EDGES} arrows): "
                             "use --fold, --depth or --root")
        text = source(diagram)
    return f"```mermaid\n{text}```\n" if markdown else text


def _too_big(text: str, diagram: Diagram) -> bool:
    return len(text) > MAX_TEXT or len(diagram.arrows) > MAX_EDGES


def source(diagram: Diagram) -> str:
    """Deterministic Mermaid flowchart text."""
    # The line's `name` is menu text like any label: a `%%{init}%%` or `</title>` in it is made inert too.
    title = mermaid(" ".join(clean(diagram.title + "".join(f" · {note}" for note in diagram.notes)).split()))
    direction = "TD" if diagram.direction == "TB" else "LR"
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", f"flowchart {direction}"]
    keys = {box.node_id: box.key for box in diagram.boxes}
    by_cluster: dict[str | None, list[Box]] = {}
    for box in diagram.boxes:
        by_cluster.setdefault(box.cluster, []).append(box)
    for cluster, boxes in by_cluster.items():
        if cluster is not None:
            lines.append(f'  subgraph c{keys.get(cluster, "x")}["{mermaid(diagram.clusters.get(cluster, ""))}"]')
        lines += [f"  {box.key}{_shape(box)}" for box in boxes]
        if cluster is not None:
            lines.append("  end")
    for arrow in diagram.arrows:
        link = "==>" if arrow.bold else "-.->" if arrow.style == "dotted" else "-->"
        label = f'|"{mermaid(arrow.label)}"|' if arrow.label else ""
        lines.append(f"  {arrow.source} {link}{label} {arrow.target}")
    if diagram.shared:
        shared = "<br/>".join(mermaid(f"{text} ({count} of {of})") for text, count, of in diagram.shared)
        lines.append(f'  shared["<b>Every menu unless it says lacks</b><br/>{shared}"]')
    lines += ["  classDef error fill:#f8d7da,stroke:#a94442,stroke-width:2px",
              "  classDef warning fill:#fff3cd,stroke:#8a6d3b",
              "  classDef info fill:#d9edf7,stroke:#31708f",
              "  classDef person stroke:#1b7f3b,stroke-width:3px"]
    for severity, name in CLASSES.items():
        marked = [box.key for box in diagram.boxes if box.severity is severity]
        if marked:
            lines.append(f"  class {','.join(marked)} {name}")
    people = [box.key for box in diagram.boxes if box.human]
    if people:
        lines.append(f"  class {','.join(people)} person")
    return "\n".join(lines) + "\n"


def _kind(box: Box) -> str:
    return "person" if box.human and box.kind in ("agent", "transfer") else box.kind.replace("_", "-")


def _shape(box: Box) -> str:
    opening, closing = SHAPES.get(box.kind, ("[", "]"))
    parts = [f"<b>{mermaid(box.node_id)}</b>", mermaid(_kind(box))]
    if box.codes:
        parts[-1] += f" {mermaid(MARK[box.severity])}: {mermaid(' '.join(box.codes))}"
    for row in box.rows:
        if row.arrow:
            continue
        if row.inline is not None:
            what = mermaid(describe(row.inline))
            parts.append(f"{mermaid(row.when)}: {'<b>' + what + '</b>' if row.inline.human else what}")
        else:
            parts.append(mermaid(f"{row.when}: {target_text(row)}"))
    if box.lacks:
        parts.append(mermaid("lacks " + ", ".join(box.lacks)))
    if box.folded is not None:
        fold = box.folded
        parts.append(mermaid(f"▸ {fold.nodes} more nodes, {fold.menus} menus"))
        if fold.findings:
            parts.append(mermaid(", ".join(f"{n} {s.value}" for s, n in fold.findings.items())
                                 + ": " + " ".join(fold.codes)))
        parts.append(mermaid(f"person: {fold.person}"))
    return f'{opening}"{"<br/>".join(parts)}"{closing}'
