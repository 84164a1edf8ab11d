"""Two options of one menu whose labels a caller could confuse.

## What it checks
Every pair of labelled task options in a menu, compared by meaning in the language the
menu speaks (its `language:`, else the one chosen on every way there, else the file's:
the Swedish menu behind "På svenska" is read in Swedish), by the meaning model of
docs/languages.md. A negated word is the opposite of the word ("Tid som inte är
brådskande" and "Brådskande ärende" pass). A pair is reported when the two
labels name the same task: the same words after stop words and vague words are dropped
("Billing questions", "Billing problems"), synonyms or paraphrases from the contact-centre
lexicon ("Faults", "Breakdowns"; "Account closure", "Cancel your account";
"Irtisanominen", "Sopimuksen päättäminen", with Finnish inflection and derivation
taken into account); when one label covers everything the other says ("Cards", "Card
payments"; "Sopimukset", "Sähkösopimukset", as compounds are taken apart); or when the
words where they differ are spelled, and so sound, nearly alike ("Statements",
"Settlements": rapidfuzz similarity at or above `similarity`; one alike word counts only
when it is all that sets one label apart). Labels that share a word
but each add a different one name distinct tasks and pass: "Card payments" and "Card
activation", "Car insurance quotes" and "Car insurance claims". Two labels that each *list*
tasks (joined by commas or the language's `joiners:`, "and", "ja", "och", "y") and share an
item overlap, whatever else they list: "Biljetter, resekort och förseningsersättning" and
"Resekort och reskassa"; "Verkkomaksut ja tunnukset" and "Maksut ja tilit" (an online payment
is a payment; two compounds sharing only a head, "autovakuutukset" and "kotivakuutukset", do
not). It is info when the prompt's clauses for the two keys share no item. Universal options (repeat, back, the main menu, a person: by their target or because the
label asks for nothing else, "Repeat these options", "Speak to an advisor"; and an option on 0 that reaches a person, whatever its label:
"Billing representative" on 0 beside "Make a payment" is the department's person, 0 being
the key for a person in ISO/IEC 13714) are compared only with options that ask for the
same function: "Repeat prescription" and "Repeat these
options" pass, as do "Henkilöasiakkaat" and "Asiakaspalvelija" (a compound's first part
is no reason). Two options that lead to the same place are compared apart: picking
either is right, so only two task options naming one task are reported ("Billing" and
"Payments and financial assistance", both to the billing team: callers hesitate between
two options that do the same, and the menu is one option longer than its tasks; the fix
is to merge them), not labels that merely sound alike or name different tasks ("Sick
note" and "Letter, form or report", both to the admin team). Options without a label are
not compared, nor choices of language ("På svenska" and
"In English" are never the same task), nor an option offered as the rest of the others
(`rest:` words in the language file, in its label or its prompt clause: "Muusta viasta
ilmoittamiseen, paina 2" after urgent faults on 1). Every pair in the example menus, with the
verdict, is in docs/label-pairs.md; add your own synonyms with `synonyms:` in the config.
An option is reported once, with the first option before it that it could be confused
with. Each option is compared with the first twelve labelled options of its menu: a keypad
has twelve keys, so every key menu is compared whole, while a spoken menu of more (far beyond
what a caller can hold, and an S106 finding of its own) is still checked in linear time (a
generated menu of 3,000 spoken choices was 300,000 pairs and 10 s when the bound was 100).
A label new past a menu's first 1,000 different ones is not compared (no caller listens that far;
15,000 spoken options were 176,000 new pairs and 4 of 6 seconds); one met before still is.

## Why it matters
Option labels that are clear and mutually exclusive matter more than the number of
options: the ACIxD design wiki calls it the most important rule for writing menus,
after research by Nairne (2002) and Resnick and Sanchez (2004). A caller who cannot tell
two options apart guesses, and a wrong guess costs a trip back through the menu or a
transfer to the wrong team.

## Example
```yaml
language: en
entry: main
nodes:
  main:
    prompt: For billing, press 1. For invoices, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Invoices, goto: invoices}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  invoices: {type: self_service}
  advisor: {type: agent}
```

## Use instead
```yaml
language: en
entry: main
nodes:
  main:
    prompt: To pay a bill, press 1. For a copy of an invoice, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Pay a bill, goto: billing}
      "2": {label: Copy of an invoice, goto: invoices}
      "0": {label: Speak to an advisor, goto: advisor}
  billing: {type: agent, queue: billing}
  invoices: {type: self_service}
  advisor: {type: agent}
```

## Settings
- `similarity` (default 85): how alike, from 0 to 100 (rapidfuzz `ratio`), the words
  where two labels differ must be to count as sounding alike. 100 turns that check off.

## When it warns, and when it only informs
Callers hear the prompt, not the labels, so where the prompt says what each key is for in
its own words, those words are compared too. It warns when the two labels name one task
by their own words or synonyms and the prompt says no more than the labels ("For billing,
press 1. For invoices, press 2."), and always for two options to one place (one task twice:
a graph fact). It reports at `info` only, with the reason in the message, when:
- the prompt's clauses for the two keys are not alike ("To report a missed collection,
  press 1. To order a new or replacement bin, press 3."; "Jos haet perustoimeentulotukea"
  and "Jos tarvitset neuvoa ehkäisevästä toimeentulotuesta"), or the prompt never offers
  one of the two keys (P401 reports that), so no caller hears the two side by side;
- one label covers the other only through the lexicon's hierarchy, one task placed under
  another ("Laboratorio" and "Reseptit ja tutkimustulokset"): a guess about scope;
- the covered label only asks general questions about what the other names ("Frågor om en
  faktura" beside "Saldo och senaste faktura"), the catch-all designers put after a
  specific option. Offered before it ("Water supply issues, press 1. Supply interruptions
  and works, press 2."), the catch-all takes the callers the specific option is for, and
  it warns;
- one label does something (a change: "Pagar factura", "Pay a bill") and the other, offered after
  it, only asks about that subject ("Dudas sobre un pago", "Questions about a payment"): callers
  know whether they want to pay or to ask. "Billing" beside "Billing questions", where neither does
  anything, still warns.
- the verdict is the meaning model's guess rather than words the labels share: two phrases with
  no word in common read as one task ("Make a payment" and "A charge on your bill";
  "registration" and "Apply or enroll"), a covered label that is a compound of the other's word
  ("Förbeställa" under "Beställa taxi nu": its first part makes a task of its own), or words that
  "sound alike" being two forms of one word ("anmäla", "anmäld"). One word against one word
  ("Bookings", "Reservations"), phrases sharing a word ("Change your booking", "Amend your
  booking"; "Water supply issues", "Supply interruptions") and a compound covering its bare head
  ("Sopimukset", "Sähkösopimukset") still warn;
- both options are ways to a person ("Kundtjänst" and "Växeln" on 0): whoever answers can pass the
  call on.
Two options to one place are not one task twice when each `collects:` the choice: the place
(an account-number input) carries it on, and the line routes on it after.
On the trust corpus of lines written blind (benchmarks/trust.py, dev half), the 13 warnings
on good lines were 8 false and 5 arguable, every one in these cases; the 3 planted
defects the rule found (legal names alone, "Housing repairs" beside "Housing", one task
twice) still warn. The label benchmark counts info findings too: the meaning model is
unchanged by severity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language.lexicon import tokens
from ivrcheck.language.meaning import CONTAINS, SAME, Verdict
from ivrcheck.model import Menu, Node, Option
from ivrcheck.rules.base import LastAsked, Settings, aims_at_person, quote
from ivrcheck.rules.labels.evidence import both_people, guessed, shared_item

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis
    from ivrcheck.language import Language

CODE = "L301"
NAME = "ambiguous-labels"
SEVERITY = Severity.WARNING
SETTINGS: dict[str, object] = {"similarity": 85}
PART = "wording"
#: How many of a menu's first labelled options each option is compared with: the twelve keys of a keypad,
#: so every key menu is compared whole; pairs of a longer (spoken) menu would grow quadratically.
COMPARED = 12
#: Different labels of a menu past which a new one is not compared (its pairs are all new to the meaning model).
HEARD = 1_000


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    similarity = float(settings["similarity"])
    for node in menu.nodes.values():
        language = line.speaks(node)  # the Spanish menu of an English line is read in Spanish
        earlier: dict[tuple[str, str | None], _Alike] = {}
        reported: set[str] = set()
        heard: set[str | None] = set()
        for i, (second, second_function) in enumerate((o, universal_function(node, o, line))
                                                      for o in node.options if o.label):
            if second.language:
                continue  # a choice of language ("På svenska", "In English") is no task to confuse
            if second.label not in heard and len(heard) >= HEARD:
                continue  # a new label past the first thousand: see HEARD
            heard.add(second.label)
            # A universal option is confusable only with one asking for the same function.
            candidates = sorted(found for (_, function), alike in earlier.items() if function == second_function
                                and (found := alike.first_apart_from(second)) is not None)
            for _, first in candidates:
                if _the_rest(language, node, first, second):
                    continue
                verdict = language.relate(first.label, second.label, similarity)
                if not verdict.confusable:
                    listed = _listed_twice(language, node, first, second)
                    if listed is not None:
                        yield listed
                        reported.add(second.key)
                        break
                    continue
                apart = (_heard_apart(language, node, first, second, similarity) or _weak(language, verdict, first, second)
                         or guessed(verdict) or both_people(second_function))
                yield Problem(
                    second.label_span or second.span, node.id,
                    f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} "
                    f"(key {quote(second.key)}) in {quote(node.id)} could be confused: "
                    f"{verdict.explain(first.label, second.label)}{apart or ''}",
                    "name each option by a different task in the words callers use, "
                    "or merge them into one option",
                    severity=Severity.INFO if apart else None,
                )
                reported.add(second.key)
                break  # one finding an option: K alike options would otherwise make K*K/2
            if i < COMPARED:
                earlier.setdefault((second.label, second_function), _Alike(i, second)).add(i, second)
        yield from _one_task_twice(node, line, language, reported)


def _one_task_twice(node: Node, line: LineAnalysis, language: Language, reported: set[str]) -> Iterator[Problem]:
    """Two task options to one place whose labels name one task ("Billing", "Payments and financial
    assistance"): nobody is misrouted, but a caller with a bill hears two options for it and
    hesitates, and the menu is one option longer than its tasks. Sounding alike is no reason here."""
    by_place: dict[str, list[Option]] = {}
    for option in node.options:
        # keys only: a spoken word ("bookings") beside key 1 "Bookings" is that option said, not a second one
        # an option that `collects:` carries the caller's choice to the place, which routes on it
        if option.label and option.target and option.is_dtmf and not option.language and not option.collects \
                and option.key not in reported and universal_function(node, option, line) is None:
            by_place.setdefault(option.target.ref, []).append(option)
    for options in by_place.values():
        for i, second in enumerate(options[1:COMPARED], start=1):
            first = next((o for o in options[:i] if language.relate(o.label, second.label).kind in (SAME, CONTAINS)
                          and not _the_rest(language, node, o, second)), None)
            if first is None:
                continue
            verdict = language.relate(first.label, second.label)
            yield Problem(
                second.label_span or second.span, node.id,
                f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} (key "
                f"{quote(second.key)}) in {quote(node.id)} name one task and lead to the same place "
                f"{quote(second.target.ref)}: {verdict.explain(first.label, second.label)}, so callers "
                "hesitate between two options that do the same",
                "merge them into one option, with the other wording as a `say:` phrase",
            )


def _listed_twice(language: Language, node: Node, first: Option, second: Option) -> Problem | None:
    """Two labels that each list several tasks and share one ("Biljetter, resekort och
    förseningsersättning" and "Resekort och reskassa"; "Verkkomaksut ja tunnukset" and "Maksut ja
    tilit", an online payment being a payment): a caller with that task has two keys, and they lead
    to different places. Labels that share a word inside one task ("Card payments", "Card
    activation") are no lists and pass. Info when the prompt's clauses for the keys do not share it."""
    shared = shared_item(language, first.label or "", second.label or "")
    if shared is None:
        return None
    said = [_clauses(language, node).get(o.key) for o in (first, second)]
    apart = all(said) and shared_item(language, *said) is None  # type: ignore[arg-type]
    return Problem(
        second.label_span or second.span, node.id,
        f"labels {quote(first.label)} (key {quote(first.key)}) and {quote(second.label)} (key {quote(second.key)}) "
        f"in {quote(node.id)} both list {shared}, so a caller who comes for it cannot tell which key is "
        "theirs" + (f"; but the prompt tells them apart ({quote(said[0])}, {quote(said[1])})" if apart else ""),
        "list each task under one option only, or say in the prompt which callers each one is for",
        severity=Severity.INFO if apart else None)


def _clauses(language: Language, node: Node) -> dict[str, str]:
    """What the prompt says each key is for, as a caller hears it (the first offer of a key); kept for
    the last menu asked, whose option pairs all ask it (a 10,000-node line asked it 12,000 times)."""
    return _read(language, node)[0]


def _read(language: Language, node: Node) -> tuple[dict[str, str], dict[tuple, bool]]:
    """The menu's clauses, and whether each option names the rest (filled as asked): one reading per menu."""
    return _MENU.get((language, node), lambda: (_offered_for(language, node), {}))


def _offered_for(language: Language, node: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for offer in language.offers(node.prompt) if node.prompt else ():
        found.setdefault(offer.key, offer.function(node.prompt))
    return found


_MENU: LastAsked[tuple[dict[str, str], dict[tuple, bool]]] = LastAsked()


def _heard_apart(language: Language, node: Node, first: Option, second: Option, similarity: float) -> str | None:
    """Why a caller who hears the prompt can tell the two apart, when the labels alone could not be:
    the prompt's own clauses for the two keys are not confusable ("To report a missed collection",
    "To order a new or replacement bin"), or the prompt never offers one of them (P401's business),
    so no caller hears the two side by side. None when the prompt says no more than the labels."""
    if not node.prompt:
        return None
    clauses = _clauses(language, node)
    said = [clauses.get(o.key) for o in (first, second)]
    if not clauses or not all(o.is_dtmf for o in (first, second)):
        return None
    if None in said:
        return f"; but the prompt never offers key {quote((first, second)[said.index(None)].key)}, so callers do not hear both"
    if not all(said) or language.relate(said[0], said[1], similarity).confusable:
        return None
    return f"; but the prompt tells them apart ({quote(said[0])}, {quote(said[1])})"


def _weak(language: Language, verdict: Verdict, first: Option, second: Option) -> str | None:
    """Why "one covers the other" is only a guess: it rests on the lexicon placing one task under
    another ("Laboratorio" as a case of "tutkimustulokset"), not on words or synonyms the two share;
    or the covered label only asks general questions about what the other names ("Frågor om
    fakturan" beside "Saldo och senaste faktura"), the catch-all designers put after a specific option."""
    if verdict.kind == SAME:
        return _asks_about(language, first, second)
    if verdict.kind != CONTAINS:
        return None
    cases = [(a, b) for a, b, how in verdict.pairs if how in ("narrower", "broader")]
    if cases:
        return f"; but only if {quote(cases[0][0])} is read as a case of {quote(cases[0][1])} or the other way round"
    words = language.label_words
    inner = (first, second)[verdict.inner].label or ""
    # Only the catch-all offered after the specific option: offered first, it takes the callers
    # the specific one is for ("Water supply issues, press 1. Supply interruptions, press 2.").
    if verdict.inner == 1 and any(words.stem(t) in words.vague for t in tokens(inner)):
        return f"; but {quote(inner)} reads as general questions beside a specific option"
    return None


def _asks_about(language: Language, first: Option, second: Option) -> str | None:
    """Why two labels of one subject are two tasks: one does something ("Pagar factura", "Pay a
    bill": a change) and the other, offered after it, only asks questions about that subject
    ("Dudas sobre un pago", "Questions about a payment"). Not "Billing" beside "Billing questions":
    neither does anything, and the caller cannot tell which is theirs."""
    words = language.label_words
    doer, asker = first.label or "", second.label or ""
    if not language.caller_words.names_a_change(doer) or any(words.stem(t) in words.vague for t in tokens(doer)):
        return None
    if any(words.stem(t) in words.vague for t in tokens(asker)):
        return f"; but {quote(doer)} does it and {quote(asker)} asks about it"
    return None


def _the_rest(language: Language, node: Node, *options: Option) -> bool:
    """Whether one of the options is offered as the rest of the others, by its label or its prompt
    clause ("Muusta viasta ilmoittamiseen, paina 2" after urgent faults on 1): a caller hears
    the two as exclusive."""
    clauses, known = _read(language, node)  # each option of a menu is read once, not per pair
    words = language.label_words
    for o in options:
        if (o.label, o.key) not in known:
            known[o.label, o.key] = words.names_the_rest(o.label or "") or words.names_the_rest(clauses.get(o.key, ""))
    return any(known[o.label, o.key] for o in options)


class _Alike:
    """Earlier options with one label and function: the first, and the first leading elsewhere.

    Options of one label are judged alike against any other, so the first of them that may be
    compared (one leading to another place) stands for all: a menu of thousands of options
    that share a label is compared once per option, not once per pair.
    """

    def __init__(self, index: int, option: Option) -> None:
        self.first = (index, option)
        self.elsewhere: tuple[int, Option] | None = None

    def add(self, index: int, option: Option) -> None:
        if self.elsewhere is None and _apart(option, self.first[1]):
            self.elsewhere = (index, option)

    def first_apart_from(self, option: Option) -> tuple[int, Option] | None:
        """The earliest of these options that does not lead where `option` leads."""
        return self.first if _apart(self.first[1], option) else self.elsewhere


def _apart(one: Option, other: Option) -> bool:
    """Whether two options may be compared: not both leading to the same place (picking either is right)."""
    return not (one.target and other.target and one.target.ref == other.target.ref)


def universal_function(node: Node, option: Option, line: LineAnalysis) -> str | None:
    """The universal function an option serves (repeat, back, main menu, person), or None for a task."""
    ref = option.target.ref if option.target else None
    if ref in ("repeat", node.id):
        return "repeat"
    if ref == "back":
        return "back"
    if ref is not None and ref in line.opening_menus and ref != node.id:
        return "main menu"
    asked = line.asks_for(option.label or "")
    if asked is None and option.key == "0" and aims_at_person(line.menu, line, node.id, option):
        # 0 is the key for a person (ISO/IEC 13714): "Billing representative" on 0 beside "Make
        # a payment" is the way to a person of that department, not a second payment task
        return "person"
    return asked

