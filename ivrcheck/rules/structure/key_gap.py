"""Number keys that skip a number (1, 2, 4), which callers read as a missing option.

## What it checks
Among the keys 1-9 a menu uses, every number from 1 up to the highest must be bound.
`0`, `*` and `#` have conventional meanings and are left out, and so are options that
choose a language (`language:`, or a label such as "På svenska"), which keep their own
key ("På svenska, tryck 9") and fill the place they take ("Ruotsiksi 1, englanniksi 2,
laskut 3" skips nothing).

## Why it matters
Callers who hear "1, 2, 4" wonder what 3 was and whether they missed it; some press 3.
Consecutive numbering in order of popularity is the recommendation of ISO/IEC 13714 and
most vendor guides. Gaps usually remain after an option is removed.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. For savings, press 4.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "4": {label: Savings, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2. For savings, press 3.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "3": {label: Savings, goto: advisor}
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

CODE = "S108"
NAME = "key-gap"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        # A choice of language ("På svenska, tryck 9") keeps its own key by convention.
        # It still fills its place: "Ruotsiksi 1, englanniksi 2, laskut 3" skips nothing.
        keys = {int(o.key): bool(o.language) for o in node.options if o.is_dtmf and o.key in "123456789"}
        numbers = {n for n, chooses_language in keys.items() if not chooses_language}
        missing = [n for n in range(1, max(numbers, default=0)) if n not in keys]
        if missing:
            keys = ", ".join(quote(str(n)) for n in missing)
            yield Problem(node.span_of("options"), node.id,
                          f"menu {quote(node.id)} skips {keys}",
                          "renumber the options 1, 2, 3 ... in order of popularity")
