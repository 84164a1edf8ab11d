"""A caller is asked again for something they already gave.

## What it checks
Follows what callers give on the way through the line: an `input` with `collects: NAME`
gives that item once its digits are in (not when it times out), and an option with
`collects: NAME` gives it when chosen. Reported, on some path from `entry` in any
schedule state: a second `input` that asks for an item the caller already gave at another
input, and a person (`agent`, or `transfer` with `human: true`) reached with an item
already given that the person does not receive (`receives: [NAME, ...]` does not list
it; `receives: all`, a screen pop, receives everything). A person without `receives` is
reported only when other people of the line are handed that item (`receives:` lists it):
the author says items are passed on here and forgot this person: a warning for the line's
general person (the one its menus send 0 to, who takes every errand), an **info** for any other
(a specialist desk such as a 24-hour fraud team often verifies callers itself; on the trust
corpus's development half blind judges called the general person's finding true and the fraud
desk's arguable). Otherwise it is unknown
and never reported, and so is a line whose inputs do not say what they collect. A `transfer`
without `receives:` is never reported: it dials out to another organisation's number (the
police non-emergency line, a national nurse line), which takes no screen pop from this line,
so what it could be handed is not the line's to say (blind judges called all three such
warnings on the trust corpus false or arguable). The
finding names the place nearest before, where the caller last gave the item.

A person is asked to receive an item only when their errand needs it, read from the line's
tree: the person belongs to the same top-level branch of the main menu as the place the
item was given (the claims adjuster for a claim number keyed in the claims menu), or the
item was given before the main menu (an account number asked first), or the person is the
line's general person, the one its menus send 0 to. A department of another branch that a
caller reaches with the item by a cross-link (0 in the claims menu wired to the billing
team, an `after_retries` to the works queue) works from its own errand's details and is not
asked to receive a claim number or a meter reading.

An item is carried only within the errand it was given for, read from the line's tree:
entering a menu that does not lie below where the item was given (the caller finished one
errand, went back to the main menu or across to another, chose another language) leaves it
behind. So a policy number keyed for billing is not "asked again" by the claims menu a
caller picks next, and the claims adjuster is not asked to receive it; an input before the
main menu (an account number asked first) is carried everywhere. The same input met again
after the caller went back round the menus is not reported either: that is one question,
asked where the line returns to it. The errands are the line's as designed, in every state:
after hours a call may reach the main menu only after an errand (the closed menu offers a
payment, then "anything else" leads to the main menu), and going back there still leaves the
payment's account number behind, as it does in open hours (the open-hours tree decides
where both places are in it).

A person whose `receives:` lists the item asked just before, by an input that leads straight
into the one that asked this item ("member number, then PIN", handed on as the member number),
gets an **info**, not a warning: the author listed what the person needs, and the second item
may only check the first (a blind judge called the one such warning false: "the PIN is a
self-service credential"). Any other item left out of a `receives:` list stays a warning.

A person reached with the item only along a failure path gets an **info**, not a warning: every
announced route after the item was given (the keys the prompts offer) leads to someone who
receives it, and only a caller who times out, presses a wrong key or runs out of retries falls to
this person with it (`Analysis.given_designed` carries nothing over those edges). The finding names
the failure edge (`after_retries` of the menu after the input) and suggests pointing it at a person
who receives the item, the better fix. Blind judges called all eight such warnings on the trust
corpus's development half arguable ("a rare path better fixed at the menu's after_retries"); an
announced key that reaches a person without the item still warns.

## Why it matters
Having to repeat what you already said is, after an unclear menu, the complaint callers
name most often: the account number keyed in at the start is asked for again by the
agent, or a second menu wants it again. Customer-service writing (the GetHuman standard:
"never make a caller repeat information"; Finnish contact-centre guidance on what breaks
callers' trust) and vendors' screen-pop features (Amazon Connect contact attributes,
Genesys participant data) exist to avoid it.

## Example
```yaml
entry: account
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  account:
    type: input
    prompt: Please enter your account number, then press hash.
    collects: account_number
    next: main
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  balance: {type: self_service}
  advisor: {type: agent, announces_wait: true, receives: [reason]}
```

## Use instead
```yaml
entry: account
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  account:
    type: input
    prompt: Please enter your account number, then press hash.
    collects: account_number
    next: main
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  balance: {type: self_service}
  advisor: {type: agent, announces_wait: true, receives: [account_number]}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, holding_states, line_person, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis
    from ivrcheck.graph.carried import Origin

CODE = "H208"
NAME = "repeat-request"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def where(origin: Origin) -> str:
    """ "input "account"" or "option "2" of "main"": where an item was given."""
    node_id, key = origin
    return f"option {quote(key)} of {quote(node_id)}" if key is not None else f"input {quote(node_id)}"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    people = [n for n in menu.nodes.values() if n.type in (NodeType.AGENT, NodeType.TRANSFER) and n.is_person]
    handed = {p.id: p for p in people if p.receives is not None}
    person_ids = {p.id for p in people}  # by id: comparing whole nodes is slow, and quadratic in a list
    for node in menu.nodes.values():
        if node.type is NodeType.INPUT and node.collects:
            item = node.collects
            for state, first in _given(menu, line, node.id, item, lambda a, o, asker=node.id: o[0] != asker):
                yield Problem(
                    node.span_of("collects"), node.id,
                    f"callers who gave {quote(item)} at {where(first)} are asked for it again at input {quote(node.id)}",
                    f"pass the value on instead of asking again, or route callers who gave it past {quote(node.id)}",
                    state=state,
                )
        elif node.id in person_ids:
            general = line_person(menu, line)
            yield from _not_handed(menu, line, node, handed, general is not None and general[0] == node.id)


def _not_handed(menu: Menu, line: LineAnalysis, person: Node, handed: dict[str, Node],
                general: bool) -> Iterator[Problem]:
    """Items a person is reached with and not handed: its `receives:` leaves them out, or it has
    none while other people of the line are handed the item (the one the author forgot). Only
    items of the person's own errand, unless the person is the line's general one (`general`)."""
    items = sorted({i for a in line.states.values() for i in a.given_before.get(person.id, {})})
    for item in items:
        if person.receives is not None:
            if person.receives_item(item):
                continue
            field, why = "receives", "which does not receive it"
        else:
            if person.type is NodeType.TRANSFER:
                continue  # another organisation's number: what it can be handed is not this line's to say
            others = sorted(p for p, other in handed.items() if other.receives_item(item))
            if not others:
                continue  # nobody here is said to be handed it: the line does not say, so unknown
            field, why = "id", f"which has no `receives:` (unlike {', '.join(quote(o) for o in others[:2])})"
        staffed = lambda a, o: is_live_human(person, a.state) and (general or _same_errand(a, o, person.id))  # noqa: E731
        # Left without `receives:`, a desk of its own (a 24-hour fraud desk) may well verify callers
        # itself: only the general person, who takes every errand, is surely the author's slip.
        guess = person.receives is None and not general
        given = _given(menu, line, person.id, item, staffed)
        slip = _failure_edge(menu, line, person.id, item, staffed) if given else None
        for state, first in given:
            checked = _checks(menu, person, first) if person.receives is not None else None
            yield Problem(
                person.span_of(field), person.id,
                f"callers who gave {quote(item)} at {where(first)} must say it again to "
                f"{person.type.value} {quote(person.id)}, {why}"
                + (f"; it is asked straight after {quote(checked)}, which the person does receive, so it may be "
                   "a check of it (a PIN) that the author chose not to pass on" if checked else "")
                + (f"; only callers who fail {slip[1]} of {quote(slip[0])} get here with it, every announced "
                   "route leads to someone who receives it" if slip else ""),
                f"set `{slip[1]}:` of {quote(slip[0])} to a person who receives {item}, or add it to `receives:` "
                f"of {quote(person.id)}" if slip else
                f"add {item} to `receives:` of {quote(person.id)} (pass it on with the call), or `receives: all`",
                state=state, severity=Severity.INFO if checked or guess or slip else None,
            )


#: Failure edge kinds -> the field that names them, for the advice.
_FAILURE_FIELDS = {"timeout": "on_timeout", "invalid": "on_invalid", "retries": "after_retries"}


def _failure_edge(menu: Menu, line: LineAnalysis, person: str, item: str,
                  counts: Callable[[Analysis, Origin], bool]) -> tuple[str, str] | None:
    """(node, field) of a failure edge (timeout, invalid key, `after_retries`) that brings the item
    to the person, when no announced route does in any state (`Analysis.given_designed`): the
    caller fumbled a menu after giving it. None when some announced route loses the item."""
    edges: list[tuple[tuple[int, int], str, str]] = []
    for analysis in line.states.values():
        if any(counts(analysis, o) for o in analysis.given_designed.get(person, {}).get(item, ())):
            return None
        if not analysis.given_before.get(person, {}).get(item):
            continue
        upstream = analysis.reaching(person)
        for source, facts in analysis.given_designed.items():
            node = menu.nodes.get(source)
            if node is None or source not in upstream or not any(counts(analysis, o) for o in facts.get(item, ())):
                continue
            edges += [((node.span.line, node.span.column), source, _FAILURE_FIELDS[attrs["kind"]])
                      for target, attrs in analysis.out.get(source, ()) if attrs["kind"] in _FAILURE_FIELDS
                      and target in upstream and item in analysis.given_before.get(target, {})]
    return min(edges)[1:] if edges else None


def _checks(menu: Menu, person: Node, origin: Origin) -> str | None:
    """The item asked for by the input that leads, with no choice between, into the input where this
    item was given, when the person receives that one: "member number, then PIN" handed on as the
    member number alone. The author listed what the person needs; the second may only verify the first."""
    for node in menu.nodes.values():
        if node.type is NodeType.INPUT and node.collects and node.next is not None and \
                node.next.ref == origin[0] and origin[1] is None and person.receives_item(node.collects):
            return node.collects
    return None


def _same_errand(analysis: Analysis, origin: Origin, person: str) -> bool:
    """Whether the person lies in the main menu's branch where the item was given, or the item was
    given above the main menu (carried into every errand)."""
    branch = analysis.entry_tree.branch
    given = branch.get(origin[0])
    return given is None or given == branch.get(person)


def _given(menu: Menu, line: LineAnalysis, node_id: str, item: str,
           counts: Callable[[Analysis, Origin], bool]) -> list[tuple[str | None, Origin]]:
    """(state, where it was given) for each state where `item` reaches `node_id` and counts: the
    place nearest before `node_id` (deepest in the line's tree), the earliest in the file
    of those as nearest."""
    origins: dict[str, set[Origin]] = {}
    for analysis in line.states.values():
        found = {o for o in analysis.given_before.get(node_id, {}).get(item, ()) if counts(analysis, o)}
        if found:
            origins[analysis.state] = found
    if not origins:
        return []
    depth = {o: min((a.entry_tree.depth.get(o[0], 0) for a in line.states.values() if a.entry in a.out), default=0)
             for o in set().union(*origins.values())}
    first = min(depth, key=lambda o: (-depth[o], _position(menu, o)))
    return [(state, first) for state in holding_states(line, lambda a: a.state in origins)]


def _position(menu: Menu, origin: Origin) -> tuple[int, int, str]:
    node = menu.nodes.get(origin[0])
    return (node.span.line, node.span.column, origin[1] or "") if node else (0, 0, origin[1] or "")
