"""A reserved key (such as `*` or `#`) does something other than its conventional job.

## What it checks
Keys callers learn once and use everywhere. `keys` lists each reserved key with the jobs
it may do, as `KEY=job|job`: `back` (to the menu that led here, or the main menu),
`repeat`, `human` (a person), `hangup` (ends the call) and `none` (not a menu option:
kept for ending input). A menu option on a listed key that does none of its jobs is
reported. The default is lenient (`*` repeats or goes back, `#` goes back or repeats);
the `iso13714` profile applies ISO/IEC 13714: `0` a person, `*` back, `#` never a menu
option, `9` ends the call.

## Why it matters
A caller who learnt that `*` goes back presses it in every menu; if it does something
else there they are lost. ISO/IEC 13714 (5.6, "Basic use of the # and * keys") reserves
these keys across telephone services so callers need not relearn them; L304 checks that
one line is consistent with itself, this rule that it keeps the convention.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press star.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "*": {label: Speak to an advisor, goto: advisor}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Opening hours, goto: hours_info}
      "0": {label: Speak to an advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  advisor: {type: agent}
```

## Settings
- `keys` (default `["*=repeat|back", "#=back|repeat"]`): each reserved key and the jobs it may do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CHOICE
from ivrcheck.model import Menu, Node, NodeType, Option
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S110"
NAME = "unconventional-key"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"keys": ["*=repeat|back", "#=back|repeat"]}
PART = "navigation"
JOBS = ("back", "repeat", "human", "hangup", "none")
_SAID = {"back": "go back", "repeat": "repeat the menu", "human": "reach a person", "hangup": "end the call",
         "none": "not be a menu option (it ends input)"}


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    rules = dict(str(item).split("=", 1) for item in settings["keys"] if "=" in str(item))
    for node in line.menus:
        if node.id not in line.reachable:
            continue
        for option in node.options:
            allowed = rules.get(option.key)
            if allowed is None:
                continue
            jobs = [j for j in allowed.split("|") if j in JOBS]
            if any(_does(job, node, option, menu, line) for job in jobs):
                continue
            said = " or ".join(_SAID[j] for j in jobs)
            keep = "for ending input" if jobs == ["none"] else f"to {said}"
            yield Problem(option.span, node.id,
                          f"key {quote(option.key)} in {quote(node.id)} ({option.label or 'no label'}) should {said}",
                          f"move this option to another key and keep {quote(option.key)} {keep}")


def _does(job: str, node: Node, option: Option, menu: Menu, line: LineAnalysis) -> bool:
    target = option.target.ref if option.target else None
    if job == "none" or target is None:
        return False
    if job == "repeat":
        return target in ("repeat", node.id)
    if job == "back":
        if target == "back" or target == menu.entry.ref or (menu.nodes.get(target) and target in line.opening_menus):
            return True
        return any(t == node.id and a["kind"] in CHOICE for t, a in line.open.edges_from(target))
    if job == "human":
        return any(a.option_reaches_human(node.id, option.key) for a in line.states.values())
    target_node = menu.nodes.get(target)
    return job == "hangup" and target_node is not None and target_node.type is NodeType.HANGUP
