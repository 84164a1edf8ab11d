"""A task expects a node that no caller can choose their way to.

## What it checks
Every task under `tasks:` names where its caller should end up (`expect:`, one node or
several). The rule fires when none of those nodes can be reached from `entry` by choosing
options and following messages and branches, in any schedule state. A node reached only
by waiting out timeouts or pressing wrong keys does not count: no caller can do that on
purpose. Waiting does count where the prompt offers it ("or stay on the line") and at a
menu that only offers other languages ("Para español, oprima 9"): that is how the line's
own callers go on. (An `expect:` that names no node at all is S101's finding.)

## Why it matters
A task is a promise that the line serves a reason for calling. If its destination is cut
off, every caller with that reason ends somewhere else or hangs up; tree testing counts
such a task as failed by every participant (Optimal Workshop, "Interpret the overall Task
results in Treejack").

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Speak to an advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  survey: {type: message, prompt: Please rate this call., next: advisor}
  advisor: {type: agent}
tasks:
  - say: I want to rate this call
    expect: survey
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To rate this call, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "2": {label: Rate this call, goto: survey}
      "0": {label: Speak to an advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  survey: {type: message, prompt: Please rate this call., next: advisor}
  advisor: {type: agent}
tasks:
  - say: I want to rate this call
    expect: survey
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.journey import journeys
from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "T601"
NAME = "task-unreachable"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    known = [a for a in line.states.values()]
    for task in menu.tasks:
        goals = [t for t in task.expects if t.ref in line.open.nodes]
        if not goals or any(t.ref in a.steps for a in known for t in goals):
            continue
        # Following the prompts counts too: waiting where a prompt says to, or at a menu that
        # only offers other languages (how the line's own callers go on).
        if any(t.ref in j.reachable for j in journeys(line).values() for t in goals):
            continue
        names = " or ".join(quote(t.ref) for t in goals)
        silent = any(t.ref in a.reachable for a in known for t in goals)
        why = ("only callers who press nothing or press wrong keys get there" if silent
               else "no option, message or branch leads there")
        yield Problem(goals[0].span, goals[0].ref,
                      f"task {quote(task.say)} expects {names}, which no caller can choose their way to: {why}",
                      f"add an option that leads to {quote(goals[0].ref)} in the menu where callers with this task "
                      f"look for it, or point `expect` at the node that serves it")
