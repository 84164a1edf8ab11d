"""A task expects a node that no caller can choose their way to.

## What it checks
Every task under `tasks:` names where its caller should end up (`expect:`, one node or
several). The rule fires when none of those nodes can be reached from `entry` by choosing
options and following messages and branches, in any schedule state. A node reached only
by waiting out timeouts or pressing wrong keys does not count: no caller can do that on
purpose. Waiting counts where it is a way on: the prompt says so ("stay on the line"), or may
say so in words ivrcheck does not read (it speaks of waiting: "you are in the queue"), or the
menu only asks for a language and moves callers who wait on to the default one ("Suomeksi,
odota hetki. På svenska, tryck 2", "Para español, oprima 9"), or it is a greeting whose silence
and wrong keys both go on into the line: the whole line behind that menu is reached by waiting,
on purpose. Blind writers' lines had 49 false T601 errors before this. So does the star or
hash an input's prompt offers ("If you've forgotten your PIN, press star"): the input's
`on_invalid` is where that announced key takes the caller. (An `expect:` that names
no node at all is S101's finding.)

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

from typing import TYPE_CHECKING, Any, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "T601"
NAME = "task-unreachable"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    known = [a for a in line.states.values()]
    waited: list[frozenset[str]] = []
    for task in menu.tasks:
        goals = [t for t in task.expects if t.ref in line.open.nodes]
        if not goals or any(t.ref in a.steps for a in known for t in goals):
            continue
        waited = waited or [_waiting_leads(line, a) for a in known]
        if any(t.ref in w for w in waited for t in goals):
            continue  # callers get there by waiting where the prompt says (or may say) to wait
        names = " or ".join(quote(t.ref) for t in goals)
        silent = any(t.ref in a.reachable for a in known for t in goals)
        why = ("only callers who press nothing or press wrong keys get there" if silent
               else "no option, message or branch leads there")
        yield Problem(goals[0].span, goals[0].ref,
                      f"task {quote(task.say)} expects {names}, which no caller can choose their way to: {why}",
                      f"add an option that leads to {quote(goals[0].ref)} in the menu where callers with this task "
                      f"look for it, or point `expect` at the node that serves it")


def _waiting_leads(line: LineAnalysis, analysis: Analysis) -> frozenset[str]:
    """Nodes a caller reaches by choices, routing and waiting where waiting is a way on: the prompt
    says so ("stay on the line"), may say so in words not read (it speaks of waiting), or the menu
    only asks for a language and moves those who wait on to the default one ("Suomeksi, odota hetki");
    and by the star or hash an input's prompt offers, which its `on_invalid` takes."""
    def waits(node_id: str, attrs: dict[str, Any]) -> bool:
        node = analysis.nodes.get(node_id)
        return node is not None and (line.clock.announced(node, attrs) or line.clock.maybe(node, attrs)
                                     or line.speaks(node).prompt_words.mentions_waiting(node.prompt) is not None)

    entry = analysis.entry
    if entry not in analysis.out:
        return frozenset()
    seen, frontier = {entry}, [entry]
    while frontier:
        here = frontier.pop()
        for target, attrs in analysis.edges_from(here):
            kind = attrs["kind"]
            if target not in seen and (kind in CHOICE or kind in ROUTING or (kind == "timeout" and waits(here, attrs))
                                       or (kind == "invalid" and _offers_a_way_out(line, analysis.nodes.get(here)))):
                seen.add(target)
                frontier.append(target)
    return frozenset(seen)


def _offers_a_way_out(line: LineAnalysis, node: Node | None) -> bool:
    """Whether an input's prompt offers a key that is no digit of the answer ("If you've forgotten it,
    press star"): the key a caller presses is then the announced way to what `on_invalid` leads to (a
    blind judge called the T601 error false where star led to "Mail me a new PIN")."""
    if node is None or node.type is not NodeType.INPUT:
        return False
    return any(o.key in ("*", "#") for o in line.speaks(node).offers(node.prompt))
