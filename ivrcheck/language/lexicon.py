"""The contact-centre lexicon: groups of words and phrases that name one reason to call, indexed once.

Each language has a data file beside this module (`lexicon-en.yaml`, `lexicon-fi.yaml`):
groups of terms that a caller takes for the same task ("faults", "breakdowns", "power
cut"), each with a topic (groups of one topic are related, not the same) and the public
sources it was built from. Users add groups with `synonyms:` in `.ivrcheck.yaml`.

Terms are read with the language's analyser when the lexicon is built, into an index
from dictionary form to groups (and, for phrases, from the first word to the phrases that
start with it), so that looking a word up costs one dictionary access.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cached_property, lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

from ivrcheck.language import data as language_data
from ivrcheck.records import record

_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
#: A lexicon's index before it is frozen: dictionary form -> group ids, and a phrase's first
#: word -> (the phrase's words, group id), in the order the terms were read.
Terms = tuple[dict[str, set[str]], dict[str, list[tuple[tuple[str, ...], str]]]]
#: Group ids of the user's own groups from `synonyms:` start with this.
USER = "user:"


@record
class Group:
    """One group of terms a caller takes for the same task, with where it comes from."""

    id: str
    topic: str
    terms: tuple[str, ...]
    sources: tuple[str, ...] = ()
    #: Groups whose task this one is a case of ("overdraft" is a kind of "loan").
    broader: tuple[str, ...] = ()


@record(eq=False)
class Lexicon:
    """A language's groups with their index; build one with `Lexicon.build`."""

    groups: Mapping[str, Group]
    sources: Mapping[str, str]
    #: Universal functions ("repeat", "person", ...) -> the groups a label asking for one may use.
    functions: Mapping[str, frozenset[str]]
    #: Dictionary form of a one-word term -> ids of the groups it is in.
    single: Mapping[str, frozenset[str]]
    #: Dictionary form of a phrase's first word -> (the phrase's words, group id), longest first.
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    #: Pairs of groups that exclude each other ("new" and "existing").
    contrasts: frozenset[frozenset[str]] = frozenset()
    #: How terms were read into keys; kept so that `extended` reads new terms the same way.
    keys_of: Callable[[str], tuple[tuple[str, ...], ...]] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, data: Mapping[str, Any], keys_of: Callable[[str], tuple[tuple[str, ...], ...]],
              extra: Iterable[Sequence[str]] = (), stored: Terms | None = None) -> Lexicon:
        """Index the groups of a lexicon file (and the user's extra groups).

        `keys_of(term)` gives, for each content word of the term, its dictionary forms.
        `stored` is the file's groups already indexed the same way (index.py), so that only
        the user's groups are read here.
        """
        groups = file_groups(data)
        user: dict[str, Group] = {}
        for number, terms in enumerate(extra, 1):
            gid = f"{USER}{number}"
            user[gid] = Group(gid, gid, tuple(str(t) for t in terms), ("your .ivrcheck.yaml",))
        if stored is None:
            single, phrases = index_terms(groups.values(), keys_of)
        else:  # added to only when the user has groups, and then as a copy
            single, phrases = copy(stored) if user else stored
        index_terms(user.values(), keys_of, (single, phrases))
        groups.update(user)
        functions = {str(name): frozenset(ids) for name, ids in (data.get("functions") or {}).items()}
        contrasts = frozenset(frozenset(str(i) for i in pair) for pair in data.get("contrasts") or ())
        return cls(groups, dict(data.get("sources") or {}), functions,
                   {k: frozenset(v) for k, v in single.items()},
                   {k: tuple(sorted(set(v), key=lambda p: -len(p[0]))) for k, v in phrases.items()},
                   contrasts, keys_of)

    def lookup(self, key: str) -> frozenset[str]:
        """The groups a one-word dictionary form is in."""
        return self.single.get(key, frozenset())

    # A word in thousands of the user's `synonyms:` groups is in thousands of groups: what follows
    # reads only the few groups that are cases of others or exclude others, and keeps each set's
    # topics, so that a big config does not make every comparison of two labels read them all.

    @cached_property
    def _narrower(self) -> frozenset[str]:
        """The groups that are cases of other groups."""
        return frozenset(gid for gid, group in self.groups.items() if group.broader)

    @cached_property
    def _partners(self) -> dict[str, frozenset[str]]:
        """Each group that excludes others -> those others."""
        found: dict[str, set[str]] = {}
        for pair in self.contrasts:
            for a in pair:
                found.setdefault(a, set()).update(pair - {a})
        return {a: frozenset(others) for a, others in found.items()}

    @cached_property
    def _topics_of(self) -> dict[frozenset[str], frozenset[str]]:
        return {}

    def broader(self, ids: Iterable[str]) -> frozenset[str]:
        """The groups that the given groups are cases of."""
        cases = self._narrower.intersection(ids)
        return frozenset(b for i in cases for b in self.groups[i].broader)

    def contrast(self, first: Iterable[str], second: Iterable[str]) -> tuple[str, str] | None:
        """A pair of groups, one of each side, that exclude each other (the first such, in the sides' order)."""
        second = set(second)
        for a in first:
            if (partners := self._partners.get(a)) is None:
                continue
            for b in second:
                if a != b and b in partners:
                    return a, b
        return None

    def topics(self, ids: Iterable[str]) -> frozenset[str]:
        """The topics of the given groups (kept per set of many groups: a word's groups are asked again and again)."""
        if isinstance(ids, frozenset) and len(ids) > 64:
            found = self._topics_of.get(ids)
            if found is None:
                found = self._topics_of[ids] = frozenset(self.groups[i].topic for i in ids if i in self.groups)
            return found
        return frozenset(self.groups[i].topic for i in ids if i in self.groups)

    def function_of(self, ids: Iterable[str]) -> str | None:
        """The universal function whose groups include one of `ids`, if any."""
        ids = set(ids)
        return next((name for name, members in self.functions.items() if ids & members), None)

    def cite(self, gid: str) -> str:
        """Where a group comes from, for messages and docs."""
        group = self.groups[gid]
        return "; ".join(self.sources.get(s, s) for s in group.sources)


def file_groups(data: Mapping[str, Any]) -> dict[str, Group]:
    """The groups of a lexicon file, by id."""
    return {str(g["id"]): Group(str(g["id"]), str(g.get("topic", g["id"])), tuple(str(t) for t in g["terms"]),
                                tuple(str(s) for s in g.get("source") or ()),
                                tuple(str(b) for b in g.get("broader") or ())) for g in data.get("groups") or ()}


def index_terms(groups: Iterable[Group], keys_of: Callable[[str], tuple[tuple[str, ...], ...]],
                into: Terms | None = None) -> Terms:
    """Read every term of the groups into the index (a new one, or `into`)."""
    single, phrases = into if into is not None else ({}, {})
    for group in groups:
        for term in group.terms:
            words = keys_of(term)
            if len(words) == 1:
                for key in words[0]:
                    single.setdefault(key, set()).add(group.id)
            elif words:
                phrases.setdefault(words[0][0], []).append((tuple(w[0] for w in words), group.id))
    return single, phrases


def copy(terms: Terms) -> Terms:
    """An index to add to, leaving `terms` as it was."""
    return {k: set(v) for k, v in terms[0].items()}, {k: list(v) for k, v in terms[1].items()}


def read_data(code: str) -> Mapping[str, Any]:
    """The lexicon file of a language ({} when there is none)."""
    return _read(code)


@lru_cache(maxsize=None)
def _read(code: str) -> Mapping[str, Any]:
    try:
        return language_data.read(f"lexicon-{code}.yaml") or {}
    except OSError:
        return {}


def tokens(text: str) -> list[str]:
    """The words of a label or term, lower-cased; single letters other than digits are dropped."""
    return [t for t in _TOKEN.findall(text.lower()) if len(t) > 1 or t.isdigit()]


def content_tokens(text: str, compounds: bool) -> list[str]:
    """Words for the meaning model: a hyphenated compound stays one word where words compound
    ("kela-kortti"), and elsewhere splits but keeps its letters ("e-bill" -> "e", "bill")."""
    found = []
    for token in _HYPHENATED.findall(text.lower()):
        if "-" in token and not compounds:
            found.extend(token.split("-"))
        elif len(token) > 1 or token.isdigit():
            found.append(token)
    return found
