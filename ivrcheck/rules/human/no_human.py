"""No live person can be reached at all.

## What it checks
Following every route from `entry` (options, messages, branches, and the silent routes of
timeouts and retries), some node must put the caller through to a person: an `agent`, or a
`transfer` with `human: true`. Outside hours an offered callback or voicemail counts too.
The finding names the schedule state when only one state lacks a person.

## Why it matters
Being unable to reach a person is the complaint callers rank first (the GetHuman standard
makes "always allow a caller to reach a human" its first rule, and ISO/IEC 13714 asks for a
way to human assistance from every service). A line that ends every route in recordings
turns callers with any unusual need away.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To end the call, press 2.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "2": {label: End the call, goto: goodbye}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  goodbye: {type: hangup}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, holding_states

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "H201"
NAME = "no-human"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "human_access"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    entry = menu.nodes.get(menu.entry.ref)
    span = entry.span if entry else menu.entry.span
    for state in holding_states(line, lambda a: not (a.reachable & a.human_like)):
        # Outside hours a callback or voicemail (the promise of a person later) would do: say so.
        who = "a person, a callback or a voicemail" if state == "closed" else "a person"
        when = " outside hours" if state == "closed" else " during opening hours" if state == "open" else ""
        help_text = ("offer a callback or voicemail when the queue is closed" if state == "closed"
                     else 'bind "0" in the first menu to an `agent`')
        yield Problem(span, entry.id if entry else None, f"no caller can reach {who}{when}", help_text, state=state)
