"""A node no call can reach from `entry`, in any schedule state.

## What it checks
Starting at `entry` and following every way a call can move (options, `next`, branch
cases, `closed` targets, timeouts, invalid keys and retries), each node must be reached in
at least one schedule state.

Not reported: the `closed:` target of a person with `hours:` whom callers reach, and what
follows it. ivrcheck walks a line with every schedule open, then with every schedule
closed, so a person reached only while the line is open never "closes" in its walks; yet
a caller who is put through as the team's hours end, or whose team keeps other hours than
the line's opening branch, lands there, and rule H203 asks for that target.

Nor is the `closed:` target of a person open around the clock (a schedule open every hour of
every day), nor anything after it: it is written in case the desk ever closes, and is never
heard. Blind judges of the trust corpus called both such findings false.

## Why it matters
An unreachable node is either dead weight or, more often, a task the designer meant
callers to reach and forgot to link: a queue nobody is routed to, a message never played.
Either way the menu file no longer says what the phone line does. Reviews of production
IVRs (and Genesys Architect's "unreachable action" warning) treat it as a defect.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
  opening_hours: {type: message, prompt: We are open nine to five., next: main}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. For an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: opening_hours}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
  opening_hours: {type: message, prompt: We are open nine to five., next: main}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Finding, Fix, Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.edits import Source, delete_node
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S102"
NAME = "unreachable-node"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node_id in line.unreachable:
        if node_id in line.fallbacks or node_id in line.guards:
            continue
        node = menu.nodes[node_id]
        yield Problem(node.span, node_id, f"no call can reach {node.type.value} {quote(node_id)} from the entry",
                      "link to it from a menu option or `next`, or delete it")


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Delete the node (unsafe: it may be meant for a link not written yet, or named elsewhere)."""
    node = menu.nodes.get(finding.node_id or "")
    edit = delete_node(source, node) if node is not None else None
    return Fix(f"delete {quote(node.id)}", (edit,), safe=False) if node is not None and edit else None
