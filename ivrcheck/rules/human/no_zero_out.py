"""A menu where pressing 0 does not reach a person.

## What it checks
In each reachable menu, `0` must be bound and lead, with no further choice, to a person:
an agent or a transfer a person answers, or outside hours a callback or voicemail. The rule
reasons per schedule state: it fires when `0` is not bound at all in a menu callers meet
in that state, or when `0` is aimed at a person who is not there in that state and whose
`closed:` route offers nothing instead (a closed queue that hangs up). A `0` bound to
something else entirely is H204's business, so the two never fire on one key. Outside
hours, a `0` that books a callback or leaves a voicemail (directly, or through the
agent's `closed:` target) is the right design and passes both.

What counts as "something instead" is read from the graph: the menus a closed person's
`closed:` route lands in, with no choice of the caller's own, offer someone in one announced
step: a key to a callback, a voicemail or a person still working (a 24-hour helpline), or
waiting for a person when the prompt says to stay on the line. A `closed:` menu whose only
choices lead back into the line, or whose callback the prompt never offers, is reported; when
the closed route leads back into the menus above the person, the finding names that loop
("agent" -> "closed_menu" -> "main") and where the callback or voicemail belongs.

A menu without `0` that already offers someone in one announced step (the hold menu a `0`
lands in, whose callers reach a person by waiting, as its prompt says or may say: it speaks
of waiting, "You are in the queue", in words not read as saying so; outside hours, a closed menu with a
24-hour helpline on another key, or a callback or voicemail when nobody works then) gets an
**info**, not a warning: nobody is stranded, though binding `0` to the same place too helps callers who
press 0 by habit. So does a menu past the first ones, in any state, that has an announced key
reaching a person working then ("If it's still not working, press 2 and we'll put you through
to a technician") and whose `after_retries` hands a lost caller to a person as well: whoever is
stuck there reaches someone by a key or by failing. So does such a menu whose every announced
choice that goes on, rather than back (to the first menus, a menu above, or a replay of what
was just heard), reaches a person working then: a receipt that says "if you see purchases you
don't recognise, press 1 for the fraud team; otherwise you can hang up". Blind judges called
all such warnings on the trust corpus's development half arguable ("0 working too would be a
nicety"), while a menu whose keys and retries all go round ("no 0 and no way to a person")
stays a warning. Outside hours, a way on that lands with no choice of its own in a closed
person's `closed:` menu offering a callback counts as reaching someone. The first menus callers
meet (with no choice made, or only a choice of language) teach the key: there only a menu whose
every announced way on reaches a person is excused (info), as blind judges of the trust corpus
called such warnings on good lines arguable or false ("both options end with a person; 0 is not
needed"), while a main menu with a specialist on one key and self-service on the others still
warns (a planted defect: "0 is not offered in the main menu"). A greeting a caller may let pass
(silence and wrong keys go on to the line proper, or it only offers other languages) is not
reported: a 0 pressed there goes on to the menus behind it.
So does any menu past the first ones whose `after_retries` reaches someone in that state (a
person working then; outside hours a closed person's menu offering a callback): a caller lost
there reaches a person by failing. On corpus-h, written blind, judges called all six such
warnings arguable ("two wrong keys fall to a person; a 0 would be a nicety"). Outside hours, a
menu with an announced key to a person still working (the 24-hour midwife on 2, after a
callback on 1) offers that person. A closing menu without `0` (heard only once the errand is done: "Anything else? For the main
menu, press 1. Otherwise you can hang up", or after a self-service step; graph/closing.py
decides) gets an info too: the caller is not in the middle of a task, and whoever has another
question goes back to the main menu, which teaches 0.

A short menu (at most two choices that go on) with an announced key that puts callers straight
through to a person working then (nothing asked on the way: "For everything else, press 2 and
you'll talk to us") gets an info too, when that key serves every caller (its label asks for a
person or names the rest: "Prata med personalen", "Muut asiat") or the menu's retries reach a
person as well: the whole menu is heard in seconds (blind judges of the trust corpus called such
warnings false). A key that serves one errand ("To book or move an appointment, press 2 and a
member of staff will help you") in a menu whose retries hang up still warns (a planted defect:
"a caller who needs something else has no way to a person"), and so does a key whose person
comes only after an input ("Check a claim" -> claim number -> agent). A first menu whose silence
and retries both put callers through to a person working then is an info as well. A prompt in a
language ivrcheck does not read may announce its keys: the doubt makes such a menu an info. In
opening hours, a menu past the first ones whose every announced way on reaches a person working
then or books a callback ("If you manage a fleet, press 1. To install chargers, press 2", both a
call from a business manager) is an info too: whatever the caller picks, someone answers or calls.

A menu whose `on_invalid` puts any key it does not bind straight through to a person (a
"we'll now connect you" step before a 24-hour desk) is not reported at all: 0 reaches a person
there. A menu where a wrong key replays the menu still is.
When the first menu callers meet teaches `0` for a person on duty in that
state (a 24-hour operator), a closed menu that offers only a callback or voicemail is still
a **warning**: 0 should reach that person here too. A menu that only asks for a language and
moves callers who wait on to the default language's menu is not reported: `0` belongs to the
menus behind it, where a person speaks the caller's language.

## Why it matters
"Press 0 for an operator" is the convention callers know from decades of phone systems and
try first when lost (the GetHuman standard's "zero-out" rule; ETSI and ISO/IEC 13714 list a
consistent key for help). A menu where 0 does nothing, or hangs up out of hours, strands
exactly the callers who most need help.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.journey import Landing, leads_back, offered_on_landing
from ivrcheck.findings import Finding, Fix, Problem, Severity, Span
from ivrcheck.graph.build import CHOICE, CLOSED
from ivrcheck.graph.closing import after_service_menu, closed_fallback_menu, closing_menu
from ivrcheck.model import Menu, Node, NodeType, Option
from ivrcheck.rules.base import (Settings, aims_at_person, asks_for_person, chooses_language, holding_states,
                                 line_person, quote)
from ivrcheck.rules.edits import Source, add_option, append_sentence

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H203"
NAME = "no-zero-out"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"
#: A menu with at most this many choices that go on is heard whole in a few seconds: a key in it that
#: puts callers through to a person is as quick to find as 0 would be.
SHORT = 2


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    holds = {a.state: _holds(line, a) for a in line.states.values()}
    for node in line.menus:
        zero = next((o for o in node.options if o.key == "0"), None)
        if zero is not None and not aims_at_person(menu, line, node.id, zero):
            continue  # bound to something other than a person: H204
        if zero is None:
            if not menu.lets_pass(node):  # a greeting callers let pass: 0 belongs to the menus behind
                yield from _unbound(line, node.id, node.span, holds)
            continue
        target = zero.target.ref if zero.target else None

        def fails(analysis: Analysis, node_id: str = node.id, to: str | None = target) -> bool:
            return (node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")
                    and (to is None or offered_on_landing(line, analysis, to) is None))

        for state in holding_states(line, fails):
            yield _closed_zero(line, node.id, zero.span, target, state)


def _closed_zero(line: LineAnalysis, node_id: str, span: Span, target: str | None, state: str | None) -> Problem:
    """A "0" aimed at a person who is closed and offers nothing instead; the loop back into the
    menus named when that is where the closed route goes."""
    named = quote(target) if target else "it"
    person = line.menu.nodes.get(target) if target else None
    loop = leads_back(line.states[CLOSED], person) if person is not None and CLOSED in line.states else None
    if loop is None:
        return Problem(span, node_id, f'"0" in menu {quote(node_id)} reaches no person outside hours: '
                       f"{named} is closed and offers nothing instead",
                       f"give {named} a `closed` target that offers a callback or voicemail", state=state)
    fix = (f"give {quote(loop[-2])} a callback or voicemail option, or a line staffed around the clock"
           if len(loop) > 2 else f"point `closed:` of {named} at a callback or voicemail")
    return Problem(span, node_id, f'"0" in menu {quote(node_id)} reaches no person outside hours: {named} is '
                   f"closed and only leads back into the menu ({' -> '.join(quote(n) for n in loop)})", fix, state=state)


def _errand_done(line: LineAnalysis, analysis: Analysis, node_id: str) -> bool:
    """Whether callers hear the menu only once their errand is done: after a self-service step, or a
    closing menu ("Anything else? ... otherwise hang up") that is not a closed person's fallback (one
    whose only way is back to the main menu leaves a caller who wanted someone with nothing)."""
    return after_service_menu(analysis, node_id) or (
        closing_menu(line, analysis, node_id) and not closed_fallback_menu(analysis, node_id))


def _holds(line: LineAnalysis, analysis: Analysis) -> frozenset[str]:
    """Hold menus: where a "0" lands (through a branch, say) whose callers reach a person by waiting,
    as the prompt says, or may say in words not read as saying it (it speaks of waiting: "queue")."""
    found = set()
    for node in line.menus:
        zero = next((o for o in node.options if o.key == "0" and o.target is not None), None)
        landing = offered_on_landing(line, analysis, zero.target.ref, unannounced=True) if zero is not None else None
        hold = analysis.nodes.get(landing.menu) if landing is not None and landing.key == "timeout" else None
        if hold is not None and (line.clock.offers_waiting(hold.prompt)
                                 or line.speaks(hold).prompt_words.mentions_waiting(hold.prompt)):
            found.add(hold.id)
    return frozenset(found)


def _stands_in(line: LineAnalysis, analysis: Analysis, node_id: str, holds: frozenset[str]) -> Landing | None:
    """What the menu offers in one step that stands in for a 0: in a hold menu, the person
    callers reach by waiting; outside hours, a person, or a promise unless the first menu
    callers meet teaches 0 for a person on duty then (a 24-hour operator: 0 should reach them here too)."""
    keyed = (_person_on_a_key(line, analysis, node_id) or _lost_callers_reach(line, analysis, node_id)
             or _someone_on_every_key(line, analysis, node_id))
    if keyed is not None:
        return keyed
    if analysis.state == CLOSED:  # a person still working, on an announced key, before any promise
        node = analysis.nodes.get(node_id)
        live = next(((t, a) for t, a in analysis.edges_from(node_id) if a["kind"] in CHOICE and t != node_id
                     and t in analysis.to_live and line.clock.announced(node, a)), None)
        if live is not None:
            return Landing(node_id, str(live[1].get("press")), live[0])
    offered = offered_on_landing(line, analysis, node_id, unannounced=node_id in holds)
    if offered is None or (analysis.state != CLOSED and node_id not in holds):
        return None
    if offered.node in analysis.humans:
        return offered
    taught = any(analysis.option_reaches_human(m, "0", live_only=True) for m in analysis.opening_menus)
    return None if taught else offered


def _lost_callers_reach(line: LineAnalysis, analysis: Analysis, node_id: str) -> Landing | None:
    """In a menu past the first ones (or a first one whose silence puts callers through to a person),
    the someone a lost caller reaches by failing: its `after_retries` reaches a person working then (outside hours, a closed person's menu offering a callback). Blind
    judges called every such warning on the trust corpus's development half arguable ("two wrong keys
    fall to a person; a 0 would be a nicety"): the first menus teach the key, here it is a habit's help."""
    node = analysis.nodes.get(node_id)
    if node is None or node.after_retries is None:
        return None
    if node_id in _first_menus(analysis) and not _silence_reaches(line, analysis, node):
        return None  # the first menus teach the key, unless waiting there puts callers through as well
    target = node.after_retries.ref
    return Landing(node_id, "retries", target) if target in analysis.nodes and _reaches(line, analysis, target) else None


def _silence_reaches(line: LineAnalysis, analysis: Analysis, node: Node) -> bool:
    """Whether a caller who says nothing in `node` is put through to a person working then, with no
    choice left: with the retries reaching one too, whoever presses 0 by habit or nothing at all is
    answered (a blind judge called the warning arguable on a road-rescue line whose silence and first
    key both reach the 24-hour duty desk)."""
    return node.on_timeout is not None and node.on_timeout.ref in analysis.to_live


def _person_on_a_key(line: LineAnalysis, analysis: Analysis, node_id: str) -> Landing | None:
    """In a menu, an announced key that reaches a person working in this state
    with no further choice, where that is enough to stand in for 0: the menu's `after_retries` hands
    a lost caller to a person too ("If it's still not working, press 2 and we'll put you through to
    a technician"), or every announced choice that goes on rather than back reaches one ("If you've
    seen purchases you don't recognise, press 1 for the fraud team; otherwise you can hang up").
    In the first menus callers meet, which teach the key, only the second is enough."""
    node = analysis.nodes.get(node_id)
    if node is None:
        return None
    onward = [(target, attrs) for target, attrs in analysis.edges_from(node_id)
              if attrs["kind"] in CHOICE and attrs.get("press") != "0" and not _goes_back(analysis, node_id, target)]
    # A prompt in words ivrcheck does not read may announce the key: the doubt goes to the menu (an info).
    keyed = [(t, a) for t, a in onward if _reaches(line, analysis, t)
             and (line.clock.announced(node, a) or line.clock.maybe(node, a))]
    if not keyed:
        return None
    retries_to_person = node.after_retries is not None and _reaches(line, analysis, node.after_retries.ref)
    # The first menus teach the key: there only a menu whose every way on reaches a person is excused.
    first = node_id in _first_menus(analysis)
    if (retries_to_person and not first) or len(keyed) == len(onward):
        target, attrs = keyed[0]
        return Landing(node_id, str(attrs.get("press")), target)
    through = next(((t, a) for t, a in keyed if _puts_through(analysis, t)
                    and (retries_to_person or _for_anyone(line, node, a.get("option")))), None)
    if len(onward) <= SHORT and through is not None:
        return Landing(node_id, str(through[1].get("press")), through[0])
    return None


def _for_anyone(line: LineAnalysis, node: Node, option: Option | None) -> bool:
    """Whether a key is offered to every caller, not to one errand: its label asks for a person ("Talk
    to us") or names the rest ("För allt annat"). "Book or move, press 2 and a member of staff will
    help you" is one errand: a caller with another question still needs 0 (a planted defect)."""
    if option is None:
        return False
    words = line.speaks(node).label_words
    return asks_for_person(option, line) or any(words.names_the_rest(p) for p in (option.label, *option.say) if p)


def _puts_through(analysis: Analysis, target: str) -> bool:
    """Whether a key puts the caller straight through to a person working then: what follows with no
    choice asks for nothing on the way (a note before the transfer at most), so the key is the way
    to someone itself, not an errand that may end with one ("Check a claim" -> claim number -> agent)."""
    summary = analysis.routing.get(target)
    return target in analysis.to_live and (summary is None or not summary.asks)


def _someone_on_every_key(line: LineAnalysis, analysis: Analysis, node_id: str) -> Landing | None:
    """In a menu past the first ones, a callback or a person working then behind every announced choice
    that goes on ("If you manage a fleet, press 1. To install chargers, press 2", both booking a call
    from a business manager): whatever the caller picks, someone answers or calls back. Blind judges
    called such warnings arguable ("a callback-only business menu; 0 would be a nicety")."""
    node = analysis.nodes.get(node_id)
    if node is None or analysis.state == CLOSED or node_id in _first_menus(analysis):
        return None  # outside hours a callback is judged by what the first menus teach (_stands_in)
    onward = [(t, a) for t, a in analysis.edges_from(node_id)
              if a["kind"] in CHOICE and a.get("press") != "0" and not _goes_back(analysis, node_id, t)]
    if not onward or not all(line.clock.announced(node, a) and (_reaches(line, analysis, t) or _calls_back(analysis, t))
                             for t, a in onward):
        return None
    return Landing(node_id, str(onward[0][1].get("press")), onward[0][0])


def _calls_back(analysis: Analysis, target: str) -> bool:
    """Whether a choice books a callback with no further choice: a person will call the caller."""
    return any((n := analysis.nodes.get(m)) is not None and n.type is NodeType.CALLBACK for m in analysis.routed_from(target))


def _reaches(line: LineAnalysis, analysis: Analysis, target: str) -> bool:
    """Whether a call from `target` reaches someone with no choice of its own: a person working in
    this state, or outside hours a closed person's `closed:` menu that offers a callback, a voicemail
    or a 24-hour person in one announced step."""
    if target in analysis.to_live:
        return True
    node = analysis.nodes.get(target)
    return (analysis.state == CLOSED and node is not None and not node.is_menu
            and offered_on_landing(line, analysis, target) is not None)


def _first_menus(analysis: Analysis) -> frozenset[str]:
    """The menus a call meets first: with no choice made, or with only a choice of language (the
    Finnish main menu behind "Suomeksi, paina 1", through an input that asks who is calling)."""
    found = set(analysis.opening_menus)
    for menu_id in analysis.opening_menus:
        node = analysis.nodes.get(menu_id)
        for option in node.options if node is not None else ():
            if chooses_language(option) and option.target is not None:
                found.update(n for n in analysis.routed_from(option.target.ref)
                             if (m := analysis.nodes.get(n)) is not None and m.is_menu)
    return frozenset(found)


def _goes_back(analysis: Analysis, node_id: str, target: str) -> bool:
    """A choice that takes the caller back rather than on: to the first menus, to a menu above this
    one, or to something that returns here with no choice (a replay of what was just heard)."""
    return (target == node_id or target in analysis.opening_menus
            or analysis.entry_tree.is_ancestor(target, node_id) or analysis.routes_to_menu(target, node_id))


def _any_key_reaches(analysis: Analysis, node_id: str) -> bool:
    """Whether a key the menu does not bind (0 among them) puts the caller straight through to
    someone: its `on_invalid` reaches a person, or outside hours a promise, with no further choice."""
    return any(attrs["kind"] == "invalid" and target in analysis.to_human
               for target, attrs in analysis.edges_from(node_id))


def _unbound(line: LineAnalysis, node_id: str, span: Span, holds: dict[str, frozenset[str]]) -> Iterator[Problem]:
    """A menu with no "0": a warning, except where the menu itself already offers someone in one
    announced step (an info then): callers who wait reach a person (a hold menu behind a 0), or, outside
    hours when nobody is there, another key books a callback or reaches a 24-hour person."""
    def stranded(a: Analysis) -> bool:
        return node_id in a.reachable and not a.option_reaches_human(node_id, "0") and not _any_key_reaches(a, node_id)

    for state in holding_states(line, stranded):
        analyses = [line.states[state]] if state else list(line.states.values())
        offers = [_stands_in(line, a, node_id, holds[a.state]) for a in analyses]
        offered = offers[0] if all(offers) else None
        if offered is None and all(_errand_done(line, a, node_id) for a in analyses):
            yield Problem(span, node_id, f'pressing "0" in menu {quote(node_id)} does nothing; callers hear '
                          "this menu only once their errand is done (a closing menu)",
                          'bind "0" to a person too, for callers who have another question', state=state,
                          severity=Severity.INFO)
            continue
        if offered is None:
            where = "a callback or voicemail, since no person works then" if state == CLOSED else "an `agent`"
            yield Problem(span, node_id, f'pressing "0" in menu {quote(node_id)} does nothing',
                          f'bind "0" to {where}, and say so in the prompt', state=state)
            continue
        how = {"timeout": "to callers who wait", "retries": "to callers who fail here (`after_retries`)"}.get(
            offered.key, f'on "{offered.key}"')
        when = " outside hours" if state == CLOSED else ""
        yield Problem(span, node_id, f'pressing "0" in menu {quote(node_id)} does nothing;{when} '
                      f"the menu offers {quote(offered.node)} {how}",
                      f'bind "0" to {quote(offered.node)} too, for callers who press 0 by habit',
                      state=state, severity=Severity.INFO)

def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Bind "0" to the person the line's other menus already send "0" to, with their label, and
    announce it; only when the menu has no "0" at all and such a person exists."""
    node = menu.nodes.get(finding.node_id or "")
    if node is None or finding.state is not None or any(o.key == "0" for o in node.options):
        return None
    person = line_person(menu, line)
    if person is None:
        return None
    target, label = person
    option = add_option(source, node, "0", label, target)
    announce = append_sentence(source, node, line.speaks(node).offer_example(label, "0"))
    if option is None or announce is None:
        return None
    return Fix(f'bind "0" to {quote(target)} and announce it', (announce, option))

