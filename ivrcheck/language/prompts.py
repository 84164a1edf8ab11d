"""Reading a prompt as a caller hears it: which keys it offers, where, and in which order of words."""

from __future__ import annotations

import bisect
import re
from dataclasses import field
from functools import cached_property, lru_cache
from typing import Any, Mapping

from ivrcheck.records import record

DTMF = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#")
EXTENSION = "extension"
#: A run of stops is tried from its first character only: from each one, a long run was rescanned.
_SENTENCE_END = re.compile(r"(?<![.!?;])[.!?;]++(?=\s|$)|\n\s*\n")
_CLAUSE_MARK = re.compile(r"[,:–—]|(?<=\s)-(?=\s)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@record
class Offer:
    """One place where a prompt offers a key ("press 1") or dial-by-extension."""

    key: str
    match: re.Match[str]
    #: Where the clause that offers it begins: the function ("For cards, ...") or the key.
    start: int
    #: Where a caller has heard both the key and what it is for, and can act.
    ready: int
    #: "Press 1 for cards": the key comes before its function.
    key_first: bool
    #: Where the function said before the key ends, when a clause offering another way comes
    #: between them ("To speak to an agent, stay on the line or press 0"); else the key's start.
    said: int | None = None

    def function(self, prompt: str) -> str:
        """The words that say what the key is for: "To renew your policy" in "To renew your policy, press 1"."""
        end = self.match.start() if self.said is None else self.said
        text = prompt[self.match.end():self.ready] if self.key_first else prompt[self.start:end]
        return text.strip(" \t\n,:;–—-")


@record(eq=False)
class PromptWords:
    """One language's words for offering keys (see the `prompts:` data).

    The patterns are compiled on first use: every language is loaded to tell which one a
    prompt is in, but only the languages a line speaks are read for offers.
    """

    word_to_key: Mapping[str, str]
    linkers: frozenset[str]
    alternatives: frozenset[str]
    #: Words that open a function said before its key ("to", "for"): a list's clauses go back to one.
    openers: frozenset[str]
    filler: frozenset[str]
    offer_example: str
    action_example: str
    action_verbs: frozenset[str]
    extension_example: str
    spoken: Mapping[str, str]
    #: The label help texts suggest for the option that plays the menu again.
    repeat_label: str
    #: The `prompts:` section of the language file, compiled into the patterns below on first use.
    data: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PromptWords:
        table = {k: k for k in DTMF}
        for key, spoken in [*data["keys"].items(), *data.get("keys_alone", {}).items()]:
            table.update({w.lower(): str(key) for w in spoken})
        return cls(
            word_to_key=table,
            linkers=frozenset(data.get("linkers", ())), alternatives=frozenset(data.get("alternatives", ())),
            openers=frozenset(data.get("openers", ())),
            filler=frozenset(data.get("filler", ())), offer_example=data.get("offer_example", "{label}: {key}"),
            action_example=data.get("action_example") or data.get("offer_example", "{label}: {key}"),
            action_verbs=frozenset(data.get("action_verbs", ())),
            extension_example=data.get("extension_example", ""),
            spoken={str(k): v[0] for k, v in data["keys"].items() if str(k) in ("*", "#") and v},
            repeat_label=data.get("repeat_label", "Repeat these options"),
            data=data,
        )

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A verb offering a key: "press 1", "select option 2", "paina ykköstä"."""
        data = self.data
        return re.compile(
            rf"\b(?:{_alternation([*data['press'], *data.get('press_regional', ())])})(?:\s+(?:{_alternation(data['between'])}))*"
            rf"\s+(?P<key>{self._keys})(?:[ \t]+(?:{_alternation(data['after'])}))?"
            rf"(?![\w-])(?!\s+(?:{_alternation(data['not_a_key'])})\b){self._not_a_number}",
            re.IGNORECASE,
        )

    @cached_property
    def alone(self) -> re.Pattern[str] | None:
        """A key in a form that offers it by itself, with no verb: Finnish "Päävalikkoon pääset
        risuaidalla" (by hash), "Valikon kuulet uudelleen tähdellä" (by star). None without such forms."""
        words = [w for spoken in self.data.get("keys_alone", {}).values() for w in spoken]
        return re.compile(rf"\b(?P<key>{_alternation(words)})(?![\w-])", re.IGNORECASE) if words else None

    @cached_property
    def continuation(self) -> re.Pattern[str]:
        """A bare key continuing a list of offers: "press 1 for cards, (or 2) for loans"."""
        data = self.data
        joiners = _alternation([*data.get("alternatives", ()), *data.get("filler", ())])
        return re.compile(
            rf"\s*(?:[,;]\s*)?(?:(?:{joiners})\s+)*(?P<key>{self._keys})(?![\w-])"
            rf"(?!\s+(?:{_alternation(data['not_a_key'])})\b){self._not_a_number}",
            re.IGNORECASE,
        )

    @cached_property
    def listed(self) -> re.Pattern[str]:
        """A key standing alone after its function, as lists print it: "Billing: 1.", "Laskut – 2" (after a
        word: "9–5" and "8:30" are times)."""
        return re.compile(
            rf"(?:(?<=[^\W\d_][:–—])|(?<=[^\W\d_][:–—][ \t])|(?<=[^\W\d_][ \t][-–—][ \t]))(?P<key>{self._keys})(?![\w-])"
            rf"(?=[ \t]*(?:[.;!?,)]|$|\n))",
            re.IGNORECASE,
        )

    @cached_property
    def listed_first(self) -> re.Pattern[str]:
        """A key opening its sentence, its function after a colon or dash and a space: "1: Billing.", "2 – Laskut"
        ("kl. 8–16" is a time)."""
        return re.compile(
            rf"(?:^|(?<=[.;!?\n])|(?<=[.;!?][ \t]))[ \t]*(?P<key>{self._keys})(?![\w-])[ \t]*[:–—-][ \t]+(?=[^\W\d_])",
            re.IGNORECASE,
        )

    @cached_property
    def extension(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.data.get("extension", ()))

    @cached_property
    def number_entry(self) -> tuple[re.Pattern[str], ...]:
        """Phrases asking the caller to key in a number of their own ("If you know the ward's
        three-digit number, enter it now"): how a prompt offers dial-by-extension without the word."""
        return tuple(re.compile(p, re.IGNORECASE) for p in self.data.get("number_entry", ()))

    @cached_property
    def waiting(self) -> tuple[re.Pattern[str], ...]:
        """Phrases that tell a caller that doing nothing is a way on ("stay on the line")."""
        return tuple(re.compile(p, re.IGNORECASE) for p in self.data.get("waiting", ()))

    @property
    def _not_a_number(self) -> str:
        """A digit followed by more digits, spoken apart ("dial 9 1 1", "soita 1 1 2", "nine nine
        nine"), is a number to call, not a key."""
        digits = _alternation([w for w, k in self.word_to_key.items() if k.isdigit() and w not in DTMF])
        return rf"(?![ \t]+(?:\d|(?:{digits}))(?![\w-]))"

    @property
    def _keys(self) -> str:
        # [0-9], not \d: \d also matches "٣" and other digits no phone keypad has (no key to look up).
        return _alternation([w for w in self.word_to_key if w not in DTMF]) + r"|[0-9]|\*|#"

    def offers(self, prompt: str | None) -> tuple[Offer, ...]:
        """Every offer in the prompt, in the order a caller hears them."""
        return _offers(self, prompt) if prompt else ()

    def waits(self, prompt: str) -> bool:
        """Whether the prompt announces waiting as a way on (see `waiting`)."""
        return _waits(self, prompt)

    @cached_property
    def _waiting_word(self) -> re.Pattern[str]:
        words = self.data.get("waiting_words", ())
        return re.compile(rf"\b(?:{_alternation(words)})\w*" if words else r"(?!x)x", re.IGNORECASE)

    def mentions_waiting(self, prompt: str | None) -> str | None:
        """The first word of the prompt that speaks of waiting or holding ("queue", "kvar", "odota"),
        whether or not a `waiting` phrase is read in it; None when no word does. A prompt with none
        surely does not tell callers to wait; one with such a word may, in words not read."""
        found = self._waiting_word.search(prompt or "")
        return found.group() if found else None


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1 << 15)
def _waits(words: PromptWords, prompt: str) -> bool:
    """PromptWords.waits, cached: a menu's prompt is asked once per option."""
    return any(p.search(prompt) for p in words.waiting)


@lru_cache(maxsize=1 << 17)
def _offers(words: PromptWords, prompt: str) -> tuple[Offer, ...]:
    found = [(m, words.word_to_key[m.group("key").lower()]) for m in words.pattern.finditer(prompt)]
    ends = [m.end() for m in _SENTENCE_END.finditer(prompt)] + [len(prompt)]  # sorted, so bisect finds
    continued = _continued(words, prompt, [m for m, _ in found], ends)        # each offer's sentence
    found += continued
    bare = {id(m) for m, _ in continued}
    listed = _listed(words, prompt)
    found += [(m, key) for m, key, _ in listed]
    if words.alone is not None:
        found += [(m, words.word_to_key[m.group("key").lower()]) for m in words.alone.finditer(prompt)]
    first = {id(m) for m, _, is_first in listed if is_first}
    found += [(m, EXTENSION) for p in words.extension for m in p.finditer(prompt)]
    found.sort(key=lambda f: f[0].start())
    kept: list[tuple[re.Match[str], str]] = []
    for match, key in found:
        if not kept or match.start() >= kept[-1][0].end():
            kept.append((match, key))
    offers = _placed(words, prompt, kept, ends, bare, first)
    # "If you know the extension of the officer you need, press 4": the extension is what key 4 is
    # for (a switchboard behind it takes the digits), not an invitation to dial it here.
    led = {id(kept[i][0]) for i, offer in enumerate(offers[:-1])
           if offer.key == EXTENSION and offers[i + 1].key != EXTENSION and not offers[i + 1].key_first
           and bisect.bisect_left(ends, kept[i][0].end()) == bisect.bisect_left(ends, kept[i + 1][0].end())}
    if led:
        offers = _placed(words, prompt, [k for k in kept if id(k[0]) not in led], ends, bare, first)
    return tuple(offers)


def _listed(words: PromptWords, prompt: str) -> list[tuple[re.Match[str], str, bool]]:
    """Keys offered as a printed list offers them, without a verb: "Billing: 1." or "1: Billing.".

    The shape, not a word, says it is an offer: a key alone in its clause, joined to its
    function by a colon or a dash. Each match is narrowed to the key itself.
    """
    found = []
    for pattern, first in ((words.listed, False), (words.listed_first, True)):
        for m in pattern.finditer(prompt):
            key = _KEY_ONLY.match(prompt, m.start("key"), m.end("key"))
            found.append((key, words.word_to_key[m.group("key").lower()], first))
    return found


def _placed(words: PromptWords, prompt: str, kept: list[tuple[re.Match[str], str]], ends: list[int],
            bare: set[int], first: set[int] = frozenset()) -> list[Offer]:
    """Each key found, with the stretch of the prompt that says what it does."""
    offers = []
    for i, (match, key) in enumerate(kept):
        before = bisect.bisect_right(ends, match.start())
        sentence_start = ends[before - 1] if before else 0
        sentence_end = ends[bisect.bisect_left(ends, match.end())]
        begin = max(sentence_start, kept[i - 1][0].end() if i else 0)
        stop = min(sentence_end, kept[i + 1][0].start() if i + 1 < len(kept) else sentence_end)
        if id(match) in first:
            said = _last_word_end(prompt, match.end(), stop)
            offers.append(Offer(key, match, match.start(), said or match.end(), key_first=said is not None))
            continue
        named_before, lead, said = _lead(words, prompt, begin, match.start())
        tail = _tail(words, prompt, match.end(), stop)
        if tail is not None and (not named_before or id(match) in bare):
            offers.append(Offer(key, match, match.start(), tail, key_first=True))
        else:
            offers.append(Offer(key, match, match.start() if lead is None else lead, match.end(), key_first=False,
                                said=said))
    return offers


def _continued(words: PromptWords, prompt: str, offers: list[re.Match[str]], ends: list[int]
               ) -> list[tuple[re.Match[str], str]]:
    """Keys that continue a key-first list without the verb: "Press 1 for cards, or 2 for loans".

    Each must be followed by its own function, so "press 1 or 2" offers only "1". `ends`
    are where the prompt's sentences end, the prompt's end last.
    """
    found = []
    for index, offer in enumerate(offers):
        end = ends[bisect.bisect_left(ends, offer.end())]  # ends are sorted: no scan per offer
        if index + 1 < len(offers):  # a list goes on no further than the next "press": each offer's
            end = min(end, offers[index + 1].start())  # walk is its own stretch, not the rest of the prompt
        tail = _tail(words, prompt, offer.end(), end)
        while tail is not None:
            more = words.continuation.match(prompt, tail, end)
            if more is None:
                break
            tail = _tail(words, prompt, more.end(), end)
            if tail is not None:
                key = _KEY_ONLY.match(prompt, more.start("key"), more.end("key"))
                found.append((key, words.word_to_key[more.group("key").lower()]))
    return found


def _last_word_end(prompt: str, begin: int, end: int) -> int | None:
    """Where the last word between `begin` and `end` ends: a listed key's function runs to its sentence's end."""
    last = None
    for last in _WORD.finditer(prompt, begin, end):
        pass
    return last.end() if last is not None else None


_KEY_ONLY = re.compile(r".+", re.DOTALL)
_BLANKS = re.compile(r"\s*")


def _first_named(words: PromptWords, prompt: str, start: int, end: int) -> int | None:
    """Where the first word between `start` and `end` that is neither filler nor "or" begins, if any."""
    for word in _WORD.finditer(prompt, start, end):
        if word.group().lower() not in words.filler and word.group().lower() not in words.alternatives:
            return word.start()
    return None


def _lead(words: PromptWords, prompt: str, begin: int, end: int) -> tuple[bool, int | None, int | None]:
    """Whether the clause right before the key names something, where the function said before
    the key starts, and where it ends when a clause offering another way follows it.

    The function is the last clause that names something, taken back over the clauses of a
    list ("To update your address, vehicle or cover, press 1") to the one that opens it with
    a word such as "to" or "for". A clause that ends in "or" offers another way to the same
    thing ("To speak to an agent, stay on the line or press 0") and is no function.
    """
    marks = list(_CLAUSE_MARK.finditer(prompt, begin, end))
    spans = list(zip([begin] + [m.end() for m in marks], [m.start() for m in marks] + [end]))
    said = None
    for index in range(len(spans) - 1, -1, -1):
        if _ends_in_alternative(words, prompt, *spans[index]):
            said = spans[index][0] - 1 if index else None
            continue
        named = _first_named(words, prompt, *spans[index])
        if named is not None:
            return index == len(spans) - 1 and said is None, _opening(words, prompt, spans, index, named), said
    return False, None, None


def _ends_in_alternative(words: PromptWords, prompt: str, start: int, end: int) -> bool:
    last = None
    for last in _WORD.finditer(prompt, start, end):
        pass
    return last is not None and last.group().lower() in words.alternatives and _first_named(
        words, prompt, start, last.start()) is not None


def _opening(words: PromptWords, prompt: str, spans: list[tuple[int, int]], index: int, named: int) -> int:
    """Where the function that ends in clause `index` starts: back over a list's clauses to its opener."""
    if not words.openers:
        return named
    for back in range(index, -1, -1):
        first = _first_named(words, prompt, *spans[back])
        if first is None:
            break
        word = _WORD.match(prompt, first)
        if word is not None and word.group().lower() in words.openers:
            return first
    return named


def _tail(words: PromptWords, prompt: str, begin: int, end: int) -> int | None:
    """Where the function named right after the key ends ("press 1 for cards"), or None.

    The function must follow the key directly, or after a comma with a linking word
    ("paina 1, jos ..."); "press 0, or say advisor" offers another way, not a function.
    """
    blank = _BLANKS.match(prompt, begin, end)  # no copy of the rest of the prompt per offer
    pos = blank.end() if blank else begin
    mark = _CLAUSE_MARK.match(prompt, pos, end)
    if mark:
        first = _WORD.search(prompt, mark.end(), end)
        if first is None or first.group().lower() not in words.linkers:
            return None
        pos = first.start()
    limit = _CLAUSE_MARK.search(prompt, pos, end)
    if _goes_on(words, prompt, pos, limit.start() if limit else end):
        return None
    last = None
    for word in _WORD.finditer(prompt, pos, limit.start() if limit else end):
        lowered = word.group().lower()
        if lowered in words.alternatives:
            break
        if lowered not in words.filler:
            last = word.end()
    return last


def _goes_on(words: PromptWords, prompt: str, begin: int, end: int) -> bool:
    """Whether the words after the key begin with what happens next, not what the key is for:
    "press 1 now and you'll go straight through to our fault team" (the function came before)."""
    joiners = words.data.get("then", ())
    for word in _WORD.finditer(prompt, begin, end):
        lowered = word.group().lower()
        if lowered in joiners:
            return True
        if lowered not in words.filler:
            return False
    return False


#: A sentence, and a short public number in it, digits together or apart ("112", "9 1 1", "999").
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_SHORT_NUMBER = re.compile(r"(?<![\d\s])\s*\b\d(?:\s?\d){2}\b(?!\s?\d{2,})")


def emergency_advice(text: str) -> list[str]:
    """The sentences of `text` that send callers to an emergency number, three digits in every
    country ("If anyone is hurt, hang up and dial 9 1 1."; "Hengenvaarallisessa tilanteessa soita
    heti 112."): advice a line gives before its options, not an option to hold in mind (P404) nor
    talk that delays the choice of language (L305)."""
    return [m.group() for m in _SENTENCE.finditer(text) if _SHORT_NUMBER.search(m.group())]
