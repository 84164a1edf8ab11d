"""An option fewer than 1 % of a menu's callers choose: a candidate to remove or move down a level.

## What it checks
Menus that at least `min_callers` callers reached in the logs. A task option (not `0`,
`*`, `#`, nor one that repeats or goes back) chosen by fewer than `max_share` of the
menu's choices is reported with its observed share and the number of callers.

## Why it matters
Every option costs every caller its sentence of the prompt. An option almost nobody
takes lengthens the menu for all and adds a choice to weigh (Hick's law); ETSI EG 202 116
advises keeping menus short and ordering by frequency, and moving rare tasks deeper.

## Example
A menu whose option 3 got 4 of 1,000 choices (0.4 %).

## Use instead
Remove the option, or move it under another option; ivrcheck reports it again only if
callers still seldom choose it.

## Settings
- `max_share` (default 0.01): the share below which an option is rare.
- `min_callers` (default 200): fewer callers than this at a menu say too little.
"""

from __future__ import annotations

from typing import Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import Traffic

CODE = "U701"
NAME = "rarely-used-option"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"max_share": 0.01, "min_callers": 200}
_FIXED = ("0", "*", "#")


def check(menu: Menu, line: LineAnalysis, traffic: Traffic, settings: dict) -> Iterator[Problem]:
    for seen in traffic.all.menus.values():
        if seen.visits < int(settings["min_callers"]) or not seen.choices:
            continue
        node = menu.nodes[seen.menu]
        for option in node.options:
            if option.key in _FIXED or option.target is None or option.target.is_builtin or option.target.ref == node.id:
                continue
            share = seen.option(option.key)
            if share is not None and share.share < float(settings["max_share"]):
                yield Problem(option.span, node.id,
                              f'option "{option.key}" ({option.label or option.target.ref}) in "{node.id}" was chosen '
                              f"by {share.share:.1%} of callers ({share.chosen} of {seen.choices}), under "
                              f"{float(settings['max_share']):.0%}",
                              "remove it or move it a level down, so the other callers hear a shorter menu")
