"""Folding: subtrees below a depth drawn as one box with their counts, findings and way to a person."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from ivrcheck.findings import FileResult, Finding
from ivrcheck.graph import Analysis
from ivrcheck.graph.walks import Tree
from ivrcheck.model import NodeType
from ivrcheck.render.boxes import Fold, Options, RenderError

#: More boxes than this are never sent to Graphviz or written as Mermaid: `dot` takes minutes
#: on a few thousand, and no page shows them legibly. Past it the user is told how to narrow.
HARD_LIMIT = 600


def choose(tree: Tree, order: list[str], options: Options) -> int | None:
    """The depth to fold below: as asked, or the deepest that keeps the diagram within budget."""
    if options.fold == -1:
        depth = None
    elif options.fold is not None:
        depth = options.fold
    elif len(order) <= options.budget:
        depth = None
    else:
        sizes = Counter(tree.depth[n] for n in order)
        depth, shown = 1, 0
        for level in range(max(sizes) + 1):
            shown += sizes[level]
            if shown > options.budget:
                break
            depth = max(1, level)
    shown = sum(1 for n in order if depth is None or tree.depth[n] <= depth)
    if shown > HARD_LIMIT:
        how = "--fold N with a smaller N, " if depth is not None else "--fold N, "
        raise RenderError(f"the diagram would have {shown:,} boxes, more than the {HARD_LIMIT} Graphviz can lay out "
                          f"in reasonable time or a page can show; draw less with {how}--depth N or --root NODE")
    if depth is not None and not any(tree.depth[n] > depth for n in order):
        return None  # nothing lies below: no fold to speak of
    return depth


def hidden(tree: Tree, order: Iterable[str], depth: int | None) -> set[str]:
    """The nodes a fold at `depth` hides inside the boxes at that depth."""
    if depth is None:
        return set()
    return {n for n in order if tree.depth[n] > depth}


def by_node(result: FileResult) -> dict[str | None, list[Finding]]:
    """The file's findings per node, read once: each box (and each fold) asked every finding of the file."""
    found: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        found.setdefault(finding.node_id, []).append(finding)
    return found


def summary(tree: Tree, node_id: str, keep: set[str], analysis: Analysis, by_node: Mapping[str | None, list[Finding]],
            state: str) -> Fold:
    """Counts for the box that stands for `node_id`'s subtree (`by_node`: the file's findings per node)."""
    below = [n for n in tree.below(node_id) if n in keep]
    menus = sum(1 for n in below if (node := analysis.nodes.get(n)) is not None and node.type is NodeType.MENU)
    found = [f for n in below for f in by_node.get(n, ()) if f.state in (None, state)]
    by_severity = Counter(f.severity for f in found)
    reach = analysis.presses_to_human.get(node_id)
    if reach is None:
        person = "no person"
    else:
        presses, human = reach
        # One vocabulary (docs/score.md): outside hours the nearest may be a callback or voicemail,
        # a promise of a person later; it is named as what it is, never as a person.
        reached = analysis.nodes.get(human)
        what = human if reached is None or reached.is_person else f"{reached.type.value} {human}"
        person = f"{presses} key{'s' if presses != 1 else ''} to {what}" if presses else f"goes on to {what}"
    return Fold(len(below), menus, dict(sorted(by_severity.items(), key=lambda kv: -kv[0].rank)),
                sorted({f.code for f in found}), person)
