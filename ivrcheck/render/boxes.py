"""The parts of a drawn diagram, shared by the builder and the DOT and Mermaid writers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ivrcheck.findings import Severity

#: Nodes a diagram may show before it is folded, as a first guess; images are then measured
#: and folded further until they fit an A3 page (render/paper.py).
BUDGET = 160


class RenderError(Exception):
    """A diagram cannot be made: one readable line for the user (exit 2)."""


@dataclass
class Options:
    """How to draw: the selection and the layout choices of `ivrcheck render`."""

    state: str = "open"
    root: str | None = None
    depth: int | None = None
    to: str | None = None
    #: Fold below this depth; None picks a depth when the line is too big; -1 never folds.
    fold: int | None = None
    direction: str = "TB"
    #: "auto" says shared routes once in the legend; "all" draws an arrow for every route.
    edges: str = "auto"
    link_base: str | None = None
    #: Boxes the folding may keep (a smaller budget for Mermaid on GitHub).
    budget: int = BUDGET
    #: Draw only these nodes (one page of several).
    only: frozenset[str] | None = None
    #: node id -> page number, when the diagram is one page of several.
    page_of: dict[str, int] = field(default_factory=dict)
    #: A PDF of an overview page and a page per top-level branch.
    pages: bool = False
    title: str | None = None


@dataclass
class Fold:
    """What a folded box stands for: the subtree below it."""

    nodes: int
    menus: int
    findings: dict[Severity, int]
    codes: list[str]
    #: "1 key to advisor", or "no person" when none can be reached.
    person: str


@dataclass
class Box:
    """One node as drawn: a header, and a row for each way out of it."""

    key: str  # generated id, safe in any diagram language
    node_id: str
    kind: str  # node type, or "external"
    severity: Severity | None = None
    codes: list[str] = field(default_factory=list)
    human: bool = False
    rows: list[Row] = field(default_factory=list)
    tooltip: str = ""
    href: str | None = None
    #: The top-level branch (its first node's id) whose cluster holds this box.
    cluster: str | None = None
    depth: int = 0
    #: Shared routes (said in the legend) that this menu lacks.
    lacks: list[str] = field(default_factory=list)
    folded: Fold | None = None
    #: The page a node is drawn on in full, when it is only referred to on this one.
    page: int | None = None
    #: Set for a box drawn inside a row of another box (a leaf with one way in).
    inline: bool = False


@dataclass
class Row:
    """One way out of a box: what the caller does (or what happens) and where the call goes."""

    port: str
    when: str  # "1 · Cards", "then", "open", "timeout"
    target: str  # node id, or "" when the route comes back to the same box
    #: How the target is shown when no arrow leads there: "↩" back up, "↗" elsewhere, "▸" folded.
    note: str = ""
    silent: bool = False
    bold: bool = False
    #: The leaf drawn in this row, when it has no other way in.
    inline: Box | None = None
    arrow: bool = False
    #: The page of a PDF that draws the target, when this page does not.
    page: int | None = None


@dataclass
class Arrow:
    """A drawn arrow from a row of one box to another box (or to a row of one)."""

    source: str
    port: str
    target: str
    style: str = "solid"  # or "dotted" for timeouts and errors
    bold: bool = False
    #: Along the tree: it ranks its target below its source. Other arrows do not pull the layout.
    tree: bool = True
    label: str = ""  # for writers without ports (Mermaid): the row's text
    #: The share of callers who took it, when the diagram is a heat map of call logs (render/heat.py).
    share: float | None = None


@dataclass
class Diagram:
    title: str
    state: str
    boxes: list[Box]
    arrows: list[Arrow]
    #: cluster id (first node of a branch) -> its title ("1 · Cards").
    clusters: dict[str, str] = field(default_factory=dict)
    #: Routes most menus share, said once: ("0 · Advisor → advisor", 12 menus have it, of 13 that could).
    shared: list[tuple[str, int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    direction: str = "TB"
    fold: int | None = None
    #: Nodes shown (in boxes of their own or in rows), folded ones not counted.
    nodes: int = 0
