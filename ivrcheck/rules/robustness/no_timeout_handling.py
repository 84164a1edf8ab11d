"""A menu or input with no `on_timeout`: silence gets no answer.

## What it checks
Every reachable menu and input node must say what happens when the caller presses
nothing, either itself or through `defaults`. `on_timeout: repeat` is the usual choice.

## Why it matters
Callers fall silent all the time: they are looking for a card, did not hear, or do not
understand the choices. Without a timeout route the platform's default applies, which on
many platforms is to disconnect. ISO/IEC 13714 asks that every prompt awaiting input have
a defined response to no input; VoiceXML makes `noinput` handling part of every form.

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
defaults: {timeout: 5, on_timeout: repeat}
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

CODE = "R501"
NAME = "no-timeout-handling"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    yield from missing_handler(menu, line, "on_timeout")


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """`on_timeout: repeat`: a caller who said nothing hears the menu again."""
    return field_fix(source, menu.nodes.get(finding.node_id or ""), "on_timeout", "repeat")
