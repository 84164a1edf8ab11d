"""More than 3 retries: a caller who is lost stays lost for too long.

## What it checks
`retries` (on the node or in `defaults`) above `max_retries`. A value set in `defaults`
is reported once, at `defaults`, not once per menu.

## Why it matters
Each retry replays the prompt; after three failed attempts another attempt rarely
succeeds and the caller's patience is gone. Vendor guidance (Nuance, Amazon Connect,
VoiceXML practice) settles on two or three attempts before escalating to a person.

## Example
```yaml
entry: main
defaults: {timeout: 5, retries: 5, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
- `max_retries` (default 3): most attempts before `after_retries` applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R504"
NAME = "too-many-retries"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"max_retries": 3}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = int(settings["max_retries"])
    # Keyed by file and position: two files of one line may hold `defaults` at the same line.
    by_place: dict[tuple[str, Span], list[str]] = {}
    retries: dict[tuple[str, Span], int] = {}
    for node in menu.nodes.values():
        if node.is_interactive and node.retries is not None and node.retries > limit:
            place = (node.source or "", node.span_of("retries"))
            by_place.setdefault(place, []).append(node.id)
            retries[place] = node.retries
    for place, nodes in by_place.items():
        own = "retries" not in menu.nodes[nodes[0]].inherited
        where = f"{quote(nodes[0])} allows" if own else "`defaults` allow"
        # `defaults` of another file of the line: the first node carries the finding, so it is
        # reported in the file that declares them.
        carrier = nodes[0] if own or place[0] else None
        yield Problem(place[1], carrier, f"{where} {retries[place]} retries, over the limit of {limit}",
                      f"use `retries: {limit}` or fewer, then send the caller to a person")
