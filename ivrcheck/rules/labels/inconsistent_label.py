"""One label leading to different places in different menus.

## What it checks
Options with the same label (compared without case and stop words, so "Speak to an
advisor" and "Speak to advisor" are one label) in different reachable menus must lead
to the same place. The first use in the file is taken as the meaning, and each use that
leads elsewhere is reported at its label. Not reported: `repeat` (or a `goto` to the
menu itself, or to what it plays before it comes straight back to the menu: "Hear the
information again" replays the payment dates in one menu and the application's status
in another) and `back`, which do the same thing wherever they are, and so does an option
to the menu the caller came from (a menu nearer the entry that leads into this one, in
every schedule state: a graph fact, so "Back" or "Edellinen valikko" to the baggage menu in
one place and to the disruption menu in another are both "back"; so is an option to a menu
every call came down through, "Other options" after a payment back to the payers' menu and
after a statement back to the receivers' menu, and one from below to a main menu, in every
state); a label whose options
all reach a live person, such as "Speak to an advisor" going to the billing team from the
billing menu and to the general queue from the main menu, since being routed to the right
team is no surprise to a caller; a label whose options both end in a callback request
("Ask for a callback" for two teams), for the same reason; and a drill-down, where "Faults"
opens a menu whose own "Faults" option reports one, or leads on, by ways that never go back
up towards the entry, to such a menu ("Vikailmoitus" after hours opens the fault menu, which
asks the postcode and then offers its own "Vikailmoitus"): the caller who follows the label
twice lands where it promised. On the trust corpus of lines written blind these cases were
the four false alarms of the rule on good lines (benchmarks/trust.py); every planted
defect it found is still found. Nor are options that no caller hears in one call: menus reached only in
different schedule states ("Call me back" in the open-hours hold menu and in the
after-hours menu), or on branches of which a call takes one; nor an option that skips an
input the other asks first, because the caller gave it already ("Change the delivery"
after tracking a parcel goes straight on; from the main menu it first asks for the number).

A label may also name a person of the line by the name the file gives it: "Kundtjänst" and
the agent `kundtjanst`, "Customer service" and the queue `customer_service` (compared
without case, accents and punctuation). An option with such a label that leads to another
person ("Kundtjänst" on 0 wired to the sales agent `abonnemang`) in a menu a call reaches with
no key pressed (the main menu) is reported, once, even when the label is used only there: the
designer's own name for the team is the meaning. Not reported: the same in a submenu, where
the caller has already said what the call is about and the billing menu's "Kundtjänst" rightly
reaches the billing team; a label that names the team it reaches, by its node or its queue;
a label that names a menu or a task rather than a person.

## Why it matters
Callers learn a menu as they go: once "Billing" has meant one thing, they expect it to
mean the same on the next level. ISO/IEC 13714 builds its telephone interface on that
consistency, and the ACIxD design wiki allows an option in several menus only when it
does the same thing in each. A label that changes meaning sends callers somewhere they
did not choose.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. For moving home, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Moving home, goto: moving}
      "0": {label: Speak to an advisor, goto: advisor}
  moving:
    prompt: To book a move, press 1. For billing, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Book a move, goto: book_move}
      "2": {label: Billing, goto: final_bill}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  final_bill: {type: self_service}
  book_move: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. For moving home, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Moving home, goto: moving}
      "0": {label: Speak to an advisor, goto: advisor}
  moving:
    prompt: To book a move, press 1. For your final bill, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Book a move, goto: book_move}
      "2": {label: Final bill, goto: final_bill}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  final_bill: {type: self_service}
  book_move: {type: self_service}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Callable, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.reach import Reachability
from ivrcheck.graph.walks import components, descendants
from ivrcheck.model import PROMISES, Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "L303"
NAME = "inconsistent-label"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"

Use = tuple[Node, Option, frozenset[str]]


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    words = line.language.label_words
    keys_of = cache(lambda label: _keys(words, label))  # once per distinct label, not per option
    uses: dict[tuple, list[Use]] = {}
    ways: dict[str, frozenset[str]] = {}  # node -> where a call goes on from it with no choice (`_ways_on`)
    ends: dict[str, str] = {}  # node -> where its run of messages ends (`_replays`)
    for node in menu.nodes.values():
        if node.id not in line.reachable:
            continue
        for option in node.options:
            if option.label and option.target is not None:
                use = (node, option, _places(node, option, line, ways, ends))
                for key in keys_of(option.label):
                    uses.setdefault(key, []).append(use)
    reported: set[tuple[str, str]] = set()
    yield from _names_another_person(menu, line, reported)
    reach: dict[tuple, object] = {}  # per state: strong components, and what lies below a node
    # The menus a drill-down can be asked to lead to: those holding a label used more than once.
    reach[("asked",)] = frozenset(n.id for group in uses.values() if len(group) > 1 for n, _, _ in group)
    live = cache(lambda menu_id, key: line.open.option_reaches_human(menu_id, key, live_only=True))
    for group in uses.values():
        first_node, first, places = group[0]
        for node, option, where in group[1:]:
            if node.id == first_node.id or where & places or _both_human(live, group[0], (node, option, where)) \
                    or _both_promise(line.open, places, where):
                continue
            if not _heard_in_one_call(line, first_node.id, node.id, reach):
                continue  # different schedule states, or branches a call takes one of
            if _drills_down(line, node.id, group[0], reach) or _drills_down(line, first_node.id, (node, option, where), reach):
                continue  # a drill-down: "Faults" opens a menu whose "Report a fault" does the task
            if (node.id, option.key) in reported:
                continue
            reported.add((node.id, option.key))
            yield Problem(
                option.label_span or option.span, node.id,
                f"label {quote(option.label)} leads to {_show(option)} in {quote(node.id)} but to "
                f"{_show(first)} in {quote(first_node.id)}, so callers who learnt it once are misled",
                "give options that lead to different places different labels, or point them at the same node",
            )


def _names_another_person(menu: Menu, line: LineAnalysis, reported: set[tuple[str, str]]) -> Iterator[Problem]:
    """Options labelled with the name the file gives one person (its id or queue) that lead to another."""
    people: dict[str, str] = {}
    for node in menu.nodes.values():
        if node.is_person:
            for name in (node.id, node.queue):
                if name:
                    people.setdefault(_name_key(name), node.id)
    for node in menu.nodes.values():
        if not node.is_menu or node.id not in line.reachable or node.id not in line.opening_menus:
            continue
        for option in node.options:
            named = people.get(_name_key(option.label or ""))
            if named is None or option.target is None or option.target.is_builtin:
                continue
            reached = [n for n in _on_the_way(line.open, option.target.ref) if n in menu.nodes]
            if not reached or named in reached or not menu.nodes[reached[-1]].is_person or \
                    _name_key(menu.nodes[reached[-1]].queue or "") == _name_key(option.label or ""):
                continue
            reported.add((node.id, option.key))
            yield Problem(
                option.label_span or option.span, node.id,
                f"label {quote(option.label)} of key {quote(option.key)} in {quote(node.id)} names {quote(named)} "
                f"but leads to {quote(reached[-1])}, so callers who ask for it reach another team",
                f"point key {quote(option.key)} at {quote(named)}, or label it for {quote(reached[-1])}",
            )


def _name_key(text: str) -> str:
    """A name as a file may write it as an id or a label: "Kundtjänst" and `kundtjanst` are one."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "_", plain.lower()).strip("_")


def _keys(words, label: str) -> list[tuple]:
    """What makes two labels one label to a caller: the same words, stop words aside.

    Not the meaning model's "same task": a submenu's "Your bill" leading to the final bill is
    no broken promise of the main menu's "Billing", and comparing every pair of labels of a
    line by meaning would not stay linear in its size.
    """
    return [("words", *words.key(label))]


def _places(node: Node, option: Option, line: LineAnalysis, ways: dict[str, frozenset[str]],
            ends: dict[str, str]) -> frozenset[str]:
    """Where the option leads, with `repeat` and `back` standing for themselves, and where the call
    goes on from there with no choice: an input it asks first is on the way to the same place (after
    tracking a parcel, "Change the delivery" skips asking for its number again). An option to the
    menu the caller reached this one from, or came down through, in every state, is `back` too (a
    graph fact: "Back" to the baggage menu and "Back" to the disruption menu both do what they say)."""
    analysis = line.open
    ref = option.target.ref
    if ref in ("repeat", node.id) or _replays(analysis, ref, node.id, ends):
        return frozenset({"(repeat)"})
    if ref == "back":
        return frozenset({"(back)"}) | {t for t, attrs in analysis.edges_from(node.id) if attrs.get("option") is option}
    back = {"(back)"} if line.leads_back(node.id, ref) or _above(line, node.id, ref) else set()
    return _ways_on(analysis, ref, ways) | back


def _above(line: LineAnalysis, node_id: str, target: str) -> bool:
    """Whether `target` is a menu every call here came down through, in every state that reaches
    `node_id`: "Other options" after a payment leads back to the payments menu the task was chosen
    in, as the receivers' "Other options" leads back to theirs; each does what it says. A main menu
    is above every menu but the line's first ones ("Go back" to it after hours too)."""
    menu = line.menu.nodes.get(target)
    heard = [a for a in line.states.values() if node_id in a.reachable]
    if target in line.opening_menus and node_id not in line.opening_menus:
        return True  # up to a main menu, from below it, whichever main menu a state opens with
    return menu is not None and menu.is_menu and bool(heard) and all(
        target in a.entry_tree.depth and a.entry_tree.is_ancestor(target, node_id) for a in heard)


def _replays(analysis: Analysis, ref: str, menu_id: str, ends: dict[str, str]) -> bool:
    """Whether `ref` plays something and comes straight back to the menu, with no choice on the way,
    and the menu is heard only after that play:
    "Hear the information again" replays what led to this menu (payment dates in one, the
    application's status in another), so it does what it says in each.

    Where each run of messages ends is worked out once (`ends`): the options of a menu into a ring
    of thousands of messages would each walk the ring."""
    if _run_end(analysis, ref, ends) != menu_id:
        return False
    seen: set[str] = set()
    while ref != menu_id:
        seen.add(ref)
        ref = analysis.nodes[ref].next.ref
    # and the menu follows that play only: it is what the caller just heard
    return all(source in seen or source == menu_id for source, _ in analysis.edges_into(menu_id))


def _run_end(analysis: Analysis, ref: str, ends: dict[str, str]) -> str:
    """The first node after `ref`'s run of messages (played with no choice, one `next` each), or `""`
    when the run ends nowhere (a message without `next`, a ring of messages)."""
    path: list[str] = []
    on_path: set[str] = set()
    end = ""
    while ref not in ends:
        if ref in on_path:
            break  # a ring: every message on the way is in it or leads into it
        node = analysis.nodes.get(ref)
        if node is None or node.type not in (NodeType.MESSAGE, NodeType.SELF_SERVICE):
            end = ref
            break
        path.append(ref)
        on_path.add(ref)
        if node.next is None:
            break
        ref = node.next.ref
    else:
        end = ends[ref]
    for passed in path:
        ends[passed] = end
    return end


def _on_the_way(analysis: Analysis, node_id: str) -> list[str]:
    """`node_id` and the nodes a call goes on to from it by inputs and messages, with no choice."""
    found, seen = [node_id], {node_id}
    while (onward := _onward(analysis, found[-1])) is not None and onward not in seen:
        found.append(onward)
        seen.add(onward)
    return found


def _onward(analysis: Analysis, node_id: str) -> str | None:
    """Where an input or a message goes on to when it has one way on; None at anything else."""
    node = analysis.nodes.get(node_id)
    if node is None or node.type not in (NodeType.INPUT, NodeType.MESSAGE):
        return None  # a menu's ways on are never looked at: a line of thousands of menus has many
    onward = [t for t, a in analysis.edges_from(node_id) if a["kind"] in ("input", "next")]
    return onward[0] if len(onward) == 1 else None


def _ways_on(analysis: Analysis, node_id: str, known: dict[str, frozenset[str]]) -> frozenset[str]:
    """`_on_the_way` as a set, each node's worked out once: the ways on of messages in a ring are
    the ring, one set for all of them (thousands of options into a ring of thousands of messages
    walked the ring once per option, and looked up each step in a list: issue 23). `known` holds
    the sets worked out so far in this analysis."""
    path: list[str] = []
    at: dict[str, int] = {}
    current: str | None = node_id
    while current is not None and current not in known and current not in at:
        at[current] = len(path)
        path.append(current)
        current = _onward(analysis, current)
    if current is None or current in known:
        after = known[current] if current is not None else frozenset()
    else:  # a ring: every node of it goes round it all
        after = known[current] = frozenset(path[at[current]:])
        for node in path[at[current] + 1:]:
            known[node] = after
        del path[at[current]:]
    for node in reversed(path):
        after = known[node] = after | {node}
    return known[node_id]


def _heard_in_one_call(line: LineAnalysis, a: str, b: str, reach: dict[tuple, object]) -> bool:
    """Whether one call can pass both menus: in some schedule state, one is reachable from the other.

    Menus in one strong component (most lines: every menu offers the main menu again) reach each
    other; otherwise what lies below a node is walked once per node and kept, so a line of
    thousands of menus is not walked once per pair of labels."""
    for state in line.states.values():
        if a not in state.reachable or b not in state.reachable:
            continue
        component = reach.get(("scc", state.state))
        if component is None:
            component = reach[("scc", state.state)] = _components(state.out)
        if component.get(a) == component.get(b) or b in _below(state, a, reach) or a in _below(state, b, reach):
            return True
    return False


def _components(out: dict) -> dict[str, int]:
    """Each node's strong component, by the graph step's own search."""
    successors = {source: [target for target, _ in edges] for source, edges in out.items()}
    return {node: index for index, part in enumerate(components(successors)) for node in part}


def _below(state: Analysis, node_id: str, reach: dict[tuple, object]) -> frozenset[str]:
    key = ("below", state.state, node_id)
    if key not in reach:
        reach[key] = descendants(state.out, node_id)
    return reach[key]


def _both_promise(analysis: Analysis, *places: frozenset[str]) -> bool:
    """Whether both options end, with no choice, at a promise of the same kind (two callback requests
    for two teams): "Ask for a callback" does what it says in both menus."""
    kinds = [{node.type for n in where if (node := analysis.nodes.get(n)) is not None and node.type in PROMISES}
             for where in places]
    return all(kinds) and bool(set.intersection(*kinds))


def _drills_down(line: LineAnalysis, menu_id: str, use: Use, reach: dict[tuple, object]) -> bool:
    """Whether an option leads on, deeper into the line, to the menu holding the other option of the
    label: a caller who follows the label again lands where it promised ("Vikailmoitus" after hours
    opens the fault menu, whose own "Vikailmoitus" reports the fault)."""
    node, option, places = use
    start = option.target.ref
    if menu_id in places:
        return True
    if start in line.opening_menus or line.leads_back(node.id, start):
        return False  # up to the main menu, or back: everything lies below there
    return any(start in state.out and _deeper(state, reach).reaches(start, menu_id) for state in line.states.values())


def _deeper(state: Analysis, reach: dict[tuple, object]) -> Reachability:
    """Which menus a call reaches from a node by ways that never lead back up (towards the entry: a
    "Back" or the main menu), by the fewest key presses; made once per state for the menus asked."""
    key = ("deeper", state.state)
    if key not in reach:
        steps = state.steps
        forward = {source: [t for t, _ in edges if steps.get(t, -1) >= steps.get(source, 1 << 30)]
                   for source, edges in state.out.items()}
        reach[key] = Reachability(forward, reach[("asked",)])  # type: ignore[arg-type]
    return reach[key]  # type: ignore[return-value]


def _both_human(live: Callable[[str, str], bool], first: Use, other: Use) -> bool:
    """Whether both options land with a person; `live` answers once per menu and key (a menu every
    other one returns to has thousands of ways in and out, read once per use of a label before)."""
    return all(live(n.id, o.key) for n, o, _ in (first, other))


def _show(option: Option) -> str:
    ref = option.target.ref
    return {"repeat": "this menu again", "back": "the previous menu"}.get(ref, quote(ref))
