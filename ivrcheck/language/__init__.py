"""Words and timing per language: speaking rate, how prompts offer keys, how labels compare.

Each language is a YAML file beside this module (`en.yaml`, `fi.yaml`); adding one is
adding a file (docs/languages.md). Unknown languages fall back to English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Sequence

import yaml

from ivrcheck.language import timing
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.lexicon import read_data
from ivrcheck.language.meaning import Verdict, relate, scent
from ivrcheck.language.prompts import EXTENSION, Offer, PromptWords

__all__ = [
    "EXTENSION",
    "LabelWords",
    "Language",
    "Offer",
    "PromptWords",
    "Verdict",
    "load_language",
    "relate",
    "scent",
]


@dataclass(frozen=True)
class Language:
    """One language's data: speaking rate, the words that offer keys, the words labels are judged by."""

    code: str
    rate_unit: str
    rate: float
    prompt_words: PromptWords = field(repr=False)
    label_words: LabelWords = field(repr=False)

    def with_rate(self, rate: float | None) -> Language:
        """The same language at a configured rate (in this language's unit)."""
        return self if rate is None else replace(self, rate=float(rate))

    def with_synonyms(self, groups: Sequence[Sequence[str]] | None) -> Language:
        """The same language with the user's own synonym groups (`synonyms:` in the config) in its lexicon."""
        return self if not groups else replace(self, label_words=self.label_words.with_synonyms(groups))

    def relate(self, first: str, second: str, similarity: float = 85.0) -> Verdict:
        """How two labels or phrases relate in this language (meaning.relate)."""
        return relate(first, second, self.label_words, similarity)

    def seconds(self, text: str | None) -> float:
        """How long `text` takes to speak at this language's rate."""
        return timing.seconds(text, self.rate_unit, self.rate)

    def offers(self, prompt: str | None) -> tuple[Offer, ...]:
        """Every place the prompt offers a key or dial-by-extension, in order."""
        return self.prompt_words.offers(prompt)

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
        return self.seconds(prompt[: offer.ready])

    def seconds_before_offers(self, prompt: str | None) -> float | None:
        """Time before the first option starts to be offered; None when the prompt offers none."""
        offers = self.offers(prompt)
        if prompt is None or not offers:
            return None
        return self.seconds(prompt[: min(o.start for o in offers)])

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


def load_language(code: str) -> Language:
    """The language for `code` (`en`, `fi`, `fi-FI` ...), English when no data file exists."""
    return _load(code.lower().split("-")[0].split("_")[0])


@lru_cache(maxsize=None)
def _load(base: str) -> Language:
    try:
        text = resources.files(__package__).joinpath(f"{base}.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return _load("en") if base != "en" else _fail(base)
    data = yaml.safe_load(text)
    return Language(
        code=base,
        rate_unit=data["rate"]["unit"],
        rate=float(data["rate"]["value"]),
        prompt_words=PromptWords.from_data(data["prompts"]),
        label_words=LabelWords.from_data(data["labels"], base, read_data(base)),
    )


def _fail(code: str) -> Language:  # pragma: no cover - the package always ships en.yaml
    raise RuntimeError(f"language data for {code!r} is missing from the installation")
