"""Comparing option labels as a caller would: content words after stemming, compounds, near-synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
#: The shortest stem that counts as one part of a compound ("kortti|maksu").
MIN_PART = 4


@dataclass(frozen=True)
class Word:
    """A content word of a label: what it is compared by (a stem, or "=group"), its stem, as written."""

    token: str
    stem: str
    text: str


@dataclass(frozen=True, eq=False)
class LabelWords:
    """One language's word lists for labels, stemmed once (see the `labels:` data)."""

    stemmer: str
    compounds: bool
    fixes: tuple[tuple[re.Pattern[str], str], ...]
    stop: frozenset[str]
    vague: frozenset[str]
    fillers: tuple[str, ...]
    groups: Mapping[str, str]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> LabelWords:
        fixes = tuple((re.compile(p), r) for p, r in (data.get("stem_fixes") or {}).items())
        bare = cls(data["stemmer"], bool(data.get("compounds")), fixes, frozenset(), frozenset(), (), {})

        def stems(name: str) -> frozenset[str]:
            return frozenset(bare.stem(str(w)) for w in data.get(name) or ())

        groups = {bare.stem(str(w)): name for name, words in (data.get("synonyms") or {}).items() for w in words}
        fillers = sorted((s for s in stems("compound_fillers") if len(s) >= MIN_PART), key=len, reverse=True)
        return cls(bare.stemmer, bare.compounds, fixes, stems("stop_words"), stems("vague"), tuple(fillers), groups)

    def stem(self, word: str) -> str:
        return _stem(self.stemmer, self.fixes, word.lower())

    def stems(self, label: str) -> list[str]:
        """Stems of every word that is not a stop word."""
        tokens = [t for t in _TOKEN.findall(label.lower()) if len(t) > 1 or t.isdigit()]
        return [s for s in map(self.stem, tokens) if s not in self.stop]

    def words(self, label: str) -> tuple[Word, ...]:
        """The words that say what an option is for: no stop words, no vague words, synonyms grouped."""
        return _words(self, label)

    def is_vague(self, label: str) -> bool:
        """Whether the label names no task: every word is a stop word or a vague one ("Other enquiries")."""
        stems = self.stems(label)
        return bool(stems) and all(s in self.vague for s in stems)

    def in_group(self, label: str, group: str) -> bool:
        return any(w.token == f"={group}" for w in self.words(label))

    def key(self, label: str) -> tuple[str, ...]:
        """The label's words without stop words, so "Speak to an advisor" and "Speak to advisor" are one label.

        Words are not stemmed: "Billing" and "Your bill" share a stem but are different labels.
        """
        tokens = [t for t in _TOKEN.findall(label.lower()) if self.stem(t) not in self.stop]
        return tuple(tokens) or (label.strip().lower(),)

    def group_of(self, stem: str) -> str | None:
        if stem in self.groups:
            return self.groups[stem]
        return next((g for member, g in self.groups.items() if same_stem(stem, member)), None)


def same_stem(a: str, b: str) -> bool:
    """Stems of one word that the stemmer left apart ("asiakaspalvelu", "asiakaspalvelij")."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 5 and min(len(a), len(b)) >= 6 and max(len(a), len(b)) - common <= 2


@lru_cache(maxsize=None)
def _stemmer(name: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=16384)
def _stem(stemmer: str, fixes: tuple[tuple[re.Pattern[str], str], ...], word: str) -> str:
    stem = _stemmer(stemmer).stemWord(word)
    for pattern, replacement in fixes:
        stem = pattern.sub(replacement, stem)
    return stem


@lru_cache(maxsize=8192)
def _words(words: LabelWords, label: str) -> tuple[Word, ...]:
    found: dict[str, Word] = {}
    for token in _TOKEN.findall(label.lower()):
        if len(token) == 1 and not token.isdigit():
            continue
        stem = words.stem(token)
        if stem in words.stop or stem in words.vague:
            continue
        for word in _parts(words, _strip_filler(words, stem), token):
            # A repeated word says nothing new, but a repeated number does ("Line 1 1").
            found.setdefault(word.stem if not token.isdigit() else f"{token}#{len(found)}", word)
    return tuple(found.values())


def _strip_filler(words: LabelWords, stem: str) -> str:
    """ "laskutusasia" -> "laskutus": a compound whose last part adds nothing."""
    for filler in words.fillers if words.compounds else ():
        if stem.endswith(filler) and len(stem) - len(filler) >= 3:
            return words.stem(stem[: -len(filler)])
    return stem


def _parts(words: LabelWords, stem: str, text: str) -> list[Word]:
    """The stem as one word, or split around a near-synonym it contains ("sähkö|lasku")."""
    group = words.group_of(stem)
    if group is not None:
        return [Word(f"={group}", stem, text)]
    if words.compounds:
        for member, name in words.groups.items():
            if len(member) < MIN_PART or member == stem:
                continue
            if stem.endswith(member) and len(stem) - len(member) >= 3:
                head = stem[: -len(member)]
                return [*_parts(words, words.stem(head), head), Word(f"={name}", member, text)]
            if stem.startswith(member) and len(stem) - len(member) >= MIN_PART:
                rest = stem[len(member):]
                return [Word(f"={name}", member, text), *_parts(words, words.stem(rest), rest)]
    return [Word(stem, stem, text)]
