"""A caller is rushed: too little time to answer, to key in digits, or a prompt played too fast.

## What it checks
In every reachable menu and input: a `timeout` (silence before `on_timeout`) below
`min_timeout` seconds, reported once at `defaults:` when it comes from there (not in a
choice of language whose silence goes where one of its options does, or that offers only
the other languages and moves callers who wait on to the default one: waiting is then
how callers choose the default language; nor in a greeting callers may let pass, whose
silence and wrong keys go on into the line ("Para español, oprima 9", then the English menu
after 2 s): a longer wait would delay every caller of the line's own language, and blind
judges of the trust corpus called eleven such warnings false, most of them harmful; nor where silence puts the caller through to a
person, as in "We'll now connect you to roadside assistance" with a key to connect at once:
a short wait there connects the caller sooner, and a longer one only delays them); and an
input's `digit_timeout` (seconds allowed between two digits) below `min_digit_timeout`,
since callers copy account and card numbers from a letter or a card a group at a time.
In every reachable node with a prompt: a declared `speaking_rate:` (in the node's
language's unit: words a minute for English and Swedish, syllables a second for Finnish)
above `max_rate_percent` of that language's standard rate (150 words a minute for both,
4.5 syllables a second; docs/languages.md). Nodes that declare no rate are not judged.

## Why it matters
Being rushed is one of the ways a menu loses callers who need a little more time: people
with memory or attention difficulties, older callers, callers in their second language,
anyone looking for an account number. W3C's *Making Content Usable for People with
Cognitive and Learning Disabilities* (COGA) asks for enough time and no hidden time
limits, and WCAG 2.2.1 (Timing Adjustable) for time limits a user can extend. Retries do
not make up for it: the caller who is still searching for the number hears the prompt
again, and after the last retry is cut off or sent away. Five seconds is what platforms
give by default (Amazon Connect's Get customer input times out after 5 s).

## Example
```yaml
entry: main
defaults: {timeout: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To check your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Check your balance, goto: account}
      "0": {label: Speak to an advisor, goto: advisor}
  account:
    type: input
    prompt: Please enter your ten digit account number.
    digits: 10
    digit_timeout: 1
    next: advisor
  advisor: {type: agent, announces_wait: true}
```

## Use instead
```yaml
entry: main
defaults: {timeout: 6, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: To check your balance, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Check your balance, goto: account}
      "0": {label: Speak to an advisor, goto: advisor}
  account:
    type: input
    prompt: Please enter your ten digit account number.
    digits: 10
    timeout: 10
    digit_timeout: 4
    next: advisor
  advisor: {type: agent, announces_wait: true}
```

## Settings
- `min_timeout` (default 5): the least silence, in seconds, before a menu or input gives up.
- `min_digit_timeout` (default 3): the least time, in seconds, allowed between two digits.
- `max_rate_percent` (default 110): the fastest declared speaking rate, as a percentage
  of the language's standard rate.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity, Span
from ivrcheck.language import load_language
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, chooses_language, quote, silence_reaches_person

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "R507"
NAME = "short-timeout"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"min_timeout": 5, "min_digit_timeout": 3, "max_rate_percent": 110}
PART = "robustness"

_UNITS = {"words_per_minute": "words a minute", "syllables_per_second": "syllables a second"}


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    yield from _timeouts(menu, line, float(settings["min_timeout"]))
    least = float(settings["min_digit_timeout"])
    limit = float(settings["max_rate_percent"])
    language_of = cache(load_language)  # once per distinct code, not per node
    for node in menu.nodes.values():
        if node.id not in line.reachable:
            continue
        if node.type is NodeType.INPUT and node.digit_timeout is not None and node.digit_timeout < least:
            digits = f"{node.digits} digits" if node.digits else "the digits"
            yield Problem(node.span_of("digit_timeout"), node.id,
                          f"input {quote(node.id)} allows {node.digit_timeout:g} s between digits, under "
                          f"{least:g} s: callers copying {digits} from a card or letter are cut off",
                          f"allow at least `digit_timeout: {least:g}`")
        if node.speaking_rate is not None and node.prompt:
            language = language_of(node.language or menu.language)
            percent = round(node.speaking_rate / language.rate * 100, 6)
            if percent > limit:
                unit = _UNITS.get(language.rate_unit, language.rate_unit)
                yield Problem(node.span_of("speaking_rate"), node.id,
                              f"the prompt of {quote(node.id)} is played at {node.speaking_rate:g} {unit}, "
                              f"{percent:.0f}% of the {language.rate:g} usual for {language.code}, over "
                              f"{limit:g}%", "slow it down to the language's usual rate; shorten the prompt "
                              "instead if it is too long")


def _timeouts(menu: Menu, line: LineAnalysis, least: float) -> Iterator[Problem]:
    """Short timeouts, once per place they are written (a node, or `defaults` for all that inherit it)."""
    by_span: dict[Span, list[str]] = {}
    for node in menu.nodes.values():
        if node.is_interactive and node.id in line.reachable and node.timeout is not None and node.timeout < least \
                and not _waiting_chooses_a_language(menu, node) \
                and not silence_reaches_person(menu, line.open, node):
            by_span.setdefault(node.span_of("timeout"), []).append(node.id)
    for span, nodes in by_span.items():
        first = menu.nodes[nodes[0]]
        own = "timeout" not in first.inherited
        count = f"one {first.type.value}" if len(nodes) == 1 else f"{len(nodes)} menus and inputs"
        where = f"{first.type.value} {quote(first.id)} gives" if own else f"`defaults` give {count}"
        yield Problem(span, first.id if own else None,
                      f"{where} {first.timeout:g} s to answer, under {least:g} s: callers who need a moment "
                      "to decide or to find a number are timed out",
                      f"use `timeout: {least:g}` or more")


def _waiting_chooses_a_language(menu: Menu, node: Node) -> bool:
    """A choice of language whose silence leads where one of its languages does ("Suomeksi paina 1 tai
    odota hetki"), or a menu that only offers the other languages and moves those who wait on to the
    default one ("Suomeksi, odota hetki. På svenska, tryck 2"): a short wait is how most callers
    choose the line's own language, not a cut-off."""
    if node.on_timeout is None or node.on_timeout.ref in ("repeat", "back", node.id):
        return False
    return menu.lets_pass(node) or any(
        chooses_language(o) and o.target is not None and o.target.ref == node.on_timeout.ref for o in node.options)
