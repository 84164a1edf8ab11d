"""A menu or input gives callers too few seconds to answer before it moves on.

## What it checks
The `timeout` of every reachable menu and input (its own or the one it takes from
`defaults`): the seconds of silence after the prompt before `on_timeout` happens. The rule
fires below `min_seconds`. Settings in a profile raise the bar: the `w3c-coga` profile
asks for 8 seconds.

## Why it matters
Callers who think slowly, speak slowly, have a tremor or must find a card number need
time to act; a short timeout replays the menu or moves them on while they are still
deciding. W3C's cognitive accessibility guidance asks voice menus to wait for a slow
speaker to respond ("Let Users Avoid Navigating Voice Menus"), and ISO/IEC 13714 (5.4)
sets time-outs as a standard element of the dialogue. Platform defaults sit at about 5 s
(Amazon Connect "Get customer input", Genesys Architect).

## Example
```yaml
entry: main
defaults: {timeout: 2, on_timeout: repeat, on_invalid: repeat}
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Speak to an advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
defaults: {timeout: 6, on_timeout: repeat, on_invalid: repeat}
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Speak to an advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Settings
- `min_seconds` (default 3): the shortest timeout allowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R507"
NAME = "short-timeout"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"min_seconds": 3}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    least = float(settings["min_seconds"])
    by_span: dict[Span, list[str]] = {}
    for node in menu.nodes.values():
        if node.is_interactive and node.id in line.reachable and node.timeout is not None and node.timeout < least:
            by_span.setdefault(node.span_of("timeout"), []).append(node.id)
    for span, nodes in by_span.items():
        first = menu.nodes[nodes[0]]
        own = "timeout" not in first.inherited
        where = f"{quote(first.id)} waits" if own else f"`defaults` make {len(nodes)} menu(s) wait"
        yield Problem(span, first.id if own else None,
                      f"{where} only {first.timeout:g} s for an answer, under the minimum of {least:g} s",
                      f"use `timeout: {least:g}` or more, so callers who need time to decide can answer")
