"""An emergency option offered after the routine ones, or put behind a question.

## What it checks
An option is for an emergency when its label or one of its `say:` phrases names one in the
line's language: a word of the lexicon's emergencies topic ("Smell of gas", "Gas emergency",
"Urgent fault", "Hätätilanne"; see docs/languages.md for the lexicons that have it). In each
reachable menu such an option is reported when more than one other task option is offered
before it (by the order of the prompt's offers, else of the keys), so a caller in danger sits
through the routine errands first; and when the call it starts asks the caller for digits
(an `input`) before anyone answers, so a caller who smells gas is asked for a number printed
on a bill they do not have to hand.

Advice to hang up and call an emergency number ("If you need urgent medical help, hang up
and dial 999", "Hätätilanteessa soita 112") is reported when the prompt gives it only after
more than `max_before_advice` (2) routine options. On the trust corpus's dev half the good
lines give it first, or after at most two options of a short after-hours menu; the three
planted moves of it to the end of a prompt (after four routine options each) are found.

An emergency option offered first or second (a language choice, the main menu and `0` are
not counted) and one that connects at once are not reported; nor is an option whose words
name an emergency but whose call only plays information and comes back to its menu or ends
("To hear how emergency credit works, press 3"): no help is behind it, and moving it up would
push the real urgent route (here "no gas or electricity, press 1") down. A blind judge called
the one such warning on the trust corpus's development half false and harmful; neither is advice to call an
emergency number (P404 keeps that out of the prompt's length), which is no option.

Nor is an option whose call, with no choice left, only runs a self-service step ("Emergency
talktime", a credit advance lent by keypad) and reaches no person, promise or menu: the word names
an emergency, the option sells a routine product.

A late emergency option in a menu whose prompt tells a caller in danger what to do before it
offers any key ("If anyone is in danger, hang up and call 112. For ...") is **info**: that
caller has already heard the advice, and blind judges of the trust corpus called three such
warnings on good lines false or arguable.

An emergency option that goes where a routine option of the same menu goes ("Billing", "Moving
house" and "Emergency contacts" all to the account-number input) is **info** too, for both the
late offer and the question before a person: help in an emergency has a route of its own, and one
that shares the errands' route is an errand about emergencies (updating the people an alarm
calls). Blind judges called both such warnings on the trust corpus's development half false and
harmful; every true H215 finding there, and every planted H215 defect found, has a route of its
own. Sharing a route with another emergency option (gas and carbon monoxide to one controller)
still warns.

## Why it matters
Gas, water and power networks, and health lines, put the emergency route first and
straight through: Ofgem's licence conditions require gas networks to answer emergency calls
at once, and the NHS and utility guidance the lexicon cites asks for the urgent choice to come
before any routine one. Every second spent on a meter-reading option or a customer-number
prompt is a second of a leak or an outage.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      To give a meter reading, press 1. About your bill, press 2. About a new connection,
      press 3. If you can smell gas, press 4.
    options:
      "1": {label: Give a meter reading, goto: reading}
      "2": {label: Your bill, goto: billing}
      "3": {label: New connection, goto: billing}
      "4": {label: Smell of gas, goto: gprn}
  gprn: {type: input, prompt: Key in your seven-digit GPRN., digits: 7, next: controller}
  reading: {type: self_service}
  billing: {type: agent}
  controller: {type: transfer, human: true, number: "+353 1800 20 50 50"}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      If you can smell gas, press 1. To give a meter reading, press 2. About your bill,
      press 3. About a new connection, press 4.
    options:
      "1": {label: Smell of gas, goto: controller}
      "2": {label: Give a meter reading, goto: reading}
      "3": {label: Your bill, goto: billing}
      "4": {label: New connection, goto: billing}
  reading: {type: self_service}
  billing: {type: agent}
  controller: {type: transfer, human: true, number: "+353 1800 20 50 50"}
```

## Settings
- `max_before` (default 1): how many other task options may be offered before it.
- `max_before_advice` (default 2): how many task options the prompt may offer before its
  advice to call an emergency number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language.prompts import emergency_advice
from ivrcheck.model import UNIVERSAL_KEYS, Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, chooses_language, quote, universal_function

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language.labels import LabelWords

CODE = "H215"
NAME = "emergency-delayed"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_before": 1, "max_before_advice": 2}
PART = "human_access"
READS_WORDS = True

TOPIC = "emergencies"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    most = int(settings["max_before"])
    for node in line.menus:
        if node.id not in line.reachable:
            continue
        yield from _advice_late(node, line, int(settings["max_before_advice"]))
        words = line.speaks(node).label_words
        urgent = [o for o in node.options if _urgent(o, words) and not _only_tells(menu, node, o)
                  and not _self_served(line, o)]
        if not urgent:
            continue
        order = _offered(node, line)
        for option in urgent:
            before = [o for o in order[: order.index(option)] if _task(node, o, line) and not _urgent(o, words)]
            shared = _routine_route(node, option, words)
            aside = (f"; but it goes where routine option {quote(shared)} goes, so it may be an errand about "
                     "emergencies (updating the people an alarm calls), not help for one") if shared else ""
            if len(before) > most:
                yield Problem(option.span, node.id,
                              f"emergency option {quote(option.key)} ({option.label or option.key}) in {quote(node.id)} "
                              f"is offered after {len(before)} routine options, so a caller in danger hears them first"
                              + aside, f"offer {quote(option.label or option.key)} first",
                              severity=Severity.INFO if shared or _advised_first(node, line) else None)
            asked = _asks_first(menu, option)
            if asked is not None:
                yield Problem(option.span, node.id,
                              f"emergency option {quote(option.key)} ({option.label or option.key}) in {quote(node.id)} "
                              f"asks for digits at input {quote(asked)} before anyone answers" + aside,
                              f"connect {quote(option.label or option.key)} straight to a person; ask for details "
                              "there, or after", severity=Severity.INFO if shared else None)


def _routine_route(node: Node, option: Option, words: LabelWords) -> str | None:
    """The key of a routine option of the same menu that goes where this emergency option goes:
    "Billing", "Moving house" and "Emergency contacts" all to the account-number input. Help in an
    emergency has a route of its own; an option that shares the errands' route is an errand about
    emergencies (the list of people an alarm calls), as blind judges called both such warnings."""
    target = option.target
    if target is None or target.is_builtin:
        return None
    return next((o.key for o in node.options if o is not option and o.target is not None and not o.target.is_builtin
                 and o.target.ref == target.ref and not _urgent(o, words) and not chooses_language(o)), None)


def _advised_first(node: Node, line: LineAnalysis) -> bool:
    """Whether the prompt tells a caller in danger what to do before it offers any key ("If anyone
    is in danger, hang up and call 112. For ..."): the late emergency option then only informs,
    as blind judges of the trust corpus called such warnings false or arguable."""
    advice = emergency_advice(node.prompt or "")
    if not advice or node.prompt is None:
        return False
    at = node.prompt.find(advice[0].strip())
    offers = line.speaks(node).offers(node.prompt)
    return at >= 0 and (not offers or at < offers[0].start)


def _advice_late(node: Node, line: LineAnalysis, most: int) -> Iterator[Problem]:
    """Advice to hang up and call an emergency number that the prompt gives only after more than
    `most` routine options: a caller in danger hears the errands first, or presses a key and never
    hears it at all."""
    advice = emergency_advice(node.prompt or "")
    if not advice or node.prompt is None:
        return
    at = node.prompt.find(advice[0].strip())
    spoken = {o.key for o in line.speaks(node).offers(node.prompt) if o.start < at}
    before = [o for o in node.options if o.key in spoken and _task(node, o, line)]
    if len(before) > most:
        yield Problem(node.prompt_span or node.span, node.id,
                      f"the emergency advice {quote(advice[0].strip())} in {quote(node.id)} comes after "
                      f"{len(before)} routine options, so a caller in danger hears them first",
                      "give the advice first, before the options")


def _urgent(option: Option, words: LabelWords) -> bool:
    lexicon = words.lexicon
    concepts = {c for phrase in (option.label, *option.say) if phrase for u in words.units(phrase) for c in u.concepts}
    return TOPIC in lexicon.topics(concepts | lexicon.broader(concepts))


def _task(node: Node, option: Option, line: LineAnalysis) -> bool:
    """A routine choice: not a language, not a navigation key doing its usual job."""
    if chooses_language(option) or not option.is_dtmf:
        return False
    return option.key not in UNIVERSAL_KEYS or universal_function(node, option, line) is None


def _offered(node: Node, line: LineAnalysis) -> list[Option]:
    """The options in the order the prompt offers them, then any it does not, in key order."""
    by_key = {o.key: o for o in node.options}
    spoken = [by_key[o.key] for o in line.language.offers(node.prompt) if o.key in by_key]
    seen = {o.key for o in spoken}
    return list(dict.fromkeys(spoken)) + [o for o in node.options if o.key not in seen]


def _only_tells(menu: Menu, node: Node, option: Option) -> bool:
    """Whether the option only plays information, through messages, and then comes back to its own
    menu or ends the call: "To hear how emergency credit works, press 3". Its words name an emergency,
    but no help is behind it; the route a caller in danger takes is another."""
    ref = option.target.ref if option.target is not None and not option.target.is_builtin else None
    if ref is None or ref not in menu.nodes or menu.nodes[ref].type is not NodeType.MESSAGE:
        return False
    passed: set[str] = set()
    while ref is not None and ref in menu.nodes and ref not in passed:
        passed.add(ref)
        step = menu.nodes[ref]
        if step.type is NodeType.HANGUP or ref == node.id:
            return True
        if step.type is not NodeType.MESSAGE:
            return False
        if step.next is None:
            return True
        ref = None if step.next.is_builtin else step.next.ref
    return False


def _self_served(line: LineAnalysis, option: Option) -> bool:
    """Whether the option's call, with no choice left, only runs a self-service step and ends or
    plays on, reaching no person, promise or menu: "Emergency talktime" lends credit by keypad. Its
    words name an emergency, but it is a routine product (a blind judge called the warning false:
    "a small credit advance when the balance is low, not help for someone in danger")."""
    ref = option.target.ref if option.target is not None and not option.target.is_builtin else None
    if ref is None or ref not in line.open.out:
        return False
    route = [line.menu.nodes.get(n) for n in line.open.routed_from(ref)]
    return any(n is not None and n.type is NodeType.SELF_SERVICE for n in route) and all(
        n is not None and n.type in (NodeType.SELF_SERVICE, NodeType.MESSAGE, NodeType.HANGUP) for n in route)


def _asks_first(menu: Menu, option: Option) -> str | None:
    """The input the option's call meets, with no choice, before a person, if it meets one."""
    ref = option.target.ref if option.target is not None and not option.target.is_builtin else None
    passed: set[str] = set()
    while ref is not None and ref in menu.nodes and ref not in passed:
        passed.add(ref)
        node = menu.nodes[ref]
        if node.type is NodeType.INPUT:
            return node.id
        if node.type is not NodeType.MESSAGE or node.next is None or node.next.is_builtin:
            return None
        ref = node.next.ref
    return None
