"""A menu where many callers time out, press a wrong key, press 0 or hang up: a confusion hot spot.

## What it checks
Menus that at least `min_callers` callers reached in the logs. The share of them who
timed out, pressed a key the menu does not take, pressed `0` or hung up in the menu (each
caller counted once, however many of these they did) is compared with `max_lost`; the message gives each rate.

## Why it matters
Callers who press nothing, press wrongly, zero out or hang up did not find their task in
the menu's words: these are the lost-caller measures call centres track for a menu
(ISO/IEC 13714 asks that callers be able to recover; the zero-out rate is the standard
IVR measure of a menu that does not serve). A design can be clean and still lose callers.

## Example
A menu where 12 % time out, 9 % press 0 and 8 % hang up (29 % lost).

## Use instead
Reword the options in the callers' words (the tree test's `tasks:` help), shorten the
menu, and make the most chosen option the first.

## Settings
- `max_lost` (default 0.25): the share of lost callers above which a menu is a hot spot.
- `min_callers` (default 100): fewer callers than this at a menu say too little.
"""

from __future__ import annotations

from typing import Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu
from ivrcheck.traffic.observed import Traffic

CODE = "U702"
NAME = "confusion-hot-spot"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_lost": 0.25, "min_callers": 100}


def check(menu: Menu, line: LineAnalysis, traffic: Traffic, settings: dict) -> Iterator[Problem]:
    for seen in traffic.all.menus.values():
        if seen.visits < int(settings["min_callers"]):
            continue
        lost = {"timed out": seen.timeouts, "pressed a wrong key": seen.invalids, "pressed 0": seen.zero_outs,
                "hung up": seen.hangups}
        share = seen.rate(seen.lost)
        if share <= float(settings["max_lost"]):
            continue
        node = menu.nodes[seen.menu]
        parts = ", ".join(f"{n / seen.visits:.0%} {what}" for what, n in lost.items() if n)
        yield Problem(node.span, node.id,
                      f'{share:.0%} of the {seen.visits} callers in "{node.id}" got lost ({parts}), over '
                      f"{float(settings['max_lost']):.0%}",
                      "reword the options in the callers' words, shorten the menu, put the most chosen first")
