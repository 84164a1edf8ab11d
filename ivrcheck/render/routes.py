"""The rows of each box and the few arrows between boxes.

Every way out of a node is a row of its box. An arrow is drawn only along the spanning tree
(and along the fastest way to a person), so the picture reads top-down like the menu does.
Routes that most menus share (`0` to an advisor, `*` repeat, `#` main menu, timeouts that
repeat) are said once in the legend; a leaf with a single way in (a message, a queue, a
self-service step) is drawn inside the row that leads to it; a route back up to an ancestor
is a `↩` in its row instead of a long arc.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ivrcheck.findings import Severity
from ivrcheck.graph import Analysis
from ivrcheck.graph.walks import Tree
from ivrcheck.graph.build import CHOICE, SILENT
from ivrcheck.render.boxes import Arrow, Box, Options, Row

KIND_LABELS = {"timeout": "timeout", "invalid": "invalid key", "retries": "after retries",
               "closed": "closed", "default": "default", "next": "then", "input": "then"}
#: Kinds of node that can be drawn inside the row leading to them.
INLINE = frozenset({"message", "self_service", "agent", "transfer", "voicemail", "callback", "hangup", "external",
                    "input"})
#: One glyph per kind, shown before the node id in boxes and rows.
SYMBOLS = {"menu": "▢", "message": "▤", "input": "⌂", "branch": "◇", "agent": "▣", "transfer": "▣",
           "voicemail": "⛁", "callback": "⛁", "self_service": "⚙", "hangup": "✕", "external": "⇢"}
MARKS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●", None: ""}
#: A route is shared when at least this many boxes, and half of those that could, have it.
SHARED_MIN = 3

Signature = tuple[str, str, str]  # ("key", "0", "advisor") or ("silent", "timeout", "") for a repeat


@dataclass
class Shared:
    """Routes most menus share, said once in the legend instead of once per menu."""

    texts: dict[Signature, str] = field(default_factory=dict)
    counts: dict[Signature, int] = field(default_factory=dict)
    #: How many boxes could have each route.
    of: dict[Signature, int] = field(default_factory=dict)
    menus: int = 0

    def __contains__(self, signature: Signature) -> bool:
        return signature in self.texts

    def legend(self) -> list[tuple[str, int, int]]:
        """(route, how many have it, how many could) for each shared route."""
        return [(self.texts[s], self.counts[s], self.of[s]) for s in self.texts]


def signature(source: str, target: str, attrs: dict[str, Any]) -> Signature | None:
    where = "" if target == source else target
    if attrs["kind"] in CHOICE:
        return ("key", str(attrs.get("press", "")), where)
    if attrs["kind"] in SILENT:
        return ("silent", attrs["kind"], where)
    return None


def universal_routes(analysis: Analysis, shown: list[str], draw_all: bool) -> Shared:
    """The key and error routes that most drawn menus (and inputs, for errors) have in common."""
    interactive = [n for n in shown if (node := analysis.nodes.get(n)) is not None and node.is_interactive]
    menus = [n for n in interactive if analysis.nodes[n].is_menu]
    if draw_all or len(interactive) < SHARED_MIN:
        return Shared(menus=len(menus))
    counts: Counter[Signature] = Counter()
    labels: dict[Signature, Counter[str]] = defaultdict(Counter)
    for node_id in interactive:
        seen = set()
        for target, attrs in analysis.out[node_id]:
            sig = signature(node_id, target, attrs)
            if sig is not None and sig not in seen:
                seen.add(sig)
                counts[sig] += 1
                labels[sig][str(attrs.get("label") or "")] += 1
    shared = Shared(menus=len(menus))
    keypad = "1234567890*#"
    for sig, count in sorted(counts.items(), key=lambda item: (item[0][0] != "key", -item[1],
                                                                keypad.find(item[0][1]), item[0])):
        pool = menus if sig[0] == "key" else interactive
        eligible = len(pool) - (sig[2] in pool)  # `# → main` cannot be asked of main itself
        if count >= SHARED_MIN and 2 * count >= eligible:
            label = labels[sig].most_common(1)[0][0]
            what = f"{sig[1]} · {label}" if sig[0] == "key" and label else KIND_LABELS.get(sig[1], sig[1])
            shared.texts[sig] = f"{what} {'↻ repeats' if not sig[2] else '→ ' + sig[2]}"
            shared.counts[sig] = count
            shared.of[sig] = eligible
    return shared


@dataclass(frozen=True)
class _Layout:
    """What placing a row needs to know of the whole drawing."""

    boxes: dict[str, Box]
    tree: Tree
    keep: set[str]
    hidden: set[str]
    #: leaf -> the box whose row draws it
    inline: dict[str, str]
    #: hidden node -> the folded box it is inside
    fold_root: dict[str, str]
    opts: Options


def route_rows(boxes: dict[str, Box], tree: Tree, analysis: Analysis, keep: set[str], hidden: set[str],
               shared: Shared, opts: Options) -> list[Arrow]:
    """Fill every box's rows; return the arrows to draw."""
    bold = _path_pairs(analysis)
    layout = _Layout(boxes, tree, keep, hidden, _inline(boxes, tree, analysis, keep), _fold_roots(tree, hidden, boxes),
                     opts)
    inline = layout.inline
    arrows: list[Arrow] = []
    for node_id, box in boxes.items():
        if box.folded is not None:
            continue
        host = box
        while host.node_id in inline:  # arrows from a leaf drawn in a row leave from that row
            host = boxes[inline[host.node_id]]
        _lacks(box, node_id, analysis, shared)
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for target, attrs in analysis.out[node_id]:
            if target in keep or target in opts.page_of:
                groups[target].append(attrs)
        for target, edges in groups.items():
            link = tree.parent.get(target)
            tree_edge = target in boxes and link is not None and link[0] == node_id
            strong = (node_id, target) in bold
            sigs = {signature(node_id, target, a) for a in edges}
            if all(s in shared for s in sigs) and not tree_edge and not strong:
                continue
            # The row names what the legend does not; a drawn arrow also names its shared keys.
            said = [a for a in edges if signature(node_id, target, a) not in shared
                    or ((tree_edge or strong) and a["kind"] not in SILENT)]
            said = said or edges
            silent = all(a["kind"] in SILENT for a in said)
            row = Row(f"r{len(box.rows)}", " / ".join(dict.fromkeys(_when(a) for a in said)), "" if target == node_id else target,
                      silent=silent, bold=strong and not silent)
            box.rows.append(row)
            arrow = _place(layout, row, node_id, target, host, box, tree_edge)
            if arrow is not None:
                arrows.append(arrow)
    _drop_lone_rows(boxes, arrows)
    return arrows


def _place(layout: _Layout, row: Row, node_id: str, target: str, host: Box, box: Box,
           tree_edge: bool) -> Arrow | None:
    """Say in the row where its way goes (itself, a row below, another page, a fold, up or across);
    the arrow that draws it, if one does."""
    boxes, inline, opts = layout.boxes, layout.inline, layout.opts
    if target == node_id:
        row.note = "↻"
        return None
    if inline.get(target) == node_id:
        row.inline = boxes[target]
        boxes[target].inline = True
        return None
    if target not in layout.keep:
        row.note, row.page = "→", opts.page_of[target]
        return None
    if target in layout.hidden:
        row.note = f"▸ {layout.fold_root[target]}"
    elif tree_edge:
        return _arrow(host, box, row, boxes[target], tree=True)
    elif layout.tree.is_ancestor(target, node_id):
        row.note = "↩"
    else:
        row.note = "↗"
    row.page = opts.page_of.get(target)
    if opts.edges == "all" or row.bold:
        goal_id = layout.fold_root.get(target, target)
        while goal_id in inline:
            goal_id = inline[goal_id]
        goal = boxes.get(goal_id)
        if goal is not None:
            return _arrow(host, box, row, goal, tree=False)
    return None


def _drop_lone_rows(boxes: dict[str, Box], arrows: list[Arrow]) -> None:
    """A box whose one way out is its arrow needs no row to say so."""
    for box in boxes.values():
        if not box.inline and len(box.rows) == 1 and box.rows[0].arrow and box.rows[0].when == "then":
            for arrow in arrows:
                if arrow.source == box.key and arrow.port == box.rows[0].port:
                    arrow.port = ""
            box.rows.clear()


def _arrow(host: Box, box: Box, row: Row, goal: Box, *, tree: bool) -> Arrow:
    row.arrow = True
    port = row.port if host is box else _host_port(host, box)
    return Arrow(host.key, port, goal.key, "dotted" if row.silent else "solid", row.bold, tree, row.when)


def _host_port(host: Box, box: Box) -> str:
    """The port of the row of `host` that draws the inline `box` (perhaps inside another leaf)."""
    def holds(outer: Box | None) -> bool:
        return outer is not None and (outer is box or any(holds(r.inline) for r in outer.rows))
    return next((row.port for row in host.rows if holds(row.inline)), "")


def _when(attrs: dict[str, Any]) -> str:
    kind = attrs["kind"]
    if kind in CHOICE:
        key = "ext" if kind == "extension" else str(attrs.get("press", ""))
        return f"{key} · {attrs['label']}" if attrs.get("label") else key
    if kind == "case":
        return str(attrs.get("case", ""))
    return KIND_LABELS.get(kind, kind)


def _inline(boxes: dict[str, Box], tree: Tree, analysis: Analysis, keep: set[str]) -> dict[str, str]:
    """Leaves drawn inside their parent's row: one way in, and nothing below them in the drawing
    but leaves drawn inside them in turn (an input, then its self-service step), two deep at most."""
    sources: dict[str, set[str]] = defaultdict(set)
    for source in keep:
        for target, _ in analysis.out.get(source, ()):
            if target != source:
                sources[target].add(source)
    found: dict[str, str] = {}
    nesting: dict[str, int] = {}
    for node_id in reversed(list(boxes)):  # breadth-first order reversed: children first
        box, link = boxes[node_id], tree.parent.get(node_id)
        if link is None or box.kind not in INLINE or link[0] not in boxes or boxes[link[0]].folded is not None:
            continue
        kids = [c for c in tree.children(node_id) if c in boxes]
        if sources[node_id] != {link[0]} or any(found.get(c) != node_id for c in kids):
            continue
        nesting[node_id] = 1 + max((nesting[c] for c in kids), default=0)
        if nesting[node_id] <= 2:
            found[node_id] = link[0]
        else:
            for kid in kids:  # too deep: the kids become boxes of their own
                found.pop(kid, None)
    return found


def describe(box: Box) -> str:
    """A leaf drawn in a row, as plain text: `▤ card_blocked then → advisor`."""
    parts = [f"{SYMBOLS.get(box.kind, '')} {box.node_id}" + (" (person)" if box.human else "")]
    for row in box.rows:
        if row.inline is not None:
            parts.append(f"{row.when} {describe(row.inline)}")
        else:
            parts.append(f"{row.when} {row.note or '→'} {row.target}{_page(row)}".rstrip())
    if box.codes:
        parts.append(f"{MARKS[box.severity]} {' '.join(box.codes)}")
    return " ".join(parts)


def _fold_roots(tree: Tree, hidden: set[str], boxes: dict[str, Box]) -> dict[str, str]:
    """For each hidden node, the folded box it lies in."""
    roots: dict[str, str] = {}
    for node_id in hidden:  # each walk up stops at a box or at a node already placed (a chain is walked once)
        path, ancestor = [], node_id
        while ancestor not in boxes and ancestor not in roots and tree.parent.get(ancestor) is not None:
            path.append(ancestor)
            ancestor = tree.parent[ancestor][0]
        root = roots.get(ancestor, ancestor)
        for passed in path:
            roots[passed] = root
        roots[node_id] = root
    return roots


def _lacks(box: Box, node_id: str, analysis: Analysis, shared: Shared) -> None:
    node = analysis.nodes.get(node_id)
    if node is None or not node.is_interactive:
        return
    have = {signature(node_id, t, a) for t, a in analysis.out[node_id]}
    for sig, text in shared.texts.items():
        if sig not in have and sig[2] != node_id and (sig[0] == "silent" or node.is_menu):
            box.lacks.append(text)


def _page(row: Row) -> str:
    return f" (p. {row.page})" if row.page is not None else ""


def target_text(row: Row) -> str:
    """Where a row without an arrow leads, as plain text: `↩ main`, `↗ billing (p. 3)`."""
    return f"{row.note} {row.target}{_page(row)}".strip()


def _path_pairs(analysis: Analysis) -> set[tuple[str, str]]:
    """(source, target) pairs along the fastest path to a person."""
    path = analysis.path_to_human or []
    pairs = set()
    for index, (node_id, attrs) in enumerate(path):
        target = path[index + 1][0] if index + 1 < len(path) else None
        if target is None:  # the last step lands on the person
            target = next((t for t, a in analysis.out.get(node_id, []) if a is attrs), None)
        if target is not None:
            pairs.add((node_id, target))
    return pairs
