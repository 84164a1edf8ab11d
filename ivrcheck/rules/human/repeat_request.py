"""A caller is asked again for something they already gave.

## What it checks
Follows what callers give on the way through the line: an `input` with `collects: NAME`
gives that item once its digits are in (not when it times out), and an option with
`collects: NAME` gives it when chosen. Reported, on some path from `entry` in any
schedule state: a second `input` that asks for an item the caller already gave at another
input, and a person (`agent`, or `transfer` with `human: true`) reached with an item
already given that the person does not receive (`receives: [NAME, ...]` does not list
it; `receives: all`, a screen pop, receives everything). A person without `receives` is
unknown and never reported, and so is a line whose inputs do not say what they collect.
The same input met again after the caller went back round the menus is not reported:
that is one question, asked where the line returns to it.

## Why it matters
Having to repeat what you already said is, after an unclear menu, the complaint callers
name most often: the account number keyed in at the start is asked for again by the
agent, or a second menu wants it again. Customer-service writing (the GetHuman standard:
"never make a caller repeat information"; Finnish contact-centre guidance on what breaks
callers' trust) and vendors' screen-pop features (Amazon Connect contact attributes,
Genesys participant data) exist to avoid it.

## Example
```yaml
entry: account
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  account:
    type: input
    prompt: Please enter your account number, then press hash.
    collects: account_number
    next: main
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  balance: {type: self_service}
  advisor: {type: agent, announces_wait: true, receives: [reason]}
```

## Use instead
```yaml
entry: account
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  account:
    type: input
    prompt: Please enter your account number, then press hash.
    collects: account_number
    next: main
  main:
    prompt: For your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  balance: {type: self_service}
  advisor: {type: agent, announces_wait: true, receives: [account_number]}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis
    from ivrcheck.graph.carried import Origin

CODE = "H208"
NAME = "repeat-request"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def where(origin: Origin) -> str:
    """ "input "account"" or "option "2" of "main"": where an item was given."""
    node_id, key = origin
    return f"option {quote(key)} of {quote(node_id)}" if key is not None else f"input {quote(node_id)}"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.nodes.values():
        if node.type is NodeType.INPUT and node.collects:
            item = node.collects
            for state, first in _given(menu, line, node.id, item, lambda a, o, asker=node.id: o[0] != asker):
                yield Problem(
                    node.span_of("collects"), node.id,
                    f"callers who gave {quote(item)} at {where(first)} are asked for it again at input {quote(node.id)}",
                    f"pass the value on instead of asking again, or route callers who gave it past {quote(node.id)}",
                    state=state,
                )
        elif node.receives is not None and node.type in (NodeType.AGENT, NodeType.TRANSFER):
            items = sorted({i for a in line.states.values() for i in a.given_before.get(node.id, {})})
            for item in (i for i in items if not node.receives_item(i)):
                staffed = lambda a, o, person=node: is_live_human(person, a.state)
                for state, first in _given(menu, line, node.id, item, staffed):
                    yield Problem(
                        node.span_of("receives"), node.id,
                        f"callers who gave {quote(item)} at {where(first)} must say it again to "
                        f"{node.type.value} {quote(node.id)}, which does not receive it",
                        f"add {item} to `receives:` of {quote(node.id)} (pass it on with the call), or `receives: all`",
                        state=state,
                    )


def _given(menu: Menu, line: LineAnalysis, node_id: str, item: str,
           counts: Callable[[Analysis, Origin], bool]) -> list[tuple[str | None, Origin]]:
    """(state, earliest place it was given) for each state where `item` reaches `node_id` and counts."""
    origins: dict[str, set[Origin]] = {}
    for analysis in line.states.values():
        found = {o for o in analysis.given_before.get(node_id, {}).get(item, ()) if counts(analysis, o)}
        if found:
            origins[analysis.state] = found
    if not origins:
        return []
    first = min(set().union(*origins.values()), key=lambda o: _position(menu, o))
    return [(state, first) for state in holding_states(line, lambda a: a.state in origins)]


def _position(menu: Menu, origin: Origin) -> tuple[int, int, str]:
    node = menu.nodes.get(origin[0])
    return (node.span.line, node.span.column, origin[1] or "") if node else (0, 0, origin[1] or "")
