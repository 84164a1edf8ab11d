"""Seconds and announcements at each node, worked out once per phone line.

Every search over the graph (the fastest way to a person in each state, the announced way,
the tasks) and every caller walk adds up the same per-edge seconds and asks the same
"does the prompt offer this key?". Each prompt is read for its offers once and each edge is
timed once here, however many states, searches and walks ask, instead of asking the
language per edge and per search.
"""

from __future__ import annotations

from typing import Any

from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.language import EXTENSION, Language, reads
from ivrcheck.model import Node

#: One edge in a list of successors: (target, the edge's attributes).
Edge = tuple[str, dict[str, Any]]
#: Edge kinds a prompt may announce: a choice, or waiting ("stay on the line").
_ASKED = CHOICE | {"timeout"}


class Clock:
    """What a caller spends at a node before leaving along an edge, cached per line.

    Edges are cached by identity: an edge's attributes are one dict for the whole line (every
    state's successor lists share it), and the clock holds each dict it timed, so an id is
    never reused while the clock lives. Pass only edges that leave the node given with them.
    """

    def __init__(self, language: Language, reads_line: bool = True) -> None:
        self.language = language
        #: Whether ivrcheck reads the line's own language (a line in a language without a data
        #: file is read with English words: what its prompts announce is unknown, not "not said").
        self.reads_line = reads_line
        self._seconds: dict[str | None, float] = {}
        self._offered: dict[str | None, dict[str, int]] = {}
        self._until: dict[str, dict[str, float]] = {}
        self._edges: dict[int, tuple[dict[str, Any], float]] = {}
        self._heard: dict[int, tuple[dict[str, Any], bool]] = {}
        self._waiting: dict[str | None, bool] = {}
        self._heard_lists: dict[int, tuple[list[Edge], list[Edge]]] = {}

    def seconds(self, text: str | None) -> float:
        """language.seconds, once per prompt."""
        found = self._seconds.get(text)
        if found is None:
            found = self._seconds[text] = self.language.seconds(text)
        return found

    def prompt(self, node: Node | None) -> float:
        """Seconds a node's prompt plays: its declared `seconds:`, else its words at the rate."""
        if node is None:
            return 0.0
        return node.seconds if node.seconds is not None else self.seconds(node.prompt)

    def offered(self, text: str | None) -> dict[str, int]:
        """Each key the prompt offers -> where in it the caller knows what the key does (its
        first offer's `ready`): language.offers read once per prompt."""
        found = self._offered.get(text)
        if found is None:
            found = self._offered[text] = {}
            for offer in self.language.offers(text):
                found.setdefault(offer.key, offer.ready)
        return found

    def seconds_until(self, text: str | None, key: str) -> float:
        """language.seconds_until, once per prompt and key (and only for keys asked about)."""
        ready = self.offered(text).get(key)
        if ready is None or text is None:
            return self.seconds(text)
        timed = self._until.setdefault(text, {})
        if key not in timed:
            timed[key] = self.language.seconds(text[:ready], keep=False)  # kept here, once per prompt and key
        return timed[key]

    def offers_waiting(self, text: str | None) -> bool:
        """language.offers_waiting, once per prompt."""
        found = self._waiting.get(text)
        if found is None:
            found = self._waiting[text] = self.language.offers_waiting(text)
        return found

    def edge(self, node: Node | None, attrs: dict[str, Any]) -> float:
        """Seconds spent at `node` before leaving along this edge (analysis.edge_seconds)."""
        cached = self._edges.get(id(attrs))
        if cached is None:
            cached = self._edges[id(attrs)] = (attrs, edge_seconds(node, attrs, self))
        return cached[1]

    def announced(self, node: Node | None, attrs: dict[str, Any]) -> bool:
        """Whether the prompt of `node` tells the caller about this edge: a key it offers, a
        phrase it quotes, or waiting when it says "stay on the line"."""
        cached = self._heard.get(id(attrs))
        if cached is None:
            cached = self._heard[id(attrs)] = (attrs, self._announced(node, attrs))
        return cached[1]

    def unknown(self, node: Node | None) -> bool:
        """Whether what this node's prompt announces is unknown: a recording whose words are not
        given, or a prompt in a language ivrcheck does not read."""
        if node is None:
            return False
        if node.words_unknown:
            return True
        language = node.language
        return not self.reads_line if language is None else not reads(language)

    def maybe(self, node: Node | None, attrs: dict[str, Any]) -> bool:
        """Whether this edge may be announced though nobody can tell: a key or waiting offered by a
        prompt whose words are unknown (`unknown`). Never true of an edge known to be announced."""
        return attrs["kind"] in _ASKED and self.unknown(node) and not self.announced(node, attrs)

    def heard(self, node_id: str, node: Node | None, edges: list[Edge]) -> list[Edge]:
        """Of `edges` (all leaving `node_id`), those a caller who follows the prompts takes to
        somewhere new: routing, and what the prompt announces. Edges back to the node itself
        lead nowhere new and are left out unjudged (a "stay on the line" that only replays the
        menu is never searched for). Once per list: the states share most lists."""
        cached = self._heard_lists.get(id(edges))
        if cached is None:
            kept = [(v, a) for v, a in edges if v != node_id and (a["kind"] in ROUTING or self.announced(node, a))]
            # All of them, most often (a message, a person): the list itself, not a second copy.
            cached = self._heard_lists[id(edges)] = (edges, edges if len(kept) == len(edges) else kept)
        return cached[1]

    def _announced(self, node: Node | None, attrs: dict[str, Any]) -> bool:
        if node is None or node.words_unknown:
            return False
        kind = attrs["kind"]
        if kind == "timeout":
            # A greeting that only offers other languages ("Para español, oprima 9"), or whose silence
            # and wrong keys both go on (node.passes_on), is passed by waiting: that is how the line's
            # own callers go on, said or not.
            return self.offers_waiting(node.prompt) or node.passes_on
        if kind not in CHOICE:
            return False
        if kind == "say":
            text = (node.prompt or "").lower()
            option = attrs.get("option")
            return option is not None and any(p.lower() in text for p in option.say if p.strip())
        key = EXTENSION if kind == "extension" else attrs["press"]
        return key in self.offered(node.prompt)


def edge_seconds(node: Node | None, attrs: dict[str, Any], language: Language | Clock) -> float:
    """Time a caller spends at `node` before leaving it along this edge. A declared `seconds:`
    is the prompt's length; a key offered in its words is ready as far into it as its words say."""
    if node is None:
        return 0.0
    kind = attrs["kind"]
    whole = language.seconds(node.prompt) if node.seconds is None else node.seconds
    if kind in ("key", "extension"):
        until = language.seconds_until(node.prompt, attrs["press"])
        if node.seconds is None:
            return until
        spoken = language.seconds(node.prompt)
        return node.seconds * until / spoken if spoken > 0 else node.seconds
    if kind == "timeout":
        return whole + (node.timeout or 0.0)
    if kind == "retries":
        return (node.retries or 1) * (whole + (node.timeout or 0.0))
    return whole
