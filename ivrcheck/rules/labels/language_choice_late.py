"""The choice of language comes too late: not in the first menu, or after too much talk.

## What it checks
A line serves several languages when options carry `language:` ("På svenska, tryck 9"
leads to the Swedish menus), or are labelled by a language alone ("På svenska", "In
English", "Ruotsiksi", "Para español", "auf Deutsch"; an option without a label by its
offer in the prompt): authors and importers often leave `language:` off. For each such language other than the line's own, in every
schedule state, some first menu (the menus a call meets before any choice) must offer
it, and callers must not hear more than `max_sentences` sentences before it is offered:
messages on the way to that menu, then its prompt up to the offer. A line whose calls
pass a `branch` with `on: language` before any choice (the language is chosen
automatically, e.g. from the caller's profile) is not judged. The choices of language
are heard as one block, whatever language each is offered in: in "Jatkaaksesi suomeksi
paina 1. På svenska, tryck 2. For English, press 3." the Finnish offer is not talk before
the Swedish one. Emergency advice is not counted either ("Hengenvaarallisessa tilanteessa
soita heti 112."; a sentence with a three-digit number to call): it has to come first, and
a caller in danger hangs up whatever language they speak. Nor is the notice of a menu heard
only because the line is closed (every way in is the `closed` case of an hours branch, or a
person's `closed:`): "We are closed; we are open weekdays 8 to 4" is what every caller needs
first, and on the trust corpus's dev half the two such findings were judged arguable, a fair
choice. Every other notice counts.

## Why it matters
A caller who does not understand the line's language understands nothing until the
choice comes: every sentence before it is lost, and a choice hidden in a submenu is never
found. Finland is bilingual and its public services must serve Finnish and Swedish
speakers alike (Language Act 423/2003); practice in Finnish public lines is to offer the
other language at once ("På svenska, tryck 9" right after the greeting). The same holds
for any line serving several languages.

## Example
```yaml
language: fi
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}
nodes:
  main:
    prompt: >
      Tervetuloa. Puhelusi voidaan tallentaa. Palvelemme arkisin kello 8–16.
      Neuvontaan paina 1. På svenska, tryck 9.
    options:
      "1": {label: Neuvonta, goto: neuvonta}
      "9": {label: På svenska, goto: radgivning, language: sv}
  neuvonta: {type: agent, announces_wait: true}
  radgivning: {type: agent, announces_wait: true, language: sv}
```

## Use instead
```yaml
language: fi
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}
nodes:
  main:
    prompt: >
      Tervetuloa. På svenska, tryck 9. Puhelusi voidaan tallentaa.
      Neuvontaan paina 1.
    options:
      "1": {label: Neuvonta, goto: neuvonta}
      "9": {label: På svenska, goto: radgivning, language: sv}
  neuvonta: {type: agent, announces_wait: true}
  radgivning: {type: agent, announces_wait: true, language: sv}
```

## Settings
- `max_sentences` (default 1): how many sentences a caller may hear before the choice of
  language (a one-sentence greeting is fine). The choices of language count as one block:
  "På svenska, tryck 9. For service in English, press 8." offers both at once.

## When it warns, and when it only informs
What a caller who speaks another language loses is time. When the talk before the offer is at
most four sentences over the limit and takes at most about 13 seconds, the finding is **info**: a
greeting and a recording notice ("Hei ja tervetuloa Järvikylän terveysasemalle. Puhelusi voidaan
tallentaa. På svenska, tryck 9."), or a short prompt that offers the majority's few options first
and the other language last ("Tiepalvelu, tervetuloa. Tiellä sattuneessa viassa paina 1. Muissa
asioissa paina 2. På svenska, tryck 9."). On the trust corpus's dev half blind judges called such
findings on good lines false or arguable (7.6 to 12.7 s), while every planted late choice came at
13.8 s or later.

A language missing from the first menu in one schedule state only (a closed-hours menu in the
line's language alone) warns when the line has something in that language that serves callers in
that state and that they cannot reach in it: a person on duty, or outside hours a callback or
voicemail (a Swedish callback no Swedish speaker can reach at night, because the Finnish closed
menu never offers Swedish). When nothing in that language serves callers then (a campsite's night
menu, whose Finnish and English menus lead only to the closed reception), offering the language
needs new nodes too, a design choice: the finding is **info**, with that reason. A language missing
from the first menu in every state always warns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.graph.analysis import counts_as_human
from ivrcheck.language import name_of
from ivrcheck.language.prompts import emergency_advice
from ivrcheck.model import Menu, NodeType, Option
from ivrcheck.rules.base import Settings, holding_states, quote

if TYPE_CHECKING:
    from ivrcheck.graph import Analysis, LineAnalysis

CODE = "L305"
NAME = "language-choice-late"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"max_sentences": 1}
PART = "wording"

#: At the limit's edge ("Welcome to X. Calls may be recorded. På svenska, tryck 9."; or a short prompt
#: whose language offer follows two or three brief options): at most four sentences over it, heard
#: within about 13 seconds, is only info. On the trust corpus's dev half, blind judges called such
#: findings on good lines false or arguable (7.6 to 12.7 s); every planted late choice came at 13.8 s
#: or later.
EDGE_SENTENCES = 4
EDGE_SECONDS = 13.0

_SENTENCE = re.compile(r"[^.!?\n]*[^\W_][^.!?]*(?:[.!?]+|$)")


def sentences(text: str | None) -> int:
    """How many sentences a text has ("Welcome. Calls are recorded." is two)."""
    return len(_SENTENCE.findall(text or ""))


def _talk(text: str | None) -> int:
    """Sentences that delay the choice of language; emergency advice, which must come first, does not."""
    return sentences(text) - len(emergency_advice(text or ""))


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    limit = int(settings["max_sentences"])
    choices: dict[str, list[tuple[str, Option]]] = {}
    for node in menu.nodes.values():
        for option in node.options:
            if option.language and option.language != menu.language and node.id in line.reachable:
                choices.setdefault(option.language, []).append((node.id, option))
    branches = _language_branches(menu)
    for language, offered in sorted(choices.items()):
        menus = {m for m, _ in offered}
        missing = holding_states(line, lambda a, menus=menus: bool(a.opening) and not _automatic(branches, a)
                                 and not menus & set(a.opening))
        for state in missing:
            where, option = offered[0]
            stranded = None if state is None else _stranded(menu, line, language, state)
            yield Problem(option.span, where,
                          f"callers can choose {name_of(language)} only in {quote(where)}, not in the first menu "
                          f"({', '.join(map(quote, sorted(_opening(line, state))))})"
                          + (f", so they never reach {quote(stranded)}, which serves them then" if stranded else
                             "" if state is None else
                             f"; but no person, callback or voicemail in {name_of(language)} serves callers in this "
                             "state, so offering it needs new nodes too"),
                          "offer the choice of language in the first menu, right after a short greeting",
                          severity=None if state is None or stranded else Severity.INFO, state=state)
        yield from _too_late(menu, line, language, offered, limit, branches)


def _stranded(menu: Menu, line: LineAnalysis, language: str, state: str) -> str | None:
    """A node in the language that serves callers in this state (a person on duty, or outside hours a
    callback or voicemail) but that they cannot reach in it: the choice missing then strands them."""
    analysis = next(a for a in line.states.values() if a.state == state)
    return next((node.id for node in menu.nodes.values()
                 if node.id not in analysis.reachable and counts_as_human(node, state)
                 and (node.language == language or language in (node.languages or ()))), None)


def _heard_closed(analysis: Analysis, menu_id: str) -> bool:
    """Whether the menu is heard only because the line is closed: every way in is the `closed` case
    of an hours branch or a person's `closed:` fallback. What it says before its offers ("We are
    closed; we are open weekdays 8 to 4") is news every caller needs before any choice."""
    depth = analysis.steps.get(menu_id, 0)  # a way back from a choice made in the menu is no way in
    into = [(source, attrs) for source, attrs in analysis.edges_into(menu_id)
            if source != menu_id and analysis.steps.get(source, depth) <= depth]
    return bool(into) and all(
        attrs["kind"] == "closed" or (attrs["kind"] == "case" and attrs.get("case") == "closed"
                                      and (branch := analysis.nodes.get(source)) is not None and branch.on == "hours")
        for source, attrs in into)


def _language_branches(menu: Menu) -> tuple[str, ...]:
    """The branches on the caller's language: found once, not per menu and state asked about."""
    return tuple(node.id for node in menu.nodes.values() if node.type is NodeType.BRANCH and node.on == "language")


def _automatic(branches: tuple[str, ...], analysis: Analysis) -> bool:
    """Whether calls pass a language branch before any choice (the language is picked for them)."""
    return any(analysis.steps.get(branch) == 0 for branch in branches)


def _opening(line: LineAnalysis, state: str | None) -> set[str]:
    return set().union(*(a.opening for a in line.states.values() if state in (None, a.state)))


def _too_late(menu: Menu, line: LineAnalysis, language: str, offered: list[tuple[str, Option]],
              limit: int, branches: tuple[str, ...]) -> Iterator[Problem]:
    """First menus that offer the language, but only after more than `limit` sentences."""
    reported: set[str] = set()
    for analysis in line.states.values():
        for menu_id, option in offered:
            if menu_id not in analysis.opening or menu_id in reported or _automatic(branches, analysis):
                continue
            node = menu.nodes[menu_id]
            offers = line.language.offers(node.prompt)
            if node.prompt is None or not any(o.key == option.key for o in offers):
                continue  # never announced: P401's finding
            # The choices of language are heard as one block: count what comes before the first.
            languages = {o.key for o in node.options if o.language}
            offer = next(o for o in offers if o.key in languages)
            messages = analysis.opening[menu_id][1]
            notice = 0 if _heard_closed(analysis, menu_id) else _talk(node.prompt[: offer.start])
            heard = sum(_talk(menu.nodes[m].prompt) for m in messages) + notice
            if heard <= limit:
                continue
            reported.add(menu_id)
            before = (f"{'messages' if len(messages) > 1 else 'message'} {', '.join(map(quote, messages))}, then "
                      if messages else "")
            seconds = sum(line.speaks(menu.nodes[m]).seconds(menu.nodes[m].prompt) for m in messages) + (
                0.0 if notice == 0 else line.speaks(node).seconds(node.prompt[: offer.start]))
            edge = heard <= limit + EDGE_SENTENCES and seconds <= EDGE_SECONDS
            yield Problem(node.prompt_span or node.span, menu_id,
                          f"callers hear {heard} sentences ({before}the prompt of {quote(menu_id)}) before "
                          f"they are offered {name_of(language)}, over {limit}"
                          + (f"; but only about {seconds:.0f} s, "
                             + ("a greeting and a notice" if offers[0] is offer else "a short prompt") if edge else ""),
                          "offer the choice of language first, right after a one-sentence greeting; move "
                          "notices and opening hours after it",
                          severity=Severity.INFO if edge else None,
                          state=line.label(analysis) if len(line.states) > 1 and not all(
                              menu_id in a.opening for a in line.states.values()) else None)
