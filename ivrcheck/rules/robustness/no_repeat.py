"""A menu with no way to hear the options again.

## What it checks
Every reachable menu should bind a key (by convention `*`) to `repeat`, or to the menu
itself. Timing out into a replay does not count: a caller cannot ask for it, only wait.
The fix is suggested in the menu's language ("Para repetir las opciones, pulse
asterisco." in a Spanish menu; the label is `repeat_label` in the language file).

## Why it matters
Callers miss options while they think about the first ones, or are interrupted. Without
a repeat key the only way to hear the list again is to press a wrong key or stay silent
and hope. ISO/IEC 13714 recommends a consistent key to repeat the current prompt;
`*` for repeat is the widespread convention.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For an advisor, press 0.
    options:
      "1": {label: Cards, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Cards, goto: advisor}
      "0": {label: Advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
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

CODE = "R505"
NAME = "no-repeat"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        if node.id not in line.reachable or not node.options:
            continue
        if not any(o.target is not None and o.target.ref in ("repeat", node.id) for o in node.options):
            spoken = line.speaks(node)  # the fix in the menu's own words
            label = spoken.prompt_words.repeat_label
            yield Problem(node.span, node.id, f"menu {quote(node.id)} offers no way to hear the options again",
                          f'add `"*": {{label: {label}, goto: repeat}}` and say so in the prompt: '
                          f'"{spoken.offer_example(label, "*")}"')
