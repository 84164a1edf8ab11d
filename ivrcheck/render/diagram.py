"""What a diagram shows, independent of its format: boxes with one row per way out, arrows, clusters.

Both the DOT and the Mermaid writers draw this, so the two cannot show different menus. The
boxes hang on the state's spanning tree (`Analysis.tree`): an arrow is drawn along each tree
edge, from the row of the option that makes it; every other route is named in its row (back up
to an ancestor, across to another branch, or said once in the legend when most menus share it).
"""

from __future__ import annotations

from collections import Counter

from ivrcheck.findings import FileResult, Finding
from ivrcheck.graph import CLOSED, Analysis, LineAnalysis
from ivrcheck.graph.walks import Tree
from ivrcheck.model import Menu
from ivrcheck.render import fold as folding
from ivrcheck.render.boxes import Arrow, Box, Diagram, Fold, Options, RenderError, Row
from ivrcheck.render.details import Linker, tooltip
from ivrcheck.render.routes import route_rows, universal_routes

__all__ = ["Arrow", "Box", "Diagram", "Fold", "Options", "RenderError", "Row", "build"]


def build(menu: Menu, line: LineAnalysis, result: FileResult, options: Options | None = None) -> Diagram:
    """Select what to draw (a state, a subtree, a depth, the paths into one node) and lay it on the tree."""
    opts = options or Options()
    analysis, start = _start(menu, line, result, opts)
    keep = analysis.within(start, opts.depth)
    if opts.to is not None:
        keep &= analysis.reaching(opts.to)
    if opts.only is not None:
        keep &= opts.only
    tree = analysis.tree(start)
    order = [n for n in tree.order if n in keep]
    fold_depth = folding.choose(tree, order, opts)
    hidden = folding.hidden(tree, order, fold_depth)
    shown = [n for n in order if n not in hidden]
    shared = universal_routes(analysis, shown, opts.edges == "all")
    link = Linker(opts.link_base, result.path)
    found = folding.by_node(result)
    boxes = {n: _box(f"n{i}", n, menu, line, found.get(n, []), opts.state, link) for i, n in enumerate(shown)}
    for node_id, box in boxes.items():
        box.depth = tree.depth[node_id]
        branch = tree.branch.get(node_id)
        box.cluster = branch if branch is not None and tree.children(branch) else None
        box.page = opts.page_of.get(node_id)
        if fold_depth is not None and tree.depth[node_id] == fold_depth and tree.children(node_id):
            box.folded = folding.summary(tree, node_id, keep, analysis, found, opts.state)
    arrows = route_rows(boxes, tree, analysis, keep, hidden, shared, opts)
    drawn = [box for box in boxes.values() if not box.inline]
    sizes = Counter(box.cluster for box in drawn)
    for box in drawn:  # a frame around one box says nothing its arrow does not
        if sizes[box.cluster] < 2:
            box.cluster = None
    clusters = {b: branch_title(tree, b) for b in dict.fromkeys(box.cluster for box in drawn) if b}
    notes = []
    if fold_depth is not None:
        count = sum(1 for n in order if n in hidden)
        notes.append(f"{count} nodes folded below depth {fold_depth} (▸ boxes); --fold none draws them all")
    return Diagram(opts.title or _title(menu, line, result, opts.state), opts.state, drawn, arrows,
                   clusters, shared.legend(), notes, opts.direction, fold_depth, len(shown))


def _start(menu: Menu, line: LineAnalysis, result: FileResult, opts: Options) -> tuple[Analysis, str]:
    """The state's analysis and the node the drawing starts at, once the state, `--root` and `--to` exist."""
    if opts.state not in line.states:
        raise RenderError(f"{result.path} has no opening hours, so there is no {opts.state!r} state to draw")
    analysis = line.states[opts.state]
    for name, node_id in (("--root", opts.root), ("--to", opts.to)):
        if node_id is not None and node_id not in analysis.out:
            raise RenderError(f'{name}: "{node_id}" is no node of {result.path}')
    start = opts.root or menu.entry.ref
    if start not in analysis.out:
        raise RenderError(f'{result.path}: the entry "{start}" is no node, so there is nothing to draw')
    return analysis, start


def _title(menu: Menu, line: LineAnalysis, result: FileResult, state: str) -> str:
    """The menu's name, its score, the average caller's wait for a person and the state drawn."""
    score = "not scored" if result.score is None else f"clarity {result.score}/100"
    average = (result.metrics or {}).get("by_state", {}).get(state, result.metrics or {}).get(
        "expected_seconds_to_human")
    if average is not None:  # the weighted average caller's wait (callers/timing.py)
        score += f", a person in {average} s on average"
    hours = f" ({'outside hours' if state == CLOSED else 'open hours'})" if line.has_hours else ""
    return f"{menu.name}: {score}{hours}"


def _box(key: str, node_id: str, menu: Menu, line: LineAnalysis, own: list[Finding], state: str,
         link: Linker) -> Box:
    node = menu.nodes.get(node_id)
    findings = [f for f in own if f.state in (None, state)]
    human = node_id in line.states[state].humans  # a person (green); a callback or voicemail is a promise
    return Box(key, node_id, node.type.value if node else "external",
               max((f.severity for f in findings), default=None), sorted({f.code for f in findings}), human,
               tooltip=tooltip(node_id, node, findings, menu), href=link(node))


def branch_title(tree: Tree, branch: str) -> str:
    """A cluster's title: the hub option that opens the branch ("1 · Cards")."""
    link = tree.parent.get(branch)
    attrs = link[1] if link else {}
    press, label = attrs.get("press"), attrs.get("label")
    return " · ".join(str(part) for part in (press, label or branch) if part)
