"""A menu buried deeper than callers will go: `depth` above the limit (3 by default).

## What it checks
The depth of a menu is the fewest key presses that reach it from `entry`, plus one. The
rule reports the deepest menu once per file when it lies beyond `max_depth`, and says how
many menus lie beyond the limit.

Only the tree a caller browses is measured. Not counted: a menu reached only after a
self-service step has begun the caller's errand (a guided fix that asks "did that help?"
one step at a time after a modem restart or a line test, a menu after a booking), and a
closing menu whose every choice goes back to a main menu, up the tree or to goodbye
("Anything else? For the main menu, press 1"), since finding nothing depends on them.
Nor is a choice of language a level (an option with `language:`, or one whose label names a
language and nothing else, "På svenska" with no `language:` set, such as "För svenska,
tryck 2" before the Swedish main menu): it picks the tree the caller browses, in their
language, and every caller of that language takes it once; the Swedish main menu is the
first level of the Swedish tree.

## Why it matters
Each level costs a prompt's worth of listening and another chance to pick wrong. Design
guides converge on three levels at most (ISO/IEC 13714 recommends keeping the menu
hierarchy shallow; Nuance and Amazon Connect guidance suggest no more than three levels
before self-service or a person), and abandonment rises with every level added.

## Example
```yaml
entry: a
nodes:
  a:
    prompt: For more, press 1. For an advisor, press 0.
    options: {"1": {label: More, goto: b}, "0": {label: Advisor, goto: advisor}}
  b:
    prompt: For more, press 1. For an advisor, press 0.
    options: {"1": {label: More, goto: c}, "0": {label: Advisor, goto: advisor}}
  c:
    prompt: For more, press 1. For an advisor, press 0.
    options: {"1": {label: More, goto: d}, "0": {label: Advisor, goto: advisor}}
  d:
    prompt: For your balance, press 1. For an advisor, press 0.
    options: {"1": {label: Balance, goto: balance}, "0": {label: Advisor, goto: advisor}}
  balance: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: a
nodes:
  a:
    prompt: For more, press 1. For your balance, press 2. For an advisor, press 0.
    options:
      "1": {label: More, goto: b}
      "2": {label: Balance, goto: balance}
      "0": {label: Advisor, goto: advisor}
  b:
    prompt: For more, press 1. For an advisor, press 0.
    options: {"1": {label: More, goto: c}, "0": {label: Advisor, goto: advisor}}
  c:
    prompt: For your statement, press 1. For an advisor, press 0.
    options: {"1": {label: Statement, goto: balance}, "0": {label: Advisor, goto: advisor}}
  balance: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `max_depth` (default 3): the deepest a menu may lie, counting the first menu as 1.

## When it warns, and when it only informs
A deepest menu one level over the limit is at the threshold's edge and gets an **info**: on the
trust corpus's development half, written blind, none of the seven warnings was judged true (a
guided fix's steps, a closing menu, a "move or cancel" step after a booking reference, a level
counted for a language choice), and the guidance behind the limit is a rule of thumb. Two or
more levels over the limit is a **warning**.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CHOICE
from ivrcheck.graph.closing import closing_menu
from ivrcheck.graph.walks import steps_from
from ivrcheck.language.choices import chosen_language
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S105"
NAME = "too-deep"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_depth": 3}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = int(settings["max_depth"])
    steps = _browsed(line)
    beyond = [m for m in line.menus if m.id in steps and steps[m.id] + 1 > limit]
    if not beyond:
        return
    deepest = max(beyond, key=lambda m: (steps[m.id], -m.span.line))
    depth = steps[deepest.id] + 1
    others = f" ({len(beyond)} menus lie beyond the limit)" if len(beyond) > 1 else ""
    # One level over is at the threshold's edge (blind judges called every such warning false: a task's
    # own step, a short "move or cancel" after the visit reference): an info; two or more, a warning.
    edge = depth == limit + 1
    yield Problem(deepest.span, deepest.id,
                  f"menu {quote(deepest.id)} is {depth} levels deep, over the limit of {limit}{others}",
                  "move popular tasks up a level, merge sparse submenus, or offer a person sooner",
                  severity=Severity.INFO if edge else None)


def _browsed(line: LineAnalysis) -> dict[str, int]:
    """Fewest key presses to each node of the tree callers browse in open hours: nothing past a
    self-service step (what follows is the errand's own follow-up) and no closing menu."""
    analysis = line.open

    def browsed(node_id: str) -> bool:
        node = analysis.nodes.get(node_id)
        return node is not None and node.type is not NodeType.SELF_SERVICE and \
            not closing_menu(line, analysis, node_id)

    out = {n: ([_as_routing(edge) for edge in edges] if browsed(n) else []) for n, edges in analysis.out.items()}
    return {n: s for n, s in steps_from(out, line.menu.entry.ref).items() if browsed(n)}


def _as_routing(edge: tuple[str, dict]) -> tuple[str, dict]:
    """A choice of language costs no level: it picks which tree the caller browses, in their
    language, rather than a branch of it ("For English, press 1" before the English main menu)."""
    target, attrs = edge
    option = attrs.get("option")
    if attrs["kind"] in CHOICE and option is not None and (option.language or chosen_language(option.label)):
        return target, {**attrs, "kind": "next"}
    return edge
