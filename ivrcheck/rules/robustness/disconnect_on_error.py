"""Running out of retries hangs up instead of reaching a person.

## What it checks
For every reachable menu and input: when `retries` run out, the call goes to
`after_retries` (itself or from `defaults`). Without one, platforms drop the call; with
one that leads, with no choice left to the caller, only to a hang-up, the call is dropped
too. Checked in each schedule state (an `after_retries` to a queue whose closed target
hangs up fails outside hours only). The same holds, sooner, for `on_invalid`: a first
wrong key that leads only to a goodbye and a hang-up drops a caller who has not even used
their retries ("on_invalid: goodbye" in a claims menu). A silent caller cut off at once
(`on_timeout`) is R508's on an audited line.

Not reported where no caller is in the middle of a task (graph/closing.py decides, from the
graph, in every state the menu is heard in): a closing menu ("Anything else? For the main
menu, press 1. Otherwise you can hang up"), a menu heard only after a self-service step has
done the errand ("Your refill is ordered. To refill another, press 1. If you're done, you can
hang up"), and an after-hours menu reached only as a closed person's `closed:` fallback with
none of the line's own staff (an `agent`) left to reach (it offers a callback, a message or a
transfer to an outside helpline such as 1177; there is no person of the line to send the
caller to). A key that plays the information again and comes back to the menu ("To hear
this again, press star", through the message that led here) is a repeat, not a task.
Inputs, main menus and menus in the middle of a task are always checked.

An after-hours menu heard only as a closed person's fallback that still offers one of the
line's own people (a 24-hour desk beside the callback) is reported as **info**: the caller
has been told who is away and what is left, so a goodbye after failed tries there is harsh,
not a task cut short. On the trust corpus's development half, blind judges called all six
such warnings false or arguable ("after two failed tries a goodbye is reasonable; the 24-hour
desk and callback were offered"), while every planted hang-up they called true was in a menu
or input in the middle of a task; those stay warnings. So is one whose hang-up comes after a
message sending callers to a channel open around the clock ("current delays are always shown in
the app and on the web"), read as H205 reads the same closed route: the caller is not left with
nothing (a blind judge called the one such warning on the development half arguable). And so
is a menu below the line's first ones whose own `on_timeout` goes where its `after_retries`
goes: the designer ends the call on silence there on purpose, the errand done ("We know about
the outage in your area; for a text when power is back, press 1. Otherwise you can hang up.";
the fee, then "press 1 for the office"), so two wrong keys ending it too is harsh, not a task
cut short. An input, a first menu, and a menu whose silent callers are kept (`on_timeout:
repeat`, or from `defaults`) still warn.

## Why it matters
A caller who has failed several times is the one who most needs a person. Cutting them
off punishes confusion and sends them to call again, angrier (GetHuman standard: "never
disconnect a caller who has made an error"; ISO/IEC 13714 asks for escalation to human
help after repeated errors).

## Example
```yaml
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Callable, Iterator

from ivrcheck.findings import Finding, Fix, Problem, Severity
from ivrcheck.graph.closing import closed_fallback_menu, winding_up_menu
from ivrcheck.graph.build import CLOSED
from ivrcheck.graph.walks import descendants
from ivrcheck.model import Menu, Node
from ivrcheck.rules.base import Settings, ends_on_silence_by_design, line_person, quote, sends_elsewhere
from ivrcheck.rules.edits import Source, field_fix

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R503"
NAME = "disconnect-on-error"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"
_HELP = "add `after_retries:` pointing at an `agent` (here or under `defaults:`)"
_AFTER_HOURS = (" (an after-hours menu, heard only as a closed person's fallback: the caller was told what is left,"
                " so this is harsh rather than a task cut short)")
_NOBODY = " (an after-hours menu, heard only when nobody works: harsh rather than a task cut short)"
_DONE = " (its silent callers go there too, so the errand ends here by design: harsh rather than a task cut short)"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    # Most menus share one `after_retries` (from `defaults`): follow each target once.
    ends = cache(lambda state, ref: line.states[state].only_hangs_up(ref))

    def hangs_up(ref: str, node_id: str) -> list[str | None]:
        """The states in which the menu is heard and `ref` only hangs up (a menu an hours branch
        plays in open hours only is not judged by where its retries would go when closed); [None]
        when that is every state the menu is heard in."""
        heard = [a.state for a in line.states.values() if node_id in a.reachable]
        failing = [state for state in heard if ends(state, ref)]
        return [None] if failing and len(failing) == len(heard) else failing

    for node in menu.nodes.values():
        if not node.is_interactive or node.id not in line.reachable:
            continue
        target = node.after_retries
        if target is None:
            yield Problem(node.span, node.id, f"callers who run out of retries in {quote(node.id)} are disconnected",
                          _HELP)
        if winding_up_menu(line, node.id):
            continue  # no task is cut short: a goodbye after silence or wrong keys is the intended end
        yield from _first_error(menu, node, hangs_up)
        if target is None or target.is_builtin or target.ref not in menu.nodes:
            continue  # `repeat`/`back` keep the caller; undefined targets are S101's
        states = hangs_up(target.ref, node.id)
        closed_only = bool(states) and _closed_fallback(line, node.id)
        nobody = bool(states) and not closed_only and _nobody_then(line, node.id)
        done = bool(states) and not closed_only and not nobody and ends_on_silence_by_design(line, node)
        for state in states:
            elsewhere = _elsewhere(line, state, target.ref)
            yield Problem(target.span if target.span.line else node.span, node.id,
                          f"callers who run out of retries in {quote(node.id)} go to {quote(target.ref)}, "
                          "which hangs up" + (_AFTER_HOURS if closed_only else _NOBODY if nobody else _DONE if done
                                              else "")
                          + (f"; on the way it points them to a channel open around the clock ({quote(elsewhere)})"
                             if elsewhere else ""), _HELP, state=state,
                          severity=Severity.INFO if closed_only or nobody or done or elsewhere else None)


def _elsewhere(line: LineAnalysis, state: str | None, start: str) -> str | None:
    """A message on the way to the hang-up that sends callers to a channel open around the clock ("delays
    are always shown in the app"), in every state named (all when None): the caller is not left with
    nothing, as H205 reads the same closed route."""
    found = None
    for analysis in ([line.states[state]] if state else line.states.values()):
        found = sends_elsewhere(line, analysis, start)
        if found is None:
            return None
    return found


def _nobody_then(line: LineAnalysis, node_id: str) -> bool:
    """Whether a menu is heard only outside hours, with nobody working then whom it could lead to (the
    after-hours menu that gave the hours, the web address and a callback key): a goodbye after failed
    tries is harsh there, not a task cut short (blind judges called three such warnings false)."""
    closed = line.states.get(CLOSED)
    if closed is None or node_id not in closed.reachable or node_id in line.open.reachable:
        return False
    return closed.humans.isdisjoint(descendants(closed.out, node_id))


def _closed_fallback(line: LineAnalysis, node_id: str) -> bool:
    """Whether a menu is, in every state it is heard in, only a closed person's fallback: its caller has
    been told who is away and offered what is left, so a goodbye after failed tries is harsh, not a cut task."""
    heard = [a for a in line.states.values() if node_id in a.reachable]
    return bool(heard) and all(closed_fallback_menu(a, node_id) for a in heard)


def _first_error(menu: Menu, node: Node, hangs_up: Callable[[str, str], list[str | None]]) -> Iterator[Problem]:
    """A first wrong key that goes, with no choice left, only to a hang-up."""
    target = node.on_invalid
    if target is None or target.is_builtin or target.ref not in menu.nodes or \
            (node.after_retries is not None and target.ref == node.after_retries.ref):
        return  # the same place as after the retries: that finding says it
    for state in hangs_up(target.ref, node.id):
        yield Problem(target.span if target.span.line else node.span, node.id,
                      f"a wrong key in {quote(node.id)} goes to {quote(target.ref)}, which hangs up, before the caller "
                      "has used any retries", f"set `on_invalid: repeat` on {quote(node.id)}", state=state)


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """`after_retries:` to the person the line's menus send "0" to, where the node has none at all."""
    person = line_person(menu, line)
    node = menu.nodes.get(finding.node_id or "")
    if person is None or node is None or finding.state is not None:
        return None
    return field_fix(source, node, "after_retries", person[0])
