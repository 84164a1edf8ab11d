"""Words and timing per language: speaking rate, how prompts offer keys, how labels compare.

Each language is a YAML file beside this module (`en.yaml`, `fi.yaml`, `sv.yaml`); adding
one is adding a file (docs/languages.md). Unknown languages fall back to English.
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from functools import lru_cache, partial
from importlib import resources
from typing import Iterable, Sequence

from ivrcheck.language import data as language_data
from ivrcheck.language import naming, timing
from ivrcheck.language.caller import CallerWords, marked_words
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.lexicon import read_data
from ivrcheck.language.meaning import Verdict, relate, scent
from ivrcheck.language.prompts import EXTENSION, Offer, PromptWords
from ivrcheck.records import record

__all__ = ["CallerWords", "EXTENSION", "Language", "LabelWords", "Offer", "PromptWords", "Verdict", "available",
           "detect", "load_language", "name_of", "reads", "relate", "scent"]


@record
class Language:
    """One language's data: speaking rate, the words that offer keys, the words labels are judged by."""

    code: str
    rate_unit: str
    rate: float
    prompt_words: PromptWords = field(repr=False)
    label_words: LabelWords = field(repr=False)
    caller_words: CallerWords = field(repr=False)
    #: Other languages' words for offering keys, read too in a line that serves several languages.
    also: tuple[PromptWords, ...] = field(default=(), repr=False)

    def with_rate(self, rate: float | None) -> Language:
        """The same language at a configured rate (in this language's unit)."""
        return self if rate is None else replace(self, rate=float(rate))

    def with_synonyms(self, groups: Sequence[Sequence[str]] | None) -> Language:
        """The same language with the user's own synonym groups (`synonyms:` in the config) in its lexicon."""
        return self if not groups else replace(self, label_words=self.label_words.with_synonyms(groups))

    def relate(self, first: str, second: str, similarity: float = 85.0) -> Verdict:
        """How two labels or phrases relate in this language (meaning.relate)."""
        return relate(first, second, self.label_words, similarity)

    def seconds(self, text: str | None, *, keep: bool = True) -> float:
        """How long `text` takes to speak at this language's rate; `keep=False` for text timed once
        whose caller keeps the answer (a prompt's beginning), so the shared cache does not hold it too."""
        return timing.seconds(text, self.rate_unit, self.rate, keep=keep)

    def also_reading(self, codes: Iterable[str]) -> Language:
        """The same language, also recognising offers in other languages ("På svenska, tryck 9")."""
        others = tuple(load_language(c).prompt_words for c in sorted(set(codes)) if _base(c) != self.code)
        return replace(self, also=others) if others else self

    def offers(self, prompt: str | None) -> tuple[Offer, ...]:
        """Every place the prompt offers a key or dial-by-extension, in order."""
        if not self.also or not prompt:
            return self.prompt_words.offers(prompt)
        return _offers_in(self.prompt_words, self.also, prompt)

    def named(self, prompt: str | None) -> frozenset[str]:
        """The keys the prompt names as a choice without an offer `offers` reads ("option two"),
        in this language or another the line reads (naming.named)."""
        if not prompt:
            return frozenset()
        return frozenset().union(*(naming.named(words, prompt) for words in (self.prompt_words, *self.also)))

    def maybe_quantity(self, prompt: str, offer: Offer) -> bool:
        """Whether the offer's key may be a count, not a key (naming.maybe_quantity), read by
        the language whose words made the offer."""
        return any(offer in words.offers(prompt) and naming.maybe_quantity(words, prompt, offer)
                   for words in (self.prompt_words, *self.also))

    def leads_on(self, prompt: str, offer: Offer) -> bool:
        """Whether another key follows the offer's with "then" (naming.leads_on), read by the
        language whose words made the offer."""
        return any(offer in words.offers(prompt) and naming.leads_on(words, prompt, offer)
                   for words in (self.prompt_words, *self.also))

    def asks_for_number(self, prompt: str | None) -> bool:
        """Whether the prompt asks the caller to key in a number of their own ("key in the
        three-digit hotel code", "slå in det nu"), in this language or another the line reads."""
        return bool(prompt) and any(p.search(prompt) for words in (self.prompt_words, *self.also)  # type: ignore[arg-type]
                                    for p in words.number_entry)

    def mentions(self, prompt: str | None) -> dict[str, list[re.Match[str]]]:
        """Where the prompt offers each key ("press 1", "paina ykköstä"), key -> matches."""
        found: dict[str, list[re.Match[str]]] = {}
        for offer in self.offers(prompt):
            found.setdefault(offer.key, []).append(offer.match)
        return found

    def seconds_until(self, prompt: str | None, key: str) -> float:
        """Time to speak the prompt until a caller knows what `key` does and can press it.

        For "For cards, press 1" that is the end of "press 1"; for "Press 1 for cards" the
        end of "for cards". A key the prompt never offers costs the whole prompt.
        """
        offer = next((o for o in self.offers(prompt) if o.key == key), None)
        if prompt is None or offer is None:
            return self.seconds(prompt)
        return timing.seconds_to(prompt, offer.ready, self.rate_unit, self.rate)

    def offers_waiting(self, prompt: str | None) -> bool:
        """Whether the prompt tells callers that waiting is a way on ("or stay on the line")."""
        return bool(prompt) and self.prompt_words.waits(prompt)  # type: ignore[arg-type]

    def seconds_before_offers(self, prompt: str | None) -> float | None:
        """Time before the first option starts to be offered; None when the prompt offers none."""
        offers = self.offers(prompt)
        if prompt is None or not offers:
            return None
        return timing.seconds_to(prompt, min(o.start for o in offers), self.rate_unit, self.rate)

    def offer_example(self, label: str | None, key: str) -> str:
        """How this language would offer an option: "For billing, press 1.", "Laskutus, paina 1."."""
        words = self.prompt_words
        if key == EXTENSION:
            return words.extension_example
        label = label or "..."
        first = label.split()[0].lower() if label.split() else ""
        template = words.action_example if first in words.action_verbs else words.offer_example
        if not template.startswith("{label}") and label[:1].isupper() and not label[1:2].isupper():
            label = label[0].lower() + label[1:]
        return template.format(label=label, key=words.spoken.get(key, key))


#: A language code as the format takes it: `en`, `fi`, `sv-FI`, `pt_BR`. Never a path.
CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=None)
@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The languages that ship word lists and a speaking rate (the data files beside this module).

    Read once a process: the installation's files do not change during a run, and listing the folder
    took 25 us, asked for every text whose language is told apart."""
    return tuple(sorted(p.name[:-5] for p in resources.files(__package__).iterdir()
                        if p.name.endswith(".yaml") and CODE.match(p.name[:-5])))


@lru_cache(maxsize=1024)
def load_language(code: str) -> Language:
    """The language for `code` (`en`, `fi`, `fi-FI` ...), English when no data file exists.

    Only the names of the data files that ship with ivrcheck are ever opened: a code is a
    name from that fixed set, never a path.
    """
    base = _base(code)
    return _load(base if base in available() else "en")


def reads(code: str | None) -> bool:
    """Whether ivrcheck has words for the language `code` (a data file ships for it).

    Text in any other language is timed at the English rate but never judged by English
    words: "Para español, oprima nueve" read as English offers nothing.
    """
    return bool(code) and _base(code) in available() and CODE.match(code) is not None  # type: ignore[arg-type]


def name_of(code: str) -> str:
    """How messages name a language: 'Swedish ("sv")', or just the code when it has no data file."""
    language = load_language(code)
    return f'{language.caller_words.name} ("{code}")' if language.code == _base(code) else f'"{code}"'


@lru_cache(maxsize=1024)
def _base(code: str) -> str:
    return code.lower().split("-")[0].split("_")[0] if CODE.match(code) else "en"


def detect(text: str | None, *, margin: float = 2.0, least: int = 2) -> str | None:
    """The language a text is written in, judged by its small words and spoken numerals.

    None unless one language has at least `least` such words and `margin` times as many as
    any other: a prompt of names and digits alone says nothing about its language.
    """
    if not text:
        return None
    counts = _marker_counts(text)
    (best, code), second = counts[0], (counts[1][0] if len(counts) > 1 else 0)
    return code if best >= least and best >= margin * second else None


@lru_cache(maxsize=1 << 15)
def _marker_counts(text: str) -> tuple[tuple[int, str], ...]:
    """How many of each language's marker words the text holds, most first: its words are read once for
    every language, and once per text (the rules ask `detect` again of prompts the graph step read)."""
    words = marked_words(text)
    return tuple(sorted(((load_language(c).caller_words.markers_in(words), c) for c in available()), reverse=True))


@lru_cache(maxsize=1 << 15)
def _offers_in(own: PromptWords, also: tuple[PromptWords, ...], prompt: str) -> tuple[Offer, ...]:
    """Language.offers in a line of several languages: every language's offers, the first of overlapping ones."""
    found = sorted((o for words in (own, *also) for o in words.offers(prompt)),
                   key=lambda o: (o.match.start(), -o.match.end()))
    kept: list[Offer] = []
    for offer in found:
        if not kept or offer.match.start() >= kept[-1].match.end():
            kept.append(offer)
    return tuple(kept)


@lru_cache(maxsize=None)
def _load(base: str) -> Language:
    try:
        data = language_data.read(f"{base}.yaml")
    except OSError:
        return _load("en") if base != "en" else _fail(base)
    return Language(
        code=base,
        rate_unit=data["rate"]["unit"],
        rate=float(data["rate"]["value"]),
        prompt_words=PromptWords.from_data(data["prompts"]),
        label_words=LabelWords.from_data(data["labels"], base, partial(read_data, base)),
        caller_words=CallerWords.from_data(data["caller"], data["prompts"]["keys"]),
    )


def _fail(code: str) -> Language:  # pragma: no cover - the package always ships en.yaml
    raise RuntimeError(f"language data for {code!r} is missing from the installation")
