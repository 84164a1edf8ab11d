"""An option label that names no task, such as "Other" or "Muut asiat".

## What it checks
Every option label in the file's `language`. A label is vague when every word in it,
after stop words are dropped and words reduced to their stems, is on the language's
list of vague words: "Other", "More options", "General enquiries", "All other
questions", "Muut asiat", "Yleiset kysymykset", "Lisää vaihtoehtoja". A label with one
word that names a task passes: "Account information", "Customer service",
"Muuttoasiat". The list is data (`vague:` in ivrcheck/language/en.yaml, fi.yaml), see
docs/languages.md.

Not reported: a closing choice, an option that takes the caller back up to a menu they
came through or ends the call ("Something else" after the outage notice, "Anything else"
in a closing menu, "That's all" to goodbye). The graph decides, not the words: the
tasks such a choice covers are named in the menu it leads back to, and a goodbye covers
none. The same words on an option that leads to a team of its own are reported.

A catch-all that puts the caller straight through to a person ("For anything else, press 0",
"Muissa asioissa paina 0" to customer service) is **info**, not a warning: the person sorts
out what the menu did not name, and blind judges of the trust corpus called all five such
warnings on good lines false. A catch-all into another menu or a self-service task stays a
warning: there the caller must choose again without knowing whether their reason belongs.

## Why it matters
Callers choose by matching their goal against the words they hear. A label such as
"Other enquiries" matches every goal a little and none well, so callers either pick it
as a catch-all (and land with an untrained team) or sit through the whole menu again.
IVR design guidance (the ACIxD wiki's rule that each label must exactly represent its
task; Avaya's menu guidelines) asks for labels in the caller's own terms.

## Example
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Muissa asioissa paina 2.
    options:
      "1": {label: Laskutus, goto: billing}
      "2": {label: Muut asiat, goto: advisor}
  billing: {type: agent, queue: laskutus}
  advisor: {type: agent}
```

## Use instead
```yaml
language: fi
entry: main
nodes:
  main:
    prompt: Laskutusasioissa paina 1. Muuttoilmoitukset paina 2. Asiakaspalvelijalle paina 0.
    options:
      "1": {label: Laskutus, goto: billing}
      "2": {label: Muuttoilmoitukset, goto: moving}
      "0": {label: Asiakaspalvelija, goto: advisor}
  billing: {type: agent, queue: laskutus}
  moving: {type: self_service}
  advisor: {type: agent}
```

## Settings
None. The vague words are per language, in ivrcheck/language/*.yaml.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.closing import closing_choice
from ivrcheck.model import Menu
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L302"
NAME = "vague-label"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {}
PART = "wording"


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    is_vague = cache(line.language.label_words.is_vague)  # once per distinct label, not per option
    for node in menu.nodes.values():
        for option in node.options:
            if option.label and is_vague(option.label) and not closing_choice(line, node, option.key):
                # "Anything else, press 0" to a person is the catch-all callers expect: the person
                # sorts out what the menu did not name. Only a catch-all into more menus is a warning.
                to_person = line.open.option_reaches_human(node.id, option.key, live_only=True)
                yield Problem(
                    option.label_span or option.span, node.id,
                    f"label {quote(option.label)} of key {quote(option.key)} in {quote(node.id)} names no task, "
                    "so callers cannot tell whether their reason for calling belongs there",
                    "name the tasks it covers in the caller's words (\"Moving home or changing address\"), "
                    "or offer a person instead",
                    severity=Severity.INFO if to_person else None,
                )

