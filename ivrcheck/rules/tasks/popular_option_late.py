"""A weighted menu offers a popular option late: most-popular-first would save callers time.

## What it checks
Menus whose options carry `weight:` (the share of callers who choose each, from
call-reason data). A caller can press their key once the prompt has said what it is for,
so each option offered before theirs costs them its sentence. The rule compares the
average wait, weighted by the options' shares, with the wait if the task options were
offered most popular first, and fires when the difference reaches `min_seconds`. The
universal keys `0`, `*` and `#`, and dial-by-extension, keep their places. Options
without a weight share what the weights leave. The message gives the proposed order.

## Why it matters
Ordering options by frequency of use shortens the average call and puts most callers'
choice before their attention fades: ETSI EG 202 116 (user interfaces for ICT devices
and services) and vendor design guides (Genesys, Amazon Connect) advise offering the
most frequently chosen options first.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: >
      For opening hours, press 1. For changes to your booking, press 2.
      For new bookings, press 3. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info, weight: 0.1}
      "2": {label: Changes to your booking, goto: advisor, weight: 0.2}
      "3": {label: New bookings, goto: booking, weight: 0.6}
      "0": {label: Speak to an advisor, goto: advisor, weight: 0.1}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  booking: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: >
      For new bookings, press 1. For changes to your booking, press 2.
      For opening hours, press 3. To speak to an advisor, press 0.
    options:
      "1": {label: New bookings, goto: booking, weight: 0.6}
      "2": {label: Changes to your booking, goto: advisor, weight: 0.2}
      "3": {label: Opening hours, goto: hours_info, weight: 0.1}
      "0": {label: Speak to an advisor, goto: advisor, weight: 0.1}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  booking: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `min_seconds` (default 0.5): the smallest saving for the average caller worth reporting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.order import reorder
from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "T603"
NAME = "popular-option-late"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"min_seconds": 0.5}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    least = float(settings["min_seconds"])
    for node in line.menus:
        if node.id not in line.reachable:
            continue
        found = reorder(node, line.language)
        if found is None or found.saving < least:
            continue
        yield Problem(node.span_of("prompt"), node.id,
                      f"menu {quote(node.id)} offers popular options late: callers wait {found.seconds_now:.1f} s on "
                      f"average before their option is offered, {found.saving:.1f} s more than with the most popular "
                      f"first",
                      f"offer them as {found.describe()}")
