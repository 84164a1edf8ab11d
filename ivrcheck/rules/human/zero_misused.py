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
still reported: callers who do not know to wait hang up or press on. Outside hours, a `0` that
lands (through a branch) in a closed menu offering a callback, a message or a 24-hour desk in
one announced step is the right design too.

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

## When it warns, and when it only informs
Whether a hold menu says "wait" is read from its words (`prompts.waiting` in each language file:
"keep holding", "håll kvar", "pysy linjoilla", "permanezca a la espera"). The wiring is sure
(callers who wait there reach a person); the words may not be. So a hold menu whose prompt has
no phrase read as telling callers to wait but does speak of waiting ("You are in the queue",
"Du står i kö", "Olet jonossa", "Su llamada está en cola": `prompts.waiting_words`) gets an
**info** naming the word; only a hold menu with no word of waiting at all ("Press 1 for a
callback") is a warning. Nor a `0` that leads to
a `transfer` with `human: unknown` (an imported hand-off whose answerer the export cannot show):
it may well be the operator, and the importer's F020 note says to check it.

Nor, in open hours, a menu made for the hours nobody works: the menu an hours branch sends
callers to when closed, or one a closed person's `closed:` route lands in (but never a menu
callers meet first in open hours). A `next: back` in a message both it and an open-hours menu
offer lets the graph wander into it in open hours, yet its "To leave a message, press 0" is
the right design: the blind judge of the trust corpus called that one warning false.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.journey import offered_on_landing
from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.graph.build import CLOSED
from ivrcheck.model import Menu, NodeType
from ivrcheck.records import record
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

        def misused(analysis: Analysis, node_id: str = node.id, ref: str = target.ref) -> bool:
            if analysis.state != CLOSED and node_id in after_hours:
                return False  # heard when closed; met in open hours only by a "back" or a replay
            if analysis.state == CLOSED and _closed_menu_offers(line, analysis, ref, node_id, after_hours):
                return False  # lands in a closed menu that offers a callback, a message or a 24-hour desk
            return (node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")
                    and not analysis.option_reaches_unknown(node_id, "0"))

        where = "this menu again" if target.ref == "repeat" else quote(target.ref)
        for state in holding_states(line, misused):
            hold = _unread_hold(line, target.ref, state)
            if hold is not None:
                yield hold.problem(zero.span, node.id, state)
                continue
            yield Problem(zero.span, node.id, f'"0" in menu {quote(node.id)} leads to {where}, not to a person',
                          'bind "0" to an `agent` and move this option to another key', state=state)


@record
class _Hold:
    """A menu a "0" lands in whose callers reach a person by waiting, where the prompt was not read
    as saying so but has a word of waiting (`word`): it may say so in words ivrcheck does not read."""

    menu: str
    person: str
    word: str

    def problem(self, span: Span, node_id: str, state: str | None) -> Problem:
        return Problem(span, node_id, f'"0" in menu {quote(node_id)} leads to hold menu {quote(self.menu)}, whose '
                       f"callers reach {quote(self.person)} by waiting; its prompt speaks of waiting "
                       f"({quote(self.word)}) in words ivrcheck does not read as telling callers to stay on the line",
                       f"check that {quote(self.menu)} tells callers to stay on the line", state=state,
                       severity=Severity.INFO)


def _unread_hold(line: LineAnalysis, target: str, state: str | None) -> _Hold | None:
    """A hold menu behind the "0", in every state named (all when None), that speaks of waiting in
    words not read: the wiring says callers who wait reach a person, the words may say it too."""
    found = None
    for analysis in ([line.states[state]] if state else line.states.values()):
        if target not in analysis.reachable:
            continue
        landing = offered_on_landing(line, analysis, target, unannounced=True)
        menu = analysis.nodes.get(landing.menu) if landing is not None and landing.key == "timeout" else None
        word = line.speaks(menu).prompt_words.mentions_waiting(menu.prompt) if menu is not None else None
        if landing is None or landing.node not in analysis.to_live or word is None:
            return None
        found = _Hold(landing.menu, landing.node, word)
    return found


def _closed_menu_offers(line: LineAnalysis, analysis: Analysis, target: str, node_id: str,
                        after_hours: frozenset[str]) -> bool:
    """Whether a "0", outside hours, lands with no choice of its own (through an hours branch) in
    another menu made for the closed hours that offers a callback, a message or a 24-hour desk in
    one announced step. Never the menu the 0 is in: a message that leads back there offers nothing."""
    landing = offered_on_landing(line, analysis, target)
    return landing is not None and landing.menu != node_id and landing.menu in after_hours


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
