"""A speech-only option with no key to press instead.

## What it checks
An option that callers can only say (a key that is not a DTMF key, with `say:` phrases)
must lead somewhere a key of the same menu also leads. A menu of speech options only fails
for each of them.

## Why it matters
Speech recognition fails in noise, with accents, for speech impairments, and for callers
who do not want to speak their business aloud in public. Accessibility guidance (W3C's
voice-application notes, ISO/IEC 13714, ETSI ES 202 076) asks for a keypad alternative for
every spoken command.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: Say billing, or press 0 for an advisor.
    options:
      billing: {label: Billing, goto: billing, say: [billing, invoice]}
      "0": {label: Advisor, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For billing, say billing or press 1. For an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing, say: [billing, invoice]}
      "0": {label: Advisor, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R506"
NAME = "no-keypad-fallback"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        by_key = {o.target.ref for o in node.options if o.has_keypad and o.target is not None}
        for option in node.options:
            if option.kind == "speech" and (option.target is None or option.target.ref not in by_key):
                yield Problem(option.span, node.id,
                              f"option {quote(option.key)} in menu {quote(node.id)} can only be spoken",
                              "give it a DTMF key (put its `say:` phrases on a numbered option) and say the key")
