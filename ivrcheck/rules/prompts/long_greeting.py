"""More than 8 seconds pass before the first option is offered.

## What it checks
Follows a call from `entry` through messages and branches (no choices) to each menu it
can start at, in every schedule state, and adds up what the caller hears before that
menu starts to offer its first option: every message on the way, then the menu's prompt
up to the start of the first offer ("For cards, press 1" starts at "For"). The prompt
is read in the file's `language` at its speaking rate. A first menu that offers no key
at all is left to P401. The finding is info; it is a warning past `warn_above` (20 s, the
time P404 allows a whole menu prompt): callers then wait longer before the first option
than a whole menu should take, and anything urgent said at the end of it comes too late.

## Why it matters
The opening seconds decide whether callers trust the menu. Welcome speeches, "please
listen carefully as our options have changed", marketing and recorded-call notices make
every caller wait, every time, before they can act; the GetHuman standard and vendor
guides (Genesys, Plum Voice) ask for a short greeting and the first option soon after.

## Example
```yaml
language: en
entry: welcome
nodes:
  welcome:
    type: message
    prompt: >
      Thank you for calling Acme Energy, where your comfort is our priority.
      Calls may be recorded for training and quality purposes.
    next: main
  main:
    prompt: >
      Please listen carefully, as our options have changed.
      For billing, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: Acme Energy. For billing, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `max_seconds` (default 8): the longest a caller may wait before the first option.
- `warn_above` (default 20): past this many seconds the finding is a warning, not info.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P405"
NAME = "long-greeting"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"max_seconds": 8, "warn_above": 20}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit, warn = float(settings["max_seconds"]), float(settings["warn_above"])
    reported: set[str] = set()
    for analysis in line.states.values():
        for menu_id, (waited, messages) in analysis.opening.items():
            node = menu.nodes[menu_id]
            before = line.language.seconds_before_offers(node.prompt)
            if before is None or menu_id in reported or waited + before <= limit:
                continue
            reported.add(menu_id)
            heard = (f"{'messages' if len(messages) > 1 else 'message'} {', '.join(map(quote, messages))}, "
                     f"then the prompt of {quote(menu_id)}" if messages else f"the prompt of {quote(menu_id)}")
            yield Problem(
                node.prompt_span or node.span, menu_id,
                f"callers wait about {waited + before:.0f} s ({heard}) before the first option is offered "
                f"(limit {limit:g} s)",
                "offer the first option within a sentence of the greeting; drop or shorten notices and "
                "announcements, or move them after the options",
                state=line.label(analysis),
                severity=Severity.WARNING if round(waited + before) > warn else None,
            )
