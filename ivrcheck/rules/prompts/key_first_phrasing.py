"""The prompt names the key before what it is for: "Press 1 for billing".

## What it checks
Reads each menu's prompt in the file's `language` and reports the keys offered before
their function: "Press 1 for billing", "Press 0 at any time to speak to an advisor",
"Paina 1, jos asiasi koskee laskutusta", "Paina 2 sopimusasioissa". The function must
come first: "For billing, press 1", "Laskutusasioissa paina 1", "Sopimukset, valitse 2".
A prompt that offers a key with nothing after it ("To hear these options again, press
star"), or another way to choose ("press 0, or say advisor"), is fine, and so is a key
offered as the other half of a choice the caller already has ("Please hold, or press 1
for a callback within 30 minutes"). One finding per
menu lists every key phrased key first.

## Why it matters
Callers listen for their goal. Heard key first, every number must be held in memory
until its function arrives, and most are discarded; heard goal first, the caller waits
for the one that matches and then needs to remember only one digit. IVR design guides
(Plum Voice's prompt guidelines, the ACIxD wiki, Avaya's menu guidance) write every
option as "For X, press N" for this reason. It is a matter of style and memory load,
so the rule is informational.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: Press 1 for billing. Press 2 for a new connection. Press 0 to speak to an advisor.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: New connection, goto: connection}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  connection: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. For a new connection, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: New connection, goto: connection}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: self_service}
  connection: {type: self_service}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language import Language, Offer

CODE = "P403"
NAME = "key-first-phrasing"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    language = line.language
    for node in line.menus:
        late = [o for o in language.offers(node.prompt) if o.key_first and not _second_way(language, node.prompt, o)]
        if not late:
            continue
        keys = ", ".join(dict.fromkeys(quote(o.key) for o in late))
        first = late[0]
        heard = " ".join(node.prompt[first.start:first.ready].split())
        label = next((o.label for o in node.options if o.key == first.key and o.label), None)
        yield Problem(
            node.prompt_span or node.span, node.id,
            f"the prompt of {quote(node.id)} names the key before its function for {keys} ({quote(heard)}), "
            "so callers must hold each number in mind until they hear what it is for",
            f"say the function first: {quote(line.speaks(node, heard).offer_example(label, first.key))}",
        )


_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")


def _second_way(language: Language, prompt: str, offer: Offer) -> bool:
    """Whether the offer is the other half of a choice the caller already has: "Please hold, or
    press 1 for a callback". The caller knows what waiting does; the key comes with its reason."""
    before = _LAST_WORD.search(prompt, 0, offer.match.start())
    alternatives = language.prompt_words.alternatives.union(*(w.alternatives for w in language.also))
    return before is not None and before.group(1).lower() in alternatives
