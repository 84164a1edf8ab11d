"""A menu where pressing 0 does not reach a person.

## What it checks
In each reachable menu, `0` must be bound and lead, with no further choice, to a person:
an agent or a transfer a person answers, or outside hours a callback or voicemail. The rule
fires when `0` is not bound at all, or when the person it reaches while open is not
there in another schedule state (a closed queue that hangs up). A `0` bound to something
else entirely is H204's business.

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

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "H203"
NAME = "no-zero-out"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.menus():
        zero = next((o for o in node.options if o.key == "0"), None)
        if zero is not None and not line.open.option_reaches_human(node.id, "0"):
            continue  # bound to something other than a person: H204

        def fails(analysis: Analysis, node_id: str = node.id) -> bool:
            return node_id in analysis.reachable and not analysis.option_reaches_human(node_id, "0")

        for state in holding_states(line, fails):
            if zero is None:
                yield Problem(node.span, node.id, f'pressing "0" in menu {quote(node.id)} does nothing',
                              'bind "0" to an `agent` and say so in the prompt', state=state)
            else:
                yield Problem(zero.span, node.id, f'"0" in menu {quote(node.id)} reaches no person outside hours',
                              "give the human a `closed` target that offers a callback or voicemail", state=state)
