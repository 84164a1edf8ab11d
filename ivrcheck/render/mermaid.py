"""Diagram -> Mermaid flowchart text, for pull requests, job summaries and Markdown docs."""

from __future__ import annotations

import json

from ivrcheck.findings import Severity
from ivrcheck.render.diagram import Box, Diagram
from ivrcheck.render.dot import MARK
from ivrcheck.render.escape import mermaid

#: Mermaid shape delimiters per node kind (text goes between them, always quoted).
SHAPES = {
    "menu": ("(", ")"), "message": (">", "]"), "input": ("[/", "/]"), "branch": ("{", "}"),
    "agent": ("[[", "]]"), "transfer": ("[[", "]]"), "voicemail": ("[(", ")]"), "callback": ("[(", ")]"),
    "self_service": ("{{", "}}"), "hangup": ("((", "))"), "external": ("[", "]"),
}
CLASSES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def source(diagram: Diagram) -> str:
    """Deterministic Mermaid flowchart text."""
    lines = ["---", f"title: {json.dumps(diagram.title, ensure_ascii=False)}", "---", "flowchart TD"]
    lines += [f"  {box.key}{_shape(box)}" for box in diagram.boxes]
    for arrow in diagram.arrows:
        link = "-.->" if arrow.style == "dotted" else "==>" if arrow.bold else "-->"
        label = f'|"{mermaid(arrow.label)}"|' if arrow.label else ""
        lines.append(f"  {arrow.source} {link}{label} {arrow.target}")
    lines += ["  classDef error fill:#f8d7da,stroke:#a94442,stroke-width:2px",
              "  classDef warning fill:#fff3cd,stroke:#8a6d3b",
              "  classDef info fill:#d9edf7,stroke:#31708f",
              "  classDef person stroke:#1b7f3b,stroke-width:3px"]
    for severity, name in CLASSES.items():
        keys = [box.key for box in diagram.boxes if box.severity is severity]
        if keys:
            lines.append(f"  class {','.join(keys)} {name}")
    people = [box.key for box in diagram.boxes if box.human]
    if people:
        lines.append(f"  class {','.join(people)} person")
    return "\n".join(lines) + "\n"


def markdown(diagram: Diagram) -> str:
    """The flowchart in a fenced ```mermaid block, as GitHub renders it."""
    return f"```mermaid\n{source(diagram)}```\n"


def _shape(box: Box) -> str:
    opening, closing = SHAPES.get(box.kind, ("[", "]"))
    kind = "person" if box.human and box.kind in ("agent", "transfer") else box.kind.replace("_", "-")
    text = f"<b>{mermaid(box.node_id)}</b><br/>{mermaid(kind)}"
    if box.loops:
        text += f"<br/>↻ {mermaid(', '.join(dict.fromkeys(box.loops)))}"
    if box.codes:
        text += f"<br/>{mermaid(MARK[box.severity])}: {mermaid(' '.join(box.codes))}"
    return f'{opening}"{text}"{closing}'
