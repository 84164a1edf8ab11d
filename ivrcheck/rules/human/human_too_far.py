"""Reaching a person takes more than 2 key presses.

## What it checks
`steps_to_human`: the fewest options a caller must choose, from `entry` while open, to
reach an agent or a transfer a person answers. Silent routes (waiting out timeouts) do
not count, because a caller cannot know about them. The message shows the keys to press
and how long the prompts take to get there.

## Why it matters
Every extra level is another prompt to sit through before help; callers who want a person
press 0 or hang up. The GetHuman standard asks that a person be reachable by pressing 0 in
every menu; vendor guides (Amazon Connect, Genesys) recommend a person within one or two
choices for any caller who asks.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For other services, press 9.
    options:
      "9": {label: Other services, goto: more}
  more:
    prompt: For customer support, press 1.
    options:
      "1": {label: Customer support, goto: support}
  support:
    prompt: To speak to an advisor, press 1.
    options:
      "1": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For other services, press 9. To speak to an advisor, press 0.
    options:
      "9": {label: Other services, goto: more}
      "0": {label: Advisor, goto: advisor}
  more:
    prompt: For customer support, press 1.
    options:
      "1": {label: Customer support, goto: advisor}
  advisor: {type: agent}
```

## Settings
- `max_steps` (default 2): most key presses allowed before a person answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CHOICE
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H202"
NAME = "human-too-far"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_steps": 2}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = int(settings["max_steps"])
    analysis = line.open
    steps = analysis.steps_to_human
    if steps is None or steps <= limit or menu.entry.ref not in menu.nodes:
        return
    keys = " -> ".join(str(edge["press"]) for _, edge in analysis.path_to_human or [] if edge["kind"] in CHOICE)
    entry = menu.nodes[menu.entry.ref]
    yield Problem(entry.span, entry.id,
                  f"reaching a person takes {steps} key presses ({keys}, {analysis.seconds_to_human} s), "
                  f"over the limit of {limit}",
                  'offer a person sooner: bind "0" to an `agent` in the first menus')
