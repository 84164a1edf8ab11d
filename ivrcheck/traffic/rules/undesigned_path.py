"""Calls in production take a path the design does not have: the design and the live flow have drifted.

## What it checks
Moves in the logs that the design has no edge for (a menu leading somewhere none of its
options goes, a key the menu does not offer but production answers, one node following
another with no route between them), and places the logs name that the design has no node
for. Each move taken by at least `min_calls` calls is reported once, with its count.

## Why it matters
After a migration or a quick fix on the platform's canvas, production flows often drift
from the documented design; every finding, score and diagram of the design is then about
a line callers no longer meet. The logs are the one source that shows the live flow.

## Example
Logs where 140 calls went from "main" to "billing_v2", a node the design does not have.

## Use instead
Bring the design up to date with production (re-import the live flow), or fix production.

## Settings
- `min_calls` (default 10): fewer calls than this on a move may be test calls.
"""

from __future__ import annotations

from typing import Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import Traffic

CODE = "U704"
NAME = "undesigned-path"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"min_calls": 10}


def check(menu: Menu, line: LineAnalysis, traffic: Traffic, settings: dict) -> Iterator[Problem]:
    least = int(settings["min_calls"])
    for (source, to), calls in sorted(traffic.all.undesigned.items()):
        if calls < least:
            continue
        node = menu.nodes[source]
        what = f'callers pressed "{to[4:]}", which it does not offer' if to.startswith("key ") else \
            f'calls went on to "{to}", where no route of "{source}" leads'
        yield Problem(node.span, source, f'{calls} calls left "{source}" in production a way the design lacks: {what}',
                      "bring the design up to date with the live flow, or fix the flow")
    for name, records in traffic.unknown.most_common():
        if records >= least:
            yield Problem(menu.span, None, f'the logs name "{name}" {records} times; the design has no such node',
                          "add it to the design, or check that the logs are of this line")
