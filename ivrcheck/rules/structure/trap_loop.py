"""A set of nodes a caller can enter and never leave except by hanging up.

## What it checks
A cycle of reachable nodes (menus, messages, branches) with no way out: no option, `next`,
case, timeout or retry route leads outside it, and none of its nodes hands the call over
(agent, voicemail, callback, transfer) or ends it. Being disconnected after too many
errors does not count as a way out. The cycle is printed from its earliest node in the
file, so the report is the same on every run.

It also follows a silent caller, one who presses nothing, in every schedule state: from a
menu or input the `on_timeout` route (when it leads elsewhere) or else `after_retries`,
then `next`, branch cases and a closed human's `closed:` target. When those routes go
round in a circle that reaches no person and no end (a closed menu whose `after_retries`
goes to the agent whose `closed:` target is that menu again), the caller who needs time,
or cannot press keys, is trapped even though keys would lead out; the finding names the
state.

## Why it matters
A trapped caller hears the same prompts again and again; the only escape is to hang up,
which the GetHuman standard and ISO/IEC 13714 (every dialogue state must offer a way to
leave or reach help) both rule out. Loops are easy to create by accident when a message
returns to the menu that played it and that menu has no other exit.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1.
    options:
      "1": {label: Opening hours, goto: hours_info}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
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
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S104"
NAME = "trap-loop"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    cycles = dict.fromkeys(tuple(c) for analysis in line.states.values() for c in analysis.traps)
    yield from _silent(menu, line, cycles)
    held = _by_state(line, "traps")
    for cycle in cycles:
        first = menu.nodes[cycle[0]]
        path = " -> ".join(quote(n) for n in cycle)
        for state in holding_states(line, lambda a: cycle in held[a.state]):
            yield Problem(first.span, first.id, f"callers who reach {path} can never leave but by hanging up",
                          "add a way out: an option to a person, a `next` elsewhere, or `after_retries` to an agent",
                          state=state)


def _silent(menu: Menu, line: LineAnalysis, reported: dict) -> Iterator[Problem]:
    """Cycles a caller who presses nothing goes round for ever (timeouts, retries, `closed:`)."""
    silent = dict.fromkeys(tuple(c) for analysis in line.states.values() for c in analysis.silent_traps)
    held = _by_state(line, "silent_traps")
    around: dict[str, list[frozenset[str]]] = {}  # node -> the reported cycles through it
    for other in map(frozenset, reported):
        for node_id in other:
            around.setdefault(node_id, []).append(other)
    for cycle in silent:
        if any(other.issuperset(cycle) for other in around.get(cycle[0], ())):
            continue  # the caller is trapped whatever they press: reported below
        first = menu.nodes[cycle[0]]
        path = " -> ".join(quote(n) for n in cycle)
        for state in holding_states(line, lambda a: cycle in held[a.state]):
            yield Problem(first.span, first.id,
                          f"a caller who presses nothing goes {path} for ever, never reaching a person or an end",
                          "send the last retry somewhere that ends: `after_retries` to a callback, voicemail or "
                          "a message that says goodbye, or give the closed human a `closed` target outside this loop",
                          state=state)


def _by_state(line: LineAnalysis, field: str) -> dict[str, frozenset[tuple[str, ...]]]:
    """state -> its cycles of `field` (traps, silent_traps) as a set: asked of every cycle found."""
    return {state: frozenset(tuple(c) for c in getattr(a, field)) for state, a in line.states.items()}
