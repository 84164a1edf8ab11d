"""Words and timing per language: speaking rate and how prompts offer keys.

Each language is a YAML file beside this module (`en.yaml`, `fi.yaml`); adding one is
adding a file. Unknown languages fall back to English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[*#]", re.UNICODE)
_VOWEL_GROUP = re.compile(r"[aeiouyäöå]+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# Finnish diphthongs stay one syllable; other vowel pairs split into two.
_FI_DIPHTHONGS = ("ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "iy", "äy", "öy",
                  "ie", "uo", "yö", "aa", "ee", "ii", "oo", "uu", "yy", "ää", "öö")


@dataclass(frozen=True)
class Language:
    """One language's data: speaking rate and the words that offer each key."""

    code: str
    rate_unit: str
    rate: float
    press_words: tuple[str, ...]
    key_words: tuple[tuple[str, tuple[str, ...]], ...]

    def with_rate(self, rate: float | None) -> Language:
        """The same language at a configured rate (in this language's unit)."""
        if rate is None:
            return self
        return Language(self.code, self.rate_unit, float(rate), self.press_words, self.key_words)

    def seconds(self, text: str | None) -> float:
        """How long `text` takes to speak at this language's rate."""
        if not text:
            return 0.0
        words = _WORD.findall(text)
        if self.rate_unit == "syllables_per_second":
            return sum(_syllables(w) for w in words) / self.rate
        return len(words) / self.rate * 60.0

    @property
    def key_pattern(self) -> re.Pattern[str]:
        return _key_pattern(self)

    def mentions(self, prompt: str | None) -> dict[str, list[re.Match[str]]]:
        """Where the prompt offers each key ("press 1", "paina ykköstä"), key -> matches."""
        found: dict[str, list[re.Match[str]]] = {}
        if not prompt:
            return found
        lookup = _word_to_key(self)
        for match in self.key_pattern.finditer(prompt):
            key = lookup.get(match.group("key").lower())
            if key is not None:
                found.setdefault(key, []).append(match)
        return found

    def seconds_until(self, prompt: str | None, key: str) -> float:
        """Time to speak the prompt up to the end of the clause that offers `key`.

        A caller can act once the option is offered; a key the prompt never offers costs the
        whole prompt.
        """
        if not prompt:
            return 0.0
        matches = self.mentions(prompt).get(key)
        if not matches:
            return self.seconds(prompt)
        end = matches[0].end()
        stop = _CLAUSE_END.search(prompt, end)
        return self.seconds(prompt[: stop.start() if stop else len(prompt)])


def _syllables(word: str) -> int:
    """Finnish syllables: one per vowel group, plus one where a group is not a diphthong."""
    if word in ("*", "#") or word.isdigit():
        return max(1, len(word)) * 2
    count = 0
    for group in _VOWEL_GROUP.findall(word.lower()):
        count += 1
        for i in range(len(group) - 1):
            if group[i : i + 2] not in _FI_DIPHTHONGS:
                count += 1
    return max(count, 1)


@lru_cache(maxsize=None)
def _key_pattern(language: Language) -> re.Pattern[str]:
    key_words = sorted({w for _, words in language.key_words for w in words}, key=len, reverse=True)
    press = "|".join(re.escape(p) for p in sorted(language.press_words, key=len, reverse=True))
    keys = "|".join([re.escape(w) for w in key_words] + [r"\d", r"\*", r"#"])
    return re.compile(
        rf"\b(?:{press})\b(?:\s+(?:the|key|number|näppäintä|numeroa?))*\s+(?P<key>{keys})(?![\w])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _word_to_key(language: Language) -> dict[str, str]:
    table = {k: k for k in ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#")}
    for key, words in language.key_words:
        for word in words:
            table[word.lower()] = key
    return table


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """The language for `code` (`en`, `fi`, `fi-FI` ...), English when no data file exists."""
    base = code.lower().split("-")[0].split("_")[0]
    try:
        text = resources.files(__package__).joinpath(f"{base}.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return load_language("en") if base != "en" else _fail(base)
    data = yaml.safe_load(text)
    return Language(
        code=base,
        rate_unit=data["rate"]["unit"],
        rate=float(data["rate"]["value"]),
        press_words=tuple(data["press"]),
        key_words=tuple((str(k), tuple(v)) for k, v in data["keys"].items()),
    )


def _fail(code: str) -> Language:  # pragma: no cover - the package always ships en.yaml
    raise RuntimeError(f"language data for {code!r} is missing from the installation")
