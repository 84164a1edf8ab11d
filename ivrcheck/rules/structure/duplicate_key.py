"""One key bound twice in a menu; YAML would silently keep only the last.

## What it checks
Two options of one menu with the same key, including `1:` next to `"1":` (YAML reads one
as a number and the other as a string, but a caller presses the same key). A platform export
can bind one key many times in one place (an Amazon Connect condition's list of `Operands`):
that is one finding per menu and key, "bound again ... where it was first bound", with how many
times in the message.

## Why it matters
Only one of the two options can ever be chosen, and which one depends on the YAML parser:
PyYAML and most platforms keep the last without a word. The other task silently
disappears from the phone line while its prompt still offers it.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. For an advisor, press 0.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      2: {label: Savings, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. For savings, press 3. For an advisor, press 0.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "3": {label: Savings, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S109"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        first: dict[str, Span] = {}
        for option in node.options:
            if option.key in first:
                where = first[option.key]
                if where == option.span:  # a list of keys in an export: rules.run counts the repeats
                    said = f"key {quote(option.key)} is bound again in menu {quote(node.id)} where it was first bound"
                else:
                    said = (f"key {quote(option.key)} is bound twice in menu {quote(node.id)}; "
                            f"previously defined at line {where.line}, column {where.column}")
                yield Problem(option.span, node.id, said,
                              "give each option its own key")
            else:
                first[option.key] = option.span
