"""A queue that does not tell callers how long they will wait.

## What it checks
Every reachable `agent` node should set `announces_wait: true`.

## Why it matters
Waiting without knowing how long feels longer than it is and makes callers abandon (queue
research by Maister and later call-centre studies; vendor queue designs in Amazon Connect
and Genesys announce expected wait or position). An estimate lets a caller decide to wait,
take a callback, or call later.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, queue: general}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, queue: general, announces_wait: true}
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

CODE = "H207"
NAME = "no-wait-estimate"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.nodes.values():
        if node.type is NodeType.AGENT and node.id in line.reachable and node.announces_wait is not True:
            yield Problem(node.span_of("announces_wait"), node.id,
                          f"queue {quote(node.id)} does not announce the expected wait",
                          "set `announces_wait: true` and play the estimate or position in queue")
