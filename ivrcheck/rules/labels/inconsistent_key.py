"""One function (a person, repeat, back, main menu) on different keys in different menus.

## What it checks
In every reachable menu, finds the keys that do one of four things callers look for
everywhere: **a person** (reaches a live human with no further choice and is labelled as
such in the file's language: every word of its label or of one of its `say:` phrases
asks for a person, "Speak to an advisor", "Asiakaspalvelija", or a role callers ask for
by name, "Speak to a nurse", "Hoitajalle", "Sjuksköterska", "Médico", each role compared
only with itself; or it has no label), **repeat** (`goto: repeat` or the menu itself),
**back** (`goto: back`) and **the main menu** (a `goto` from another menu to a menu a
call starts at). When one function sits on different keys, the key most menus use is
taken as the rule (on a tie, the one met first in the file) and every other key is
reported, unless that menu also offers the function on the usual key. Options that
merely end with a person are tasks, not the human function: "Apply for a mortgage" to the
mortgage team, or "Add a person to your policy" to a specialist, which names a person
but asks for something else.

A menu that winds a call up (a closing menu, "Anything else? For the main menu, press 1";
one heard only after a self-service step did the errand; an after-hours menu with nobody
live to reach) does not set the usual key, and a different key there is info, not a
warning: such a menu is short, the caller hears all of it, and its main-menu choice is one of
its announced choices rather than a key pressed from habit. Designers of lines written blind
took "1 for the main menu" there as common practice.

A different key is info, too, where the menu leaves the usual key unbound: a caller who presses
it from habit hears the menu again, a retry lost rather than a wrong turn ("speak to someone
about your options, press 3" in a switching menu with no 0; the nurse on 1 in a symptom menu).
It warns where the usual key does something else there (star and hash swapped: the caller who
presses star to repeat is thrown back to the main menu).

## Why it matters
Callers learn navigation keys once and then press them without listening, the way
ISO/IEC 13714 fixes `*` and `#` across every menu of a voice-messaging system and
guidance from the GetHuman standard to vendor style guides fixes `0` for a person. A
repeat key that moves from `*` to `9` between menus sends a caller who presses `*`
somewhere else entirely.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Speak to an advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  billing:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0. To hear these options again, press 9.
    options:
      "1": {label: Pay a bill, goto: pay}
      "0": {label: Speak to an advisor, goto: advisor}
      "9": {label: Repeat these options, goto: repeat}
  pay: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Speak to an advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  billing:
    prompt: To pay a bill, press 1. To speak to an advisor, press 0. To hear these options again, press star.
    options:
      "1": {label: Pay a bill, goto: pay}
      "0": {label: Speak to an advisor, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  pay: {type: self_service}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.closing import winding_up_menu
from ivrcheck.model import Menu, Node, Option
from ivrcheck.rules.base import Settings, quote, universal_function

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L304"
NAME = "inconsistent-key"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    uses: dict[str, list[tuple[Node, Option]]] = {}
    for node in menu.nodes.values():
        if node.is_menu and node.id in line.reachable:
            for option in node.options:
                function = universal_function(node, option, line)
                if function == "a person":
                    function = _whom(option, line)
                if function is not None:
                    uses.setdefault(function, []).append((node, option))
    winding = {node_id for node_id in {n.id for found in uses.values() for n, _ in found}
               if winding_up_menu(line, node_id)}
    for function, found in uses.items():
        counts = Counter(o.key for n, o in found if n.id not in winding) or Counter(o.key for _, o in found)
        if len({o.key for _, o in found}) < 2:
            continue
        usual = max(counts, key=counts.__getitem__)  # the first key met wins a tie
        with_usual = [n.id for n, o in found if o.key == usual]
        usual_menus = set(with_usual)
        for node, option in found:
            if option.key == usual or node.id in usual_menus:
                continue
            where = ", ".join(quote(m) for m in dict.fromkeys(with_usual[:3]))
            # The learnt key bound here to something else misleads; unbound, it only costs a retry.
            unbound = all(o.key != usual for o in node.options)
            yield Problem(
                option.span, node.id,
                f"{function} is on key {quote(option.key)} in {quote(node.id)} but on {quote(usual)} in {where}, "
                "so callers who learnt the key press the wrong one"
                + (f"; {quote(usual)} does nothing else here, so they hear the menu again" if unbound else ""),
                f"use {quote(usual)} for {function} in every menu",
                severity=Severity.INFO if node.id in winding or unbound else None,
            )


def _whom(option: Option, line: LineAnalysis) -> str:
    """ "a person", or the role the option asks for by name ("a nurse"): roles are conventions of
    their own, so a nurse on 2 and reception on 0 are two keys kept, not one key broken."""
    words = line.language.label_words
    person = words.lexicon.functions.get("person", frozenset())
    found = {g for phrase in (option.label, *option.say) if phrase for u in words.units(phrase) for g in u.concepts}
    roles = sorted(found & person - {"human", "speak"})
    return f"a {roles[0]}" if roles and "human" not in found else "a person"
