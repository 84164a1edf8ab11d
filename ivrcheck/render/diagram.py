"""What a diagram shows, independent of its format: nodes, merged edges, the path to a person.

Both the DOT and the Mermaid writers draw this, so the two cannot show different menus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ivrcheck.findings import FileResult, Severity
from ivrcheck.graph import CLOSED, LineAnalysis
from ivrcheck.graph.build import CHOICE, SILENT
from ivrcheck.model import Menu

KIND_LABELS = {"timeout": "timeout", "invalid": "invalid key", "retries": "after retries",
               "closed": "closed", "default": "default"}


class RenderError(Exception):
    """A diagram cannot be made: one readable line for the user (exit 2)."""


@dataclass
class Box:
    """One node as drawn."""

    key: str  # generated id, safe in any diagram language
    node_id: str
    kind: str  # node type, or "external"
    severity: Severity | None = None
    codes: list[str] = field(default_factory=list)
    human: bool = False
    #: Edges that come straight back to this node (repeat, timeout, invalid key), as labels.
    loops: list[str] = field(default_factory=list)


@dataclass
class Arrow:
    """One or more edges between two boxes, drawn as one arrow."""

    source: str
    target: str
    labels: list[str]
    style: str  # "solid", "dotted"
    bold: bool = False
    #: Leads back up (to a node fewer key presses from the entry): drawn without pulling the layout.
    back: bool = False

    @property
    def label(self) -> str:
        return " / ".join(dict.fromkeys(label for label in self.labels if label))


@dataclass
class Diagram:
    title: str
    state: str
    boxes: list[Box]
    arrows: list[Arrow]


def build(menu: Menu, line: LineAnalysis, result: FileResult, *, state: str = "open", root: str | None = None,
          depth: int | None = None, to: str | None = None) -> Diagram:
    """Select what to draw: a schedule state, a subtree, a depth, the paths into one node."""
    if state not in line.states:
        raise RenderError(f"{result.path} has no opening hours, so there is no {state!r} state to draw")
    analysis = line.states[state]
    for name, node_id in (("--root", root), ("--to", to)):
        if node_id is not None and node_id not in analysis.out:
            raise RenderError(f'{name}: "{node_id}" is no node of {result.path}')
    start = root or menu.entry.ref
    keep = analysis.within(start, depth) if start in analysis.out else set()
    if to is not None:
        keep &= analysis.reaching(to)
    order = [n for n in analysis.out if n in keep]
    keys = {node_id: f"n{i}" for i, node_id in enumerate(order)}
    boxes = {n: _box(keys[n], n, menu, line, result, state) for n in order}
    bold_pairs = _path_pairs(analysis.path_to_human or [], analysis.out)
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for source in order:
        for target, attrs in analysis.out[source]:
            if target == source:  # self-loops clutter a picture; the box lists them instead
                boxes[source].loops.append(_edge_label(attrs))
            elif target in keys:
                style = "dotted" if attrs["kind"] in SILENT else "solid"
                grouped[(source, target, style)].append(_edge_label(attrs))
    steps = analysis.steps
    arrows = [Arrow(keys[s], keys[t], labels, style, bold=(s, t) in bold_pairs and style == "solid",
                    back=steps.get(t, 1 << 30) < steps.get(s, 1 << 30) or t == menu.entry.ref)
              for (s, t, style), labels in grouped.items()]
    score = "not scored" if result.score is None else f"clarity {result.score}/100"
    average = (result.metrics or {}).get("by_state", {}).get(state, result.metrics or {}).get("expected_seconds_to_human")
    if average is not None:  # the weighted average caller's wait (callers/timing.py)
        score += f", a person in {average} s on average"
    hours = f" ({'outside hours' if state == CLOSED else 'open hours'})" if line.has_hours else ""
    return Diagram(f"{menu.name}: {score}{hours}", state, list(boxes.values()), arrows)


def _box(key: str, node_id: str, menu: Menu, line: LineAnalysis, result: FileResult, state: str) -> Box:
    node = menu.nodes.get(node_id)
    findings = [f for f in result.findings if f.node_id == node_id and f.state in (None, state)]
    human = node_id in line.states[state].human_like
    return Box(key, node_id, node.type.value if node else "external",
               max((f.severity for f in findings), default=None), sorted({f.code for f in findings}), human)


def _edge_label(attrs: dict) -> str:
    if attrs["kind"] in CHOICE:
        key = "ext" if attrs["kind"] == "extension" else attrs.get("press", "")
        return f"{key} · {attrs['label']}" if attrs.get("label") else str(key)
    if attrs["kind"] == "case":
        return str(attrs.get("case", ""))
    return KIND_LABELS.get(attrs["kind"], "")


def _path_pairs(path: list, out: dict) -> set[tuple[str, str]]:
    """(source, target) pairs along the fastest path to a person."""
    pairs = set()
    for index, (node_id, attrs) in enumerate(path):
        target = path[index + 1][0] if index + 1 < len(path) else None
        if target is None:  # the last step lands on the person
            target = next((t for t, a in out.get(node_id, []) if a is attrs), None)
        if target is not None:
            pairs.add((node_id, target))
    return pairs
