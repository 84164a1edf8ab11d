"""A callback that never confirms to the caller that it was booked.

## What it checks
Every reachable `callback` node must set `confirmation` to `sms`, `email` or `voice`.
A missing confirmation or `none` is reported. Voicemail is not judged: leaving a message
is confirmed by the act of recording it.

## Why it matters
A callback request that vanishes without confirmation is one of the trust failures this
project starts from: the caller cannot tell whether to wait or call again, and calls again.
Vendor guidance for scheduled callbacks (Amazon Connect, Genesys, NICE) confirms the number
and time back to the caller.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To book a callback, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Callback, goto: callback}
  advisor: {type: agent}
  callback: {type: callback}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: To speak to an advisor, press 0. To book a callback, press 1.
    options:
      "0": {label: Advisor, goto: advisor}
      "1": {label: Callback, goto: callback}
  advisor: {type: agent}
  callback: {type: callback, confirmation: sms}
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

CODE = "H206"
NAME = "callback-unconfirmed"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in menu.nodes.values():
        if node.type is NodeType.CALLBACK and node.id in line.reachable and node.confirmation in (None, "none"):
            yield Problem(node.span_of("confirmation"), node.id,
                          f"callback {quote(node.id)} does not confirm the booking to the caller",
                          "set `confirmation: sms` (or email, voice)")
