"""A weighted menu offers a popular option late: most-popular-first would save callers time.

## What it checks
Menus whose options carry `weight:` (the share of callers who choose each, from
call-reason data). A caller can press their key once the prompt has said what it is for,
so each option offered before theirs costs them its sentence. The rule compares the
average wait, weighted by the options' shares, with the wait if the task options were
offered most popular first, and fires when the difference reaches `min_seconds`. The
universal keys `0`, `*` and `#`, and dial-by-extension, keep their places. Options
without a weight share what the weights leave. The message gives the proposed order.

The finding is info, a saving to weigh against other reasons for an order (an urgent option
first, a helpline before a callback). It is a warning when a menu of four task options or
more offers them *against* demand: their shares rise along the prompt (Kendall's tau of
position against share at least `against_demand`, 0.6 by default; 1 is least popular first,
most popular last). No reason for an order puts the commonest errand last, and most callers
then sit through every other option first. The shares must rise after the first task option
as well: one option put first on purpose (the 24-hour team for customers off supply, before
a callback and the main menu, which tie) is a reason for an order, not an order against
demand, and stays info. On the trust corpus's development half, the one T603 warning on a
good line was such a case (judged false), while the three on flawed twins rise all along.
So a warning needs four task options or more: with three, what follows the first is one pair
of options, and one pair is no trend. A building society's closed-hours menu offering the
lost-card team first on purpose, then a balance (30%) and a callback (40%), was warned about
and the advice (the callback before the fraud team) judged harmful; it is info now, like any
three-option menu, while every planted "reverse order of demand" on the corpus has four or
more task options and still warns.

## Why it matters
Ordering options by frequency of use shortens the average call and puts most callers'
choice before their attention fades: ETSI EG 202 116 (user interfaces for ICT devices
and services) and vendor design guides (Genesys, Amazon Connect) advise offering the
most frequently chosen options first.

## Example
```yaml
entry: main
nodes:
  main:
    prompt: >
      For opening hours, press 1. For changes to your booking, press 2.
      For new bookings, press 3. To speak to an advisor, press 0.
    options:
      "1": {label: Opening hours, goto: hours_info, weight: 0.1}
      "2": {label: Changes to your booking, goto: advisor, weight: 0.2}
      "3": {label: New bookings, goto: booking, weight: 0.6}
      "0": {label: Speak to an advisor, goto: advisor, weight: 0.1}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  booking: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
entry: main
nodes:
  main:
    prompt: >
      For new bookings, press 1. For changes to your booking, press 2.
      For opening hours, press 3. To speak to an advisor, press 0.
    options:
      "1": {label: New bookings, goto: booking, weight: 0.6}
      "2": {label: Changes to your booking, goto: advisor, weight: 0.2}
      "3": {label: Opening hours, goto: hours_info, weight: 0.1}
      "0": {label: Speak to an advisor, goto: advisor, weight: 0.1}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  booking: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `min_seconds` (default 0.5): the smallest saving for the average caller worth reporting.
- `against_demand` (default 0.6): how strongly the shares must rise along the prompt for a
  warning (menus of three task options or more).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.callers.order import Reorder, reorder
from ivrcheck.findings import Finding, Fix, Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote
from ivrcheck.rules.edits import Source, replace_key, replace_prompt

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "T603"
NAME = "popular-option-late"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {"min_seconds": 0.5, "against_demand": 0.6}
PART = "navigation"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    least, against = float(settings["min_seconds"]), float(settings["against_demand"])
    for node in line.menus:
        if node.id not in line.reachable:
            continue
        found = reorder(node, line.language)
        if found is None or found.saving < least:
            continue
        # Demand must rise after the first option too (it may lead on purpose), over three options at least.
        reversed_ = found.tasks >= 4 and min(found.rising, found.rising_after_first) >= against
        how = "its options in rising order of demand" if reversed_ else "popular options late"
        yield Problem(node.span_of("prompt"), node.id,
                      f"menu {quote(node.id)} offers {how}: callers wait {found.seconds_now:.1f} s on "
                      f"average before their option is offered, {found.saving:.1f} s more than with the most popular "
                      f"first",
                      f"offer them as {found.describe()}", severity=Severity.WARNING if reversed_ else None)


def fix(finding: Finding, menu: Menu, line: LineAnalysis, source: Source) -> Fix | None:
    """Offer the options most popular first: the prompt's offers in the new order, the keys
    renumbered in the prompt and on the options. Unsafe: callers who know the old keys press them."""
    node = menu.nodes.get(finding.node_id or "")
    found = reorder(node, line.language) if node is not None else None
    if node is None or node.prompt is None or found is None:
        return None
    prompt = _reordered(node.prompt, line, found)
    if prompt is None:
        return None
    edits = [replace_prompt(source, node, prompt)]
    edits += [replace_key(source, option.span, new) for old, new, option, _ in found.order if new != old]
    if any(e is None for e in edits):
        return None
    return Fix(f"offer the options of {quote(node.id)} most popular first: {found.describe()}",
               tuple(e for e in edits if e is not None), safe=False)


def _reordered(prompt: str, line: LineAnalysis, found: Reorder) -> str | None:
    """The prompt with its offers in the proposed order and their keys renamed, or None when an offer
    names its key in words or the prompt offers something the order leaves out."""
    offers = line.language.offers(prompt)
    if [o.key for o in offers] != sorted((o.key for o in offers), key=[o.key for o in offers].index) or \
            len(offers) != len(found.order):
        return None
    starts = [o.start for o in offers] + [len(prompt)]
    parts = {}
    for i, offer in enumerate(offers):
        new = next((n for k, n, _, _ in found.order if k == offer.key), None)
        try:
            at, end = offer.match.start("key") - offer.start, offer.match.end("key") - offer.start
        except IndexError:
            return None
        text = prompt[offer.start:starts[i + 1]]
        if new is None or not text[at:end].isdigit() and new != offer.key:
            return None
        parts[offer.key] = (text[:at] + new + text[end:]).strip()
    head = prompt[:starts[0]].strip()
    return " ".join([*([head] if head else []), *(parts[k] for k, _, _, _ in found.order)])
