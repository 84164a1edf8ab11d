"""A menu or input with no `on_invalid`: a wrong key gets no answer.

## What it checks
Every reachable menu and input node must say what happens when the caller presses a key
that is not offered, either itself or through `defaults`.

## Why it matters
Wrong keys are common: a caller mishears, presses the number of the line they wanted, or
tries 0 or 9. Without an `on_invalid` route the platform default applies, often a curt
error and disconnection after one mistake, which the GetHuman standard counts among the
worst failures. VoiceXML's `nomatch` and ISO/IEC 13714 both ask for a defined response.

## Example
```yaml
entry: main
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
defaults: {on_invalid: repeat}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Finding, Fix, Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.edits import Source, field_fix
from ivrcheck.rules.base import Settings, missing_handler

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R502"
NAME = "no-invalid-handling"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    yield from missing_handler(menu, line, "on_invalid")


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """`on_invalid: repeat`: a caller who pressed a wrong key hears the menu again."""
    return field_fix(source, menu.nodes.get(finding.node_id or ""), "on_invalid", "repeat")
