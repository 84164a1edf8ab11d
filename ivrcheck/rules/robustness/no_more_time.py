"""A timed answer with no warning and no way to ask for more time.

## What it checks
On a line that declares `line:` (an audited line), a menu or input with a `timeout` must,
when the caller has not answered in time, ask again (`on_timeout: repeat`, or a message
that returns to it) with at least one retry left, or hand the caller to a person. Moving a
silent caller on to something else, or ending the call, is reported. A menu or input with
no `on_timeout` at all is rule R501's.

## Why it matters
Callers who type slowly, use a relay service or need to find a card in their wallet run out
of time. Section 508 (36 CFR 1194.23(d), now in the revised 508 standards) asks that a
caller who must answer within a time limit be warned before it runs out and given the time
to ask for more. A repeat of the question is that warning and that time.

## Example
```yaml
entry: main
line: {country: US}
nodes:
  main:
    prompt: Enter your account number.
    type: input
    digits: 8
    timeout: 5
    on_timeout: bye
    on_invalid: repeat
    after_retries: advisor
    next: advisor
  bye: {type: hangup}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
line: {country: US}
nodes:
  main:
    prompt: Enter your account number.
    type: input
    digits: 8
    timeout: 5
    retries: 2
    on_timeout: still_there
    on_invalid: repeat
    after_retries: advisor
    next: advisor
  still_there: {type: message, prompt: Take your time. I will ask again., next: main}
  advisor: {type: agent}
```

## Settings
None. Quiet on a line without `line:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.graph.build import OPEN
from ivrcheck.model import Menu, Node
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "R508"
NAME = "no-more-time"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    if menu.line is None:
        return
    for node in menu.nodes.values():
        if not node.is_interactive or node.timeout is None or node.on_timeout is None or node.id not in line.reachable:
            continue
        if _asks_again(menu, line.open, node):
            if node.retries == 0:
                yield Problem(node.span_of("retries"), node.id,
                              f"{node.type.value} {quote(node.id)} asks again after {node.timeout:g} s of silence, "
                              "but `retries: 0` ends that at once", "allow at least one retry")
            continue
        if _to_person(menu, line.open, node.on_timeout.ref):
            continue
        yield Problem(node.on_timeout.span, node.id,
                      f"a caller who has not answered {node.type.value} {quote(node.id)} within {node.timeout:g} s "
                      f"is moved on to {quote(node.on_timeout.ref)} without a warning or more time",
                      "set `on_timeout: repeat`, or play a short warning that returns here")


def _asks_again(menu: Menu, analysis: Analysis, node: Node) -> bool:
    ref = node.on_timeout.ref if node.on_timeout is not None else ""
    return ref in ("repeat", node.id) or (ref in analysis.out and node.id in analysis.routed_from(ref))


def _to_person(menu: Menu, analysis: Analysis, ref: str) -> bool:
    if ref not in analysis.out:
        return False
    return any(is_live_human(n, OPEN) for r in analysis.routed_from(ref) if (n := menu.nodes.get(r)) is not None)
