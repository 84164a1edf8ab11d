"""Callers' most chosen options are offered late: most-popular-first would save them time (from the logs).

## What it checks
The same measure as T603 (popular-option-late), with the shares callers really chose in
the logs instead of the `weight:` typed into the file: the average wait until a caller's
option is offered now, against the wait with the task options offered most chosen first.
It fires when the saving reaches `min_seconds` in a menu at least `min_callers` reached.

## Why it matters
Ordering options by frequency of use shortens the average call (ETSI EG 202 116; the
Genesys and Amazon Connect design guides). Typed weights are guesses; logs are what
callers did. `ivrcheck traffic --write-weights` writes the shares back so T603 and the
score use them too.

## Example
A menu offering "Opening hours" first while 60 % of callers wait for option 3.

## Use instead
Offer the options in the order the message proposes.

## Settings
- `min_seconds` (default 0.5): the smallest saving for the average caller worth reporting.
- `min_callers` (default 100): fewer callers than this at a menu say too little.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ivrcheck.callers.order import reorder
from ivrcheck.findings import Problem, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import Traffic

CODE = "U703"
NAME = "observed-popular-late"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"min_seconds": 0.5, "min_callers": 100}


def check(menu: Menu, line: LineAnalysis, traffic: Traffic, settings: dict) -> Iterator[Problem]:
    for seen in traffic.all.menus.values():
        if seen.visits < int(settings["min_callers"]) or not seen.choices:
            continue
        node = menu.nodes[seen.menu]
        chosen = {o.key: o.share for o in seen.options}
        weighted = replace(node, options=tuple(replace(o, weight=chosen.get(o.key, 0.0)) for o in node.options))
        found = reorder(weighted, line.language)
        if found is None or found.saving < float(settings["min_seconds"]):
            continue
        yield Problem(node.span_of("prompt"), node.id,
                      f'callers of "{node.id}" wait {found.seconds_now:.1f} s on average before their option is '
                      f"offered, {found.saving:.1f} s more than with the options they choose most offered first",
                      f"offer them as {found.describe()}")
