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

Reported as **info** only: a vague label on an option that reaches a person ("For anything
else, press 0, and one of our team will help"): the person is the catch-all the advice asks
for, and a caller whose task is not listed is served there. "General enquiries" leading to a
menu of further choices still warns: the tasks behind it are hidden.

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
from ivrcheck.rules.base import Settings, aims_at_person, quote

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
                person = aims_at_person(menu, line, node.id, option)
                yield Problem(
                    option.label_span or option.span, node.id,
                    f"label {quote(option.label)} of key {quote(option.key)} in {quote(node.id)} names no task, "
                    "so callers cannot tell whether their reason for calling belongs there"
                    + ("; but it reaches a person, the catch-all a caller whose task is not listed needs"
                       if person else ""),
                    "name the tasks it covers in the caller's words (\"Moving home or changing address\"), "
                    "or offer a person instead",
                    severity=Severity.INFO if person else None,
                )

