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
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, aims_at_person, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H204"
NAME = "zero-misused"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        zero = next((o for o in node.options if o.key == "0"), None)
        if zero is None or zero.target is None or aims_at_person(menu, line, node.id, zero):
            continue
        target = zero.target

        def misused(analysis: Analysis, node_id: str = node.id) -> bool:
            return (node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")
                    and not analysis.option_reaches_unknown(node_id, "0"))

        where = "this menu again" if target.ref == "repeat" else quote(target.ref)
        for state in holding_states(line, misused):
            yield Problem(zero.span, node.id, f'"0" in menu {quote(node.id)} leads to {where}, not to a person',
                          'bind "0" to an `agent` and move this option to another key', state=state)
