"""A menu or input prompt that takes more than 20 seconds to speak.

## What it checks
The time each `menu` and `input` prompt takes to speak at the language's rate (English
150 words a minute, Finnish 4.5 syllables a second, both configurable with
`speaking_rate`; see docs/languages.md). Messages are not checked: they inform rather
than ask, and a long one shows up in P405 or in `seconds_to_human` instead. The finding
says by how much the prompt is over the limit ("23.4 s, 3.4 s over the 20 s limit"); a
prompt at the limit, to a tenth of a second, is not reported. Offers that close a prompt
and only repeat it, go back or go to the main menu ("To hear these options again, press
star. For the main menu, press hash.") are not counted: callers need not keep them in
mind, as S106 does not count them. The way to a person, and a notice among the closing
offers, are counted. A prompt up to a fifth over the limit (up to 24 s at the default 20 s) is
reported as info, further over as a warning. A sentence before the first offer that sends callers to an emergency
number ("If anyone is hurt, hang up and dial 9 1 1."; "Hengenvaarallisessa tilanteessa soita
heti 112."; a three-digit number, digits together or apart) is not counted either, and the
finding says so; every other greeting, notice or advice is ("To report a gas leak, hang up
and call the emergency line" below counts). In a menu heard only outside opening hours
(the closed case of an hours branch) or as a closed person's fallback, what it says before its first offer ("We're closed
now; we're open weekdays 8 to 6") is not counted either: it tells callers when to call back,
which they need not hold in mind to choose among the offers that follow, and blind judges of
the trust corpus took such menus as "long, but what out-of-hours callers need" every time;
unless the prompt with it takes twice the limit (every clinic's hours and a price notice):
then the notice is itself too long, and counts.
The finding says what was left out.

## Why it matters
A caller has to keep every option in mind until the prompt ends; past about twenty
seconds the first options are forgotten before the last are heard, and callers replay
the menu or press 0. Emergency advice is not an option to hold in mind: a caller it is for
hangs up, the others may forget it without choosing worse. It has to come before the
options, where a caller in danger hears it first, so "cut it" would be harmful advice, and
a well-made claims or health menu with it was pushed over the limit by it alone. Plum Voice's prompt guidelines cap instructional prompts at twenty
seconds, and Avaya's advise four or five options a menu, which a prompt of that length
holds. The seconds are an estimate at the slow end of recorded speech (150 words a minute;
read-aloud speech runs far faster, docs/languages.md), so a prompt estimated a few seconds
over may be within the limit as recorded: that edge band is info. On lines written blind,
designers took prompts of 21 to 24 s as "long but every sentence earns its place", and
agreed to trim from about 24 s on.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      Welcome to Acme Energy, the greener choice for your home and business. Please
      listen carefully, as our menu options have recently changed. You can also manage
      your account online at any time. To report a gas leak, hang up and call the
      emergency line. For billing, press 1. For meter readings, press 2. To speak to an
      advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Meter readings, goto: meter}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  meter: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: >
      Welcome to Acme Energy. For billing, press 1. For meter readings, press 2.
      To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Meter readings, goto: meter}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  meter: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `max_seconds` (default 20): the longest a menu or input prompt may take to speak.
- `margin` (default 0.5): how far over the limit, as a share of it, a prompt is still only
  info; further over it is a warning. Set 0 to warn at the limit itself.

## When it warns, and when it only informs
Up to half again the limit (20 to 30 s) a long prompt is `info`: there a blind judge could
not tell a prompt to trim from one whose every sentence earns its place. From there to twice
the limit (30 to 40 s) it warns only when the talk before the first offer alone (greeting,
notices, advertising; the emergency advice and a closed notice left out as above) takes
longer than the limit: that talk can be cut or moved whatever the options are. A prompt of
30 to 40 s that is mostly its offers is info: whether an interpreter offer, an urgent
option or a second language earns its place is the designer's call, and a menu with too
many options is S106's finding. Twice the limit or more, it always warns. On the trust
corpus's dev half (benchmarks/trust.py, 64 good lines written blind) the 11 warnings
between 22 and 30 s were 4 true and 7 arguable (a main menu carrying a second language's
offer, the hours after closing, emergency advice), precision 0.36; every planted "prompt
made too long" defect the rule found took 32 s or more (telco 32 s, up to 66 s), so the
higher bar keeps all of them as warnings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.build import CLOSED
from ivrcheck.graph.closing import closed_fallback_menu
from ivrcheck.language.prompts import emergency_advice
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.rules.base import Settings, quote, universal_function

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P404"
NAME = "long-prompt"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_seconds": 20, "margin": 0.5}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = float(settings["max_seconds"])
    edge = limit * (1 + float(settings["margin"]))
    for node in menu.nodes.values():
        if node.type not in (NodeType.MENU, NodeType.INPUT) or not node.prompt:
            continue
        end, closing = _to_remember(node, line)
        # Judged as shown, to a tenth of a second: a prompt shown as "20.0 s" is not over 20 s.
        offers = line.language.offers(node.prompt)
        opening = node.prompt[:offers[0].start] if offers else ""
        # A closed notice is left out, unless the prompt with it is twice the limit: then it is itself too long.
        whole = line.language.seconds(node.prompt[:end])
        notice = [opening] if opening and whole < _CLEAR * limit and _closed_notice(line, node) else []
        safety = [] if notice else emergency_advice(opening)
        seconds = round(whole - sum(map(line.language.seconds, safety + notice)), 1)
        talk = line.language.seconds(opening) - sum(map(line.language.seconds, safety + notice))
        if seconds > limit:
            left_out = (["the emergency advice"] if safety else []) + \
                (["the closed notice before the offers"] if notice else []) + \
                ([f"the closing offers of {' and '.join(map(quote, closing))} (repeat, back, main menu)"] if closing else [])
            besides = f" without {' or '.join(left_out)}" if left_out else ""
            yield Problem(
                node.prompt_span or node.span, node.id,
                f"the prompt of {quote(node.id)} takes {seconds:.1f} s to speak{besides}, {seconds - limit:.1f} s "
                f"over the {limit:g} s limit, so callers forget the first options before they hear the last",
                "cut it to what callers need to choose, move announcements out of the menu, or split the menu",
                severity=Severity.INFO if seconds <= edge or (edge > limit and seconds < _CLEAR * limit
                                                              and talk <= limit) else None,
            )


#: A prompt this many times the limit is too long whatever it says.
_CLEAR = 2


def _closed_notice(line: LineAnalysis, node: Node) -> bool:
    """Whether the menu is heard only when the line is closed, or as a closed person's fallback: what
    it says before its first offer ("We're closed now; we're open weekdays 8 to 6") tells callers when
    to call back, which they need not hold in mind to choose among the offers that follow."""
    heard = [a for a in line.states.values() if node.id in a.reachable]
    return node.type is NodeType.MENU and bool(heard) and all(
        a.state == CLOSED or closed_fallback_menu(a, node.id) for a in heard)


def _to_remember(node: Node, line: LineAnalysis) -> tuple[int, tuple[str, ...]]:
    """How much of the prompt callers must hold in mind, and the keys left out.

    The whole prompt, unless it closes with nothing but offers to repeat, go back or go to
    the main menu ("To hear these options again, press star. For the main menu, press
    hash."): callers need not remember those (S106 does not count them either), so the
    time ends where the last offer before them is complete. The way to a person is a
    choice callers weigh, and counts.
    """
    prompt = node.prompt or ""
    offers = line.language.offers(prompt)
    options = {o.key: o for o in node.options}
    closing = 0
    for offer in reversed(offers):
        option = options.get(offer.key)
        if option is None or universal_function(node, option, line) not in _NAVIGATION:
            break
        closing += 1
    if not closing or closing == len(offers):
        return len(prompt), ()
    last_task, tail = offers[-closing - 1], offers[-closing:]
    gaps = zip([last_task.ready, *(o.ready for o in tail)], [*(o.start for o in tail), len(prompt)])
    if any(_SAYS_SOMETHING.search(prompt, start, stop) for start, stop in gaps):
        return len(prompt), ()  # a notice among the closing offers still has to be heard
    return last_task.ready, tuple(o.key for o in tail)


_SAYS_SOMETHING = re.compile(r"[^\W_]")
_NAVIGATION = ("repeat", "back", "the main menu")
