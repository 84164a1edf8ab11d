"""A reachable node that neither ends the call nor leads anywhere.

## What it checks
Every node a call can reach must either end the call on purpose (an agent, voicemail,
callback, transfer or hang-up, or a self-service task with no `next`) or lead on: a menu
needs at least one option, a message or input needs `next`, a branch needs `cases` or a
`default`.

## Why it matters
A caller who lands on a node that leads nowhere hears silence or is dropped by the
platform, the worst outcome in the GetHuman standard ("never disconnect the caller") and
the first failure ISO/IEC 13714 asks designers to rule out: every state of a dialogue
must offer a way on.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Advisor, goto: advisor}
  hours_info:
    type: message
    prompt: We are open from eight to six, Monday to Friday.
  advisor: {type: agent}
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
  hours_info:
    type: message
    prompt: We are open from eight to six, Monday to Friday.
    next: main
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, NodeType
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S103"
NAME = "dead-end"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "robustness"

_REMEDY = {
    NodeType.MENU: "add options, or make it a `message` with `next`",
    NodeType.BRANCH: "add `cases` or a `default` target",
}


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node_id in line.dead_ends:
        node = menu.nodes[node_id]
        what = "has no options" if node.type is NodeType.MENU else "has no way on"
        if node.type in (NodeType.MESSAGE, NodeType.INPUT, NodeType.SELF_SERVICE):
            what = "has no `next`"
        yield Problem(
            node.span, node_id,
            f"{node.type.value} {quote(node_id)} {what}, so callers who reach it are stuck",
            _REMEDY.get(node.type, "add `next:` pointing at where the caller goes after it"),
        )
