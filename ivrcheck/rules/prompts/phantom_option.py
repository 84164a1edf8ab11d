"""The prompt tells callers to press a key that the menu does not have.

## What it checks
Reads each menu's prompt in the file's `language` (as P401 does) and reports every key
it offers ("press 4", "paina neljä", "press the pound key") that has no option in that
menu, and an invitation to dial an extension in a menu without `dial_by_extension`.
Quantities are not keys: "enter your four digit PIN", "choose one of the following",
"valitse yksi seuraavista" are not offers; "In an emergency, dial 112" offers no key
either, since a multi-digit number is not a single key, nor do its digits spoken apart
("hang up and dial 9 1 1", "soita 1 1 2", "dial star 9 8"): telling callers how to reach
the emergency services is advice to keep, not a menu key to bind.

A key said as a number word and followed by a plain word ("choose one option", "Välj ett
alternativ", "Ange ett nummer där vi kan nå dig", "Valitse yksi vaihtoehto") may count something
rather than name a key: that finding is **info**. So is a key followed by another with "then"
("if it happens again, call back and press 1, then 2"): the prompt tells a way through several
menus, heard on a later call or in the next menu. A number inside an option's own name as the
prompt says it ("Pick 3 and Pick 4, press 3", where option 3 is labelled "Pick 3 and Pick 4") is
no offer at all. Digits, key forms that are never counts
("ykköstä", "ettan") and a number word followed by a mark or a function ("press one for
billing", "tryck ett, om ...") stay errors.

## Why it matters
A caller who does exactly what the prompt says and hears "that is not a valid option"
stops trusting the menu: the fault is the system's, yet it counts against the caller's
retries and may end the call. This usually happens when an option is removed and the
recorded prompt is not, so it is an error: the prompt and the options disagree.

## Example
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Sopimusasioissa paina 2. Asiakaspalvelijalle paina 0.
    options:
      "1": {label: Laskutus, goto: billing}
      "0": {label: Asiakaspalvelija, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Asiakaspalvelijalle paina 0.
    options:
      "1": {label: Laskutus, goto: billing}
      "0": {label: Asiakaspalvelija, goto: advisor}
  billing: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. The words that offer a key are per language, in ivrcheck/language/*.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language import EXTENSION
from ivrcheck.language.naming import in_a_name
from ivrcheck.language.prompts import Offer
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "P402"
NAME = "phantom-option"
SEVERITY = Severity.ERROR
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    for node in line.menus:
        bound = {EXTENSION if o.kind == "extension" else o.key for o in node.options}
        reported: set[str] = set()
        names = [o.label for o in node.options]
        for offer in line.language.offers(node.prompt):
            if offer.key in bound or offer.key in reported or in_a_name(node.prompt or "", offer, names):
                continue
            reported.add(offer.key)
            heard = quote(offer.match.group())
            if offer.key == EXTENSION:
                message = (f"the prompt of {quote(node.id)} invites callers to dial an extension ({heard}) "
                           f"but {quote(node.id)} has no `dial_by_extension`")
                fix = "add `dial_by_extension`, or take the invitation out of the prompt"
            else:
                message = (f"the prompt of {quote(node.id)} offers key {quote(offer.key)} ({heard}) but "
                           f"{quote(node.id)} has no option {quote(offer.key)}, so callers who press it hear an error")
                fix = f"add an option {quote(offer.key)}, or take {heard} out of the prompt"
            unsure = _unsure(line, node.prompt or "", offer)
            if unsure:
                message += unsure
            yield Problem(node.prompt_span or node.span, node.id, message, fix,
                          severity=Severity.INFO if unsure else None)


def _unsure(line: LineAnalysis, prompt: str, offer: Offer) -> str:
    """Why the offer may not be a key of this menu after all, or "" when it surely is."""
    if offer.key == EXTENSION:
        return ""
    if line.language.maybe_quantity(prompt, offer):  # "Välj ett alternativ": most likely a count
        return "; but the number may count something here rather than name a key"
    if line.language.leads_on(prompt, offer):  # "call back and press 1, then 2"
        return "; but the prompt may tell a way through several menus here, heard on a later call or in the next menu"
    return ""
