"""A queue that cuts the call after a long wait.

## What it checks
A person (an agent, or a transfer a person answers) that declares `max_wait:` must send the
callers who waited that long somewhere (`overflow:`), and that place must not lead, with no
choice left to the caller, only to a hang-up or to a message that ends the call.

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
            yield Problem(node.overflow.span, node.id,
                          f"callers who wait {node.max_wait:g} s at {quote(node.id)} are sent to "
                          f"{quote(node.overflow.ref)}, which hangs up",
                          "offer a callback or voicemail instead of ending the call")
