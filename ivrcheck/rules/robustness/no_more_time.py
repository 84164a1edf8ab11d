"""A timed answer with no warning and no way to ask for more time.

## What it checks
On a line that declares `line:` (an audited line), a menu or input with a `timeout` must,
when the caller has not answered in time, ask again (`on_timeout: repeat`, or a message
that returns to it) with at least one retry left, or hand the caller to a person. Moving a
silent caller on to something else, or ending the call, is reported. A menu or input with
no `on_timeout` at all is rule R501's.

Silence that takes the way a choice takes is the default, not a cut-off, and is not reported:
an input whose silence goes to its `next` ("Enter the policy holder's number. If you do not
have it to hand, wait and we will help you anyway"), or a menu whose silence goes where one
of its options goes ("Suomeksi paina 1 tai odota hetki"), unless that place only hangs up or
is back up the tree (a main menu, or a menu nearer the entry: the caller loses their place).

Two kinds are reported as **info**, since whether the silence was announced is in the
prompt's words, which ivrcheck does not judge here. One is silence ending the call in a menu
that winds the call up (graph/closing.py: a closing menu, or one heard only after a
self-service step did the errand: "To hear that again, press 2. If you're done, you can hang
up"; or one heard only after a message the caller chose with a key, offering nothing new, only
a person, the message again or the way back: "Si desea hablar con recepción, oprima 0. Si no,
puede colgar" after the prices); on the good lines of the trust corpus's development half blind judges called 1 of 9
such warnings true, 4 false ("silence means done") and 4 arguable. The other is silence
moving the caller on, further into the line, to a step where the call goes on ("If you don't
have it, just wait, and we'll look you up by your phone number"): 0 of 1 true, judged harmful
(more time would only delay callers who have no number).

A menu below the line's first ones whose retries end the call where its silence does (the
outage notice: "for a text when power is back, press 1"; the fee, then "press 1 for the
office") is info too: the designer closes the errand there on purpose, and blind judges called
both such warnings on the development half false or arguable ("silence means the caller is
done"). An input whose silence hangs up still warns: the caller was in the middle of keying.

Silence that sends the caller back to a main menu is info too when the prompt says that waiting
is a way on ("Please key in your membership number. If you don't have it to hand, just wait and
we'll carry on"; "Om du inte har det, vänta kvar"): the move was announced, and a blind judge
called the warning false.

Silence that ends the call in the middle of a task, or sends the caller back to a main
menu unannounced, stays a warning. An audit against Section 508 (`--profile us-508`) makes every one an
error.

## Why it matters
Callers who type slowly, use a relay service or need to find a card in their wallet run out
of time. Section 508 (36 CFR 1194.23(d), now in the revised 508 standards) asks that a
caller who must answer within a time limit be warned before it runs out and given the time
to ask for more. A repeat of the question is that warning and that time.

## Example
```yaml
entry: main
line: {country: US}
nodes:
  main:
    prompt: Enter your account number.
    type: input
    digits: 8
    timeout: 5
    on_timeout: bye
    on_invalid: repeat
    after_retries: advisor
    next: advisor
  bye: {type: hangup}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {country: US}
nodes:
  main:
    prompt: Enter your account number.
    type: input
    digits: 8
    timeout: 5
    retries: 2
    on_timeout: still_there
    on_invalid: repeat
    after_retries: advisor
    next: advisor
  still_there: {type: message, prompt: Take your time. I will ask again., next: main}
  advisor: {type: agent}
```

## Settings
None. Quiet on a line without `line:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.closing import winding_up_menu
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, ends_on_silence_by_design, quote, silence_reaches_person

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "R508"
NAME = "no-more-time"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"
_WINDS_UP = ("; the menu winds the call up (its errand is done, or it is a closing menu), so ending on "
             "silence is often the intended close")
_BY_DESIGN = ("; wrong keys end the call there too, after an answer in the menu's own prompt, so silence "
              "ending it is the designer's close of the errand")
_ANNOUNCED = "; the prompt tells callers that waiting is a way on, and the call goes on there"
_GOES_ON = "; the call goes on there, so this is the way on for callers who wait if the prompt says so"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    if menu.line is None:
        return
    for node in menu.nodes.values():
        if not node.is_interactive or node.timeout is None or node.on_timeout is None or node.id not in line.reachable:
            continue
        if _asks_again(menu, line.open, node):
            if node.retries == 0:
                yield Problem(node.span_of("retries"), node.id,
                              f"{node.type.value} {quote(node.id)} asks again after {node.timeout:g} s of silence, "
                              "but `retries: 0` ends that at once", "allow at least one retry")
            continue
        if silence_reaches_person(menu, line.open, node):
            continue
        if _way_on(node) and _onward(line.open, node) and not line.open.only_hangs_up(node.on_timeout.ref):
            continue  # silence takes the way a choice takes: the default ("Suomeksi paina 1 tai odota hetki")
        ends = any(a.only_hangs_up(node.on_timeout.ref) for a in line.states.values() if node.id in a.reachable)
        why = ""
        if ends and node.type is NodeType.MENU and winding_up_menu(line, node.id):
            why = _WINDS_UP
        elif ends and ends_on_silence_by_design(line, node):
            why = _BY_DESIGN
        elif not ends and _onward(line.open, node):
            why = _GOES_ON
        elif not ends and line.speaks(node).offers_waiting(node.prompt):
            why = _ANNOUNCED  # "If you don't have it to hand, just wait and we'll carry on"
        yield Problem(node.on_timeout.span, node.id,
                      f"a caller who has not answered {node.type.value} {quote(node.id)} within {node.timeout:g} s "
                      f"is moved on to {quote(node.on_timeout.ref)} without a warning or more time{why}",
                      "set `on_timeout: repeat`, or play a short warning that returns here",
                      severity=Severity.INFO if why else None)


def _asks_again(menu: Menu, analysis: Analysis, node: Node) -> bool:
    ref = node.on_timeout.ref if node.on_timeout is not None else ""
    return ref in ("repeat", node.id) or (ref in analysis.out and node.id in analysis.routed_from(ref))


def _way_on(node: Node) -> bool:
    """Whether silence leads where the node leads a caller anyway: an input's `next`, or one of a
    menu's options (silence picks the default, as a language choice's "or wait" does)."""
    ref = node.on_timeout.ref if node.on_timeout is not None else None
    targets = [o.target for o in node.options] + [node.next]
    return any(t is not None and t.ref == ref for t in targets)


def _onward(analysis: Analysis, node: Node) -> bool:
    """Whether silence moves the caller further into the line (not back to a main menu or a menu nearer
    the entry), where the call goes on ("If you don't have it, just wait and we'll look you up")."""
    ref = node.on_timeout.ref if node.on_timeout is not None else ""
    here, there = analysis.steps.get(node.id), analysis.steps.get(ref)
    return ref in analysis.nodes and ref not in analysis.opening_menus and \
        (there is None or here is None or there >= here)  # a step reached only by waiting is further in
