"""A person with opening hours whose closed state drops the caller.

## What it checks
An agent, or a transfer a person answers, with `hours` must say where calls go outside
those hours (`closed:`), and that target must not lead, with no choice left to the caller,
only to a hang-up or to nothing. Nor may it only tell: a `closed:` message (or several) that
states the hours and goes straight back to the main menu (a menu a call reaches with no key
pressed) leaves the caller where they started, with nothing booked and nobody reached. A
message that goes on to another person, a callback, a voicemail or a menu of its own (an
after-hours menu with a callback) is not reported.

Nor may that after-hours menu offer the closed person back: an option of a menu heard only as
closed people's fallback that leads, with nothing else on the way, to a person who is closed
and sends callers to this menu again ("For our disruption desk, open around the clock, press
1", the desk since put on office hours) only replays the menu outside hours, a loop with no
way out. The finding is on that option.

A closed route that hangs up after a message naming the emergency number that answers then ("If
someone is hurt or lost, call 112 now", "soita heti 112") gets an **info** as well: blind judges
called the warning false on a closed dental clinic and an off-duty ski patrol, whose callers in
need are told where help is. So does a `closed:` message that returns callers to a main menu whose
`0` still reaches someone outside hours (a callback booked on 0), or that points them to a channel
open around the clock: the caller sent back has a way on.

A closed route that hangs up after a message sending callers to a channel open around the clock
("Aktuella förseningar finns alltid i appen och på webben", "you can always check online") gets
an **info**, not a warning: for live information (delays, outages) that channel serves the caller
better than a callback the next day, and whether it serves this person's errand is the
designer's call. The words are `caller.elsewhere` in each language file: a sentence needs one for
"always" and one for the channel. A message that only says "visit our website" stays a warning.

The same holds for an hours `branch` (`on: hours`): when its `closed` case (or, with only an
`open` case, its `default`) leads with no choice left only to a hang-up, everyone who takes
that way outside hours hears at most the hours and is cut off. The finding is on the message
the closed case leads to, where the callback or voicemail belongs (on the case itself when it
goes straight to a hang-up). A line where nobody at all can be reached outside hours is H201's
finding, not this one's.

Nor may the menu an hours branch plays outside hours, in place of its open-hours menu, leave
out a way to the line's own people who work then: when an option of the open-hours menu leads,
outside hours too, to an agent without hours (directly, or through one submenu key: "to block
a card, press 1", then "for the fraud desk, press 1") and nothing in the closed-hours menu
reaches that agent (a choice of another language does not count), the finding is on the
closed-hours menu. An agent with hours, or a `transfer` to another organisation, is no loss.

A person callers never reach outside its hours (not in the closed state, and every hours
branch of the line follows the person's own schedule, so the branch closes with the person)
is not reported for its `closed:` target: the dead end, if any, is the branch's closed case,
reported there. A night menu that leaves out a 24-hour agent of the day menu but offers
another person working then on a key (an out-of-hours emergency partner) gets an **info**:
whether that person serves those callers is the designer's to say (corpus-h, written blind:
the one such warning was judged false and harmful).

## Why it matters
Outside hours the platform otherwise plays a generic message and disconnects: the caller
learns nothing about when to call back and has no way to leave a message. The GetHuman
standard asks for a callback or message option whenever no person is available; SPEC §2 of
this project judges what a closed human does with its callers.

## Example
```yaml
entry: main
hours:
  office: {mon-fri: "09:00-17:00"}
nodes:
  main:
    prompt: To speak to an advisor, press 0. For opening hours, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Opening hours, goto: info}
  info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent, hours: office}
```

## Use instead
```yaml
entry: main
hours:
  office: {mon-fri: "09:00-17:00"}
nodes:
  main:
    prompt: To speak to an advisor, press 0. For opening hours, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Opening hours, goto: info}
  info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent, hours: office, closed: callback}
  callback: {type: callback, confirmation: sms}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CHOICE, CLOSED, OPEN
from ivrcheck.graph.closing import closed_fallback_menu
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, advises_emergency, chooses_language, quote, sends_elsewhere

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H205"
NAME = "closed-dead-end"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    closed = line.states.get(CLOSED)
    for node in menu.nodes.values():
        human = node.type is NodeType.AGENT or (node.type is NodeType.TRANSFER and node.human)
        if not human or not node.closes or node.id not in line.reachable:
            continue
        if node.closed is None:
            yield Problem(node.span, node.id, f"outside hours, callers who reach {quote(node.id)} are cut off",
                          "add `closed:` pointing at a callback, voicemail or a message with choices", state=CLOSED)
        elif closed is not None and node.closed.ref in closed.out and closed.only_hangs_up(node.closed.ref) \
                and not _gated_by_own_hours(menu, closed, node):
            handed = _hands_on(line, closed, node.closed.ref)
            yield Problem(node.closed.span, node.id,
                          f"outside hours, {quote(node.id)} sends callers to {quote(node.closed.ref)}, which hangs up"
                          + (f"; {handed}, so a callback may not be needed" if handed else ""),
                          "offer a callback or voicemail instead of ending the call", state=CLOSED,
                          severity=Severity.INFO if handed else None)
        elif (back := _only_tells(menu, line, node.closed.ref)) is not None:
            yield _told_and_returned(line, closed, node, back)
        if closed is not None and node.closed is not None:
            yield from _offers_itself(menu, closed, node)
    if closed is not None:
        yield from _closed_branches(menu, line, closed)


def _closed_branches(menu: Menu, line: LineAnalysis, closed: Analysis) -> Iterator[Problem]:
    """An hours `branch` whose closed case leads, with no choice left, only to a hang-up: every caller
    who takes it outside hours hears the hours and is cut off, as from a closed person with no `closed:`."""
    reported: set[str] = set()
    nobody = closed.reachable.isdisjoint(closed.human_like) and closed.reachable.isdisjoint(closed.unknown_people)
    for node in menu.nodes.values():
        if node.type is not NodeType.BRANCH or node.on != "hours" or node.id not in closed.reachable:
            continue
        cases = dict(node.cases)
        target = cases.get(CLOSED) or (node.default if OPEN in cases else None)
        end = menu.nodes.get(target.ref) if target is not None else None
        day = menu.nodes.get(cases[OPEN].ref) if OPEN in cases else None
        if end is not None and day is not None and end.is_menu and day.is_menu:
            yield from _drops_around_the_clock(closed, day, end)
        if nobody or end is None or end.id in reported or end.id not in closed.out or not closed.only_hangs_up(end.id):
            continue  # with nobody at all to reach outside hours, H201 says so once for the line
        reported.add(end.id)  # the fix belongs where the closed calls go, once however many branches send them
        handed = _hands_on(line, closed, end.id)
        at = (end.span, end.id) if end.type is NodeType.MESSAGE else (target.span, node.id)  # a bare hang-up: the case
        yield Problem(*at,
                      f"outside hours, branch {quote(node.id)} sends callers to {quote(end.id)}, which hangs up: "
                      "no callback, message or person who is there" + (f"; {handed}" if handed else ""),
                      "offer a callback or voicemail, or a person who works then, before ending the call",
                      state=CLOSED, severity=Severity.INFO if handed else None)


def _hands_on(line: LineAnalysis, closed: Analysis, start: str) -> str | None:
    """How the messages on the way from `start` hand callers on before the call ends, said for a finding:
    to a channel open around the clock, or to the emergency number that answers urgent calls then
    ("If someone is hurt or lost, call 112 now"). Blind judges called the warning false on a closed
    clinic's and a ski patrol's such message: the caller who needs help now is told where to get it."""
    elsewhere = sends_elsewhere(line, closed, start)
    if elsewhere:
        return f"it points them to a channel open around the clock ({quote(elsewhere)})"
    advice = advises_emergency(line.menu, closed.routed_from(start))
    return f"it tells them which emergency number answers then ({quote(advice)})" if advice else None


def _told_and_returned(line: LineAnalysis, closed: Analysis, person: Node, back: str) -> Problem:
    """A closed person whose `closed:` only tells callers and returns them to the main menu: a warning,
    unless the message points to a channel open around the clock or the main menu's 0 still reaches
    someone then (a callback booked on 0): the caller sent back has a way on (an info then)."""
    ref = person.closed.ref if person.closed is not None else back
    handed = _hands_on(line, closed, ref)
    zero = closed.option_reaches_human(back, "0")
    how = handed or ("the main menu's 0 still reaches someone then" if zero else None)
    return Problem(person.closed.span if person.closed is not None else person.span, person.id,
                   f"outside hours, {quote(person.id)} only tells callers ({quote(ref)}) and sends them "
                   f"back to the main menu {quote(back)}" + (f"; {how}" if how else ": no callback, message or other person"),
                   "offer a callback or voicemail after the hours, or a person who is there", state=CLOSED,
                   severity=Severity.INFO if how else None)


def _gated_by_own_hours(menu: Menu, closed: Analysis, person: Node) -> bool:
    """Whether callers never reach the person outside its hours: not in the closed state, and every
    hours branch of the line follows the person's own schedule, so the branch that lets callers
    through closes with the person (a blind judge called the warning on such a `closed:` false: "the
    dead end is the branch's closed case"). A branch on other hours (the line open later than the
    team) lets callers reach the closed person, and its `closed:` matters."""
    branches = [n for n in menu.nodes.values() if n.type is NodeType.BRANCH and n.on == "hours"]
    return person.id not in closed.reachable and bool(branches) and all(b.hours == person.hours for b in branches)


def _offers_itself(menu: Menu, closed: Analysis, person: Node) -> Iterator[Problem]:
    """An after-hours menu, heard only as closed people's fallback, with an option that leads back to the
    closed person it stands in for ("for our disruption desk, open around the clock, press 1", the desk
    put on office hours): outside hours the key only replays the menu, a loop with no way out of it."""
    routed = closed.routing.get(person.closed.ref)
    if person.id in closed.to_live or person.id not in closed.reachable or routed is None or not routed.menus:
        return  # no menu on the way: nothing to offer (known without walking a chain of closed people)
    for fallback in closed.routed_from(person.closed.ref):
        node = menu.nodes.get(fallback)
        if node is None or node.type is not NodeType.MENU or not closed_fallback_menu(closed, fallback):
            continue
        for option in node.options:
            onward = [t for t, attrs in closed.edges_from(fallback)
                      if attrs["kind"] in CHOICE and attrs.get("press") == option.key]
            if onward and all(_returns_through(menu, closed, t, person.id) for t in onward):
                yield Problem(option.span, fallback,
                              f"outside hours, {quote(option.key)} ({option.label or option.key}) in {quote(fallback)} "
                              f"leads to {quote(person.id)}, which is closed and sends callers back to "
                              f"{quote(fallback)}: the key only replays the menu",
                              f"point {quote(option.key)} at a person who is there outside hours, or give "
                              f"{quote(person.id)} the hours it is offered with", state=CLOSED)


def _returns_through(menu: Menu, closed: Analysis, start: str, person: str) -> bool:
    """Whether a choice reaches the closed person with no choice left and nobody or nothing else on the way."""
    route = closed.routed_from(start)
    return person in route and not any(n != person and (n in closed.to_live or (
        (node := menu.nodes.get(n)) is not None and node.is_promise)) for n in route)


def _only_tells(menu: Menu, line: LineAnalysis, ref: str) -> str | None:
    """The main menu a `closed:` target returns to after messages only, or None."""
    passed: set[str] = set()
    while ref in menu.nodes and ref not in passed:
        passed.add(ref)
        node = menu.nodes[ref]
        if node.type is not NodeType.MESSAGE:
            return ref if node.is_menu and ref in line.opening_menus and len(passed) > 1 else None
        if node.next is None or node.next.is_builtin:
            return None
        ref = node.next.ref
    return None



def _drops_around_the_clock(closed: Analysis, day: Node, night: Node) -> Iterator[Problem]:
    """The menu an hours branch plays outside hours in place of its open-hours menu leaves out a way
    to the line's own people who work then: an option of the day menu leads, outside hours too, to an
    agent with no hours (a 24-hour fraud desk behind "to block a card, press 1", then "press 1 for the
    fraud desk"), and nothing in the night menu reaches that agent. Language choices are no way there."""
    night_reaches = _reached(closed, night.id)
    offered = {t for t, a in closed.edges_from(night.id) if a["kind"] in CHOICE}
    # A person working then on a key of the night menu (an out-of-hours partner): the designer chose who
    # answers at night; whether they serve this option's callers is theirs to say (a blind judge called the
    # warning false and harmful where the night menu put callers through to an emergency partner).
    instead = sorted(t for t in offered if t in closed.to_live)
    for option in day.options:
        if option.target is None or chooses_language(option) or option.target.ref in offered:
            continue
        lost = sorted(_agents_near(closed, option.target.ref) - night_reaches)
        if lost:
            yield Problem(night.span, night.id,
                          f"outside hours, {quote(night.id)} is played instead of {quote(day.id)} but leaves out "
                          f'"{option.key}" ({option.label or option.key}), which leads to {quote(lost[0])}, '
                          "who works around the clock: callers who need it then cannot reach it"
                          + (f"; it offers {quote(instead[0])} instead, who works then" if instead else ""),
                          f"offer {option.label or option.key} in {quote(night.id)} as well, unless "
                          f"{quote(instead[0])} serves those callers" if instead else
                          f"offer {option.label or option.key} in {quote(night.id)} as well", state=CLOSED,
                          severity=Severity.INFO if instead else None)


def _switches_language(attrs: dict) -> bool:
    option = attrs.get("option")
    return option is not None and chooses_language(option)


def _agents_near(closed: Analysis, start: str) -> set[str]:
    """The line's own agents working outside hours that a call from `start` reaches with at most one
    more choice (a submenu's key) and nothing else to pick."""
    def agents(node_id: str) -> set[str]:
        return {n for n in closed.routed_from(node_id)
                if n in closed.humans and (node := closed.nodes.get(n)) is not None and node.type is NodeType.AGENT}
    found = agents(start)
    node = closed.nodes.get(start)
    if node is not None and node.is_menu:
        for target, attrs in closed.edges_from(start):
            if attrs["kind"] in CHOICE and not _switches_language(attrs) and target != start:
                found |= agents(target)
    return found


def _reached(closed: Analysis, menu_id: str) -> set[str]:
    """Every person a call from `menu_id` can reach outside hours, without choosing another language."""
    seen, frontier = {menu_id}, [menu_id]
    while frontier:
        here = frontier.pop()
        for target, attrs in closed.edges_from(here):
            if target not in seen and not _switches_language(attrs):
                seen.add(target)
                frontier.append(target)
    return seen & closed.humans
