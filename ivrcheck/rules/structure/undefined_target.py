"""A target (`goto`, `next`, `closed`, a case, an error route or `entry`) that names no node.

## What it checks
Every target must name a node of the file, one of the built-ins `repeat` and `back`, or a
node in another file (`billing.ivr.yaml#start`, checked when the files are loaded): `goto`,
`next`, `closed`, error routes, branch cases, `entry`, and the `expect:` of each task. A
misspelt id is reported at the target itself, with the closest node id as a suggestion.
`entry` is stricter: `repeat` and `back` are moves from a menu, so an `entry: repeat` names
nowhere a call can start and is reported too (`render` refuses to draw it for the same reason).

## Why it matters
A target that names nothing is a broken transfer: depending on the platform the caller
hears an error prompt, silence, or is disconnected. Genesys Architect and Amazon Connect
refuse to publish such flows, but a menu kept in YAML can carry one for weeks before it is
deployed; ivrcheck catches it at the line where it is written.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisr}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.didyoumean import suggest
from ivrcheck.model import Menu, Target
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S101"
NAME = "undefined-target"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "robustness"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    ids = list(menu.nodes)
    fix = cache(lambda ref: _fix(ref, ids))  # a suggestion reads every id: once per distinct name
    if menu.entry.is_builtin:  # "repeat", "back": moves from a menu, nowhere a call can start (render agrees)
        yield Problem(menu.entry.span, None, f"`entry` names {quote(menu.entry.ref)}, a move from a menu, "
                      "not a node a call can start at", fix(menu.entry.ref))
    elif not _defined(menu, menu.entry):
        yield Problem(menu.entry.span, None, f"`entry` names {quote(menu.entry.ref)}, which is no node",
                      fix(menu.entry.ref))
    for node_id, node in menu.nodes.items():
        for target in node.targets():
            if not _defined(menu, target):
                yield Problem(target.span, node_id,
                              f"{quote(node_id)} leads to {quote(target.ref)}, which is no node",
                              fix(target.ref))
    for task in menu.tasks:
        if not _defined(menu, task.expect):
            yield Problem(task.expect.span, None,
                          f"the task {quote(task.say)} expects callers at {quote(task.expect.ref)}, which is no node",
                          fix(task.expect.ref))


def _defined(menu: Menu, target: Target) -> bool:
    return target.is_builtin or target.is_external or target.ref in menu.nodes


def _fix(ref: str, ids: list[str]) -> str:
    hint = suggest(ref, ids) if ids else "declare the node under `nodes:`"
    return f"{hint} Otherwise declare {quote(ref)} under `nodes:`" if hint.startswith("did you") else hint
