"""A phone line's analysis over every schedule state: what rules, the score and diagrams read."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Hashable, Iterable

from ivrcheck.graph.analysis import Analysis, is_end
from ivrcheck.graph.build import CHOICE, CLOSED, OPEN, ROUTING
from ivrcheck.graph.clock import Clock
from ivrcheck.graph.walks import Step, descendants, fastest, settled
from ivrcheck.language import Language, detect, load_language, reads
from ivrcheck.model import Menu, Node, NodeType


@dataclass
class LineAnalysis:
    """Every state's analysis of one phone line (one state without schedules, open and closed with)."""

    menu: Menu
    states: dict[str, Analysis]
    language: Language
    #: Seconds and announcements per edge, worked out once for the whole line (clock.py).
    clock: Clock = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.clock is None:
            self.clock = Clock(self.language)

    @property
    def open(self) -> Analysis:
        """The state metrics are reported in: open hours (the only state without schedules)."""
        return self.states[OPEN]

    @property
    def has_hours(self) -> bool:
        return CLOSED in self.states

    def label(self, analysis: Analysis) -> str | None:
        """The state to name in a finding: None when the line has no schedules."""
        return analysis.state if self.has_hours else None

    @cached_property
    def reachable(self) -> frozenset[str]:
        """Nodes some call reaches in some state."""
        return frozenset().union(*(a.reachable for a in self.states.values()))

    @cached_property
    def winding_up(self) -> dict[str, bool]:
        """closing.winding_up_menu's answer per menu, once asked (three rules ask it of every menu)."""
        return {}

    @cached_property
    def unreachable(self) -> list[str]:
        return [n for n in self.menu.nodes if n not in self.reachable]

    @cached_property
    def dead_ends(self) -> list[str]:
        """Reachable nodes that neither end the call nor lead anywhere."""
        return [n for n in self.menu.nodes if n in self.reachable and self._leads_nowhere(n)]

    @cached_property
    def fallbacks(self) -> frozenset[str]:
        """The `closed:` targets of the people with hours that callers reach, and every node after them:
        heard by a caller whose person closes while the call goes on, even where no schedule state
        reaches them from the entry (the Swedish branch's closed message, behind a choice open hours
        only offer)."""
        found: set[str] = set()
        for node in self.menu.nodes.values():
            if node.is_person and node.closes and node.closed is not None and node.id in self.reachable:
                for state in self.states.values():
                    if node.closed.ref in state.out:
                        found |= descendants(state.out, node.closed.ref)
        return frozenset(found)

    @cached_property
    def guards(self) -> frozenset[str]:
        """The `closed:` targets of people open around the clock, and every node after them: written
        in case the desk ever closes, never heard (S102 does not call them unreachable)."""
        found: set[str] = set()
        for node in self.menu.nodes.values():
            if node.always_open and node.closed is not None:
                for state in self.states.values():
                    if node.closed.ref in state.out:
                        found |= descendants(state.out, node.closed.ref)
        return frozenset(found)

    @cached_property
    def opening_menus(self) -> frozenset[str]:
        """Menus a call meets first in some state, with no choice made: the line's main menus."""
        return frozenset().union(*(a.opening_menus for a in self.states.values()))

    def fastest_to(self, state: str, goals: Iterable[str]) -> tuple[list[Step] | None, float | None]:
        """Fewest key presses (then seconds) from the entry to any of `goals` in one state, and its seconds."""
        analysis = self.states[state]
        return fastest(analysis.out, self.menu.entry.ref, frozenset(goals), analysis.nodes, self.clock,
                        ROUTING | CHOICE)

    def costs_from_entry(self, state: str) -> dict[str, tuple[int, float]]:
        """Fewest key presses, then seconds, from the entry to every node of one state by choices and
        routing: `fastest_to`'s costs for every goal at once, worked out once per state (a line with
        tasks asks for each task's fastest way)."""
        found = self._costs_from_entry
        if state not in found:
            analysis = self.states[state]
            found[state] = {node_id: (steps, seconds) for steps, seconds, node_id in
                            settled(analysis.out, self.menu.entry.ref, analysis.nodes, self.clock, ROUTING | CHOICE)}
        return found[state]

    @cached_property
    def _costs_from_entry(self) -> dict[str, dict[str, tuple[int, float]]]:
        return {}

    @cached_property
    def shared(self) -> dict[Hashable, Any]:
        """Results the later steps compute once per line and share, under keys of their own (the tree
        test's predictions, read by rule T602 and by the caller metrics): the graph step cannot import
        those steps, and what is kept here lives no longer than this line's analysis."""
        return {}

    def leads_back(self, node_id: str, target: str) -> bool:
        """Whether `target` is a menu the caller reached `node_id` from, in every schedule state that
        reaches `node_id`: a menu nearer the entry with a way into `node_id`. An option of `node_id`
        leading there takes the caller back, whatever it is called ("Back", "Edellinen valikko",
        "Main menu" where the main menu is the one before)."""
        node = self.menu.nodes.get(target)
        heard = [a for a in self.states.values() if node_id in a.reachable]
        return node is not None and node.is_menu and bool(heard) and all(
            a.steps.get(target, 1 << 30) < a.steps.get(node_id, -1)
            and any(source == target for source, _ in a.edges_into(node_id)) for a in heard)

    @cached_property
    def menus(self) -> tuple[Node, ...]:
        """The line's menus in file order (`Menu.menus()`), listed once for the many rules that walk them."""
        return tuple(self.menu.menus())

    def asks_for(self, label: str) -> str | None:
        """The universal function a label asks for (`LabelWords.asks_for`), read once per distinct
        label: several rules ask it of every option, and a line repeats "Advisor" in every menu."""
        found = self._asks_for
        if label not in found:
            found[label] = self.language.label_words.asks_for(label)
        return found[label]

    @cached_property
    def _asks_for(self) -> dict[str, str | None]:
        return {}

    def unread(self, node: Node) -> str | None:
        """The language `node` speaks (`language_of`) when ivrcheck has no words for it (its wording
        is then not judged), else None."""
        code = self.language_of(node)
        return None if reads(code) else code

    def language_of(self, node: Node) -> str:
        """The language `node` is meant to speak: its `language:`, else the one callers chose on
        every way there (the Spanish branch of an English line, behind "Para español"), else the line's.

        A node a call also reaches with no language chosen (a goodbye shared by the main menu and
        the Spanish branch), or in more than one chosen language, speaks the line's own language.
        Kept per node id: rules ask it of a node for every finding on it."""
        if node.language:
            return node.language
        known = self._language_of  # beyond `language:`, the answer depends on the node's id alone
        if node.id not in known:
            known[node.id] = self._chosen_language(node.id)
        return known[node.id]

    @cached_property
    def _language_of(self) -> dict[str, str]:
        return {}

    def _chosen_language(self, node_id: str) -> str:
        states = self.states.values()
        if any(node_id in a.reached_unchosen for a in states):
            return self.menu.language
        chosen = {code for a in states for code in a.language_chosen.get(node_id, {})}
        return chosen.pop() if len(chosen) == 1 else self.menu.language

    def speaks(self, node: Node, text: str | None = None) -> Language:
        """The language to read `node`'s words in, or to write help texts for it in: the language
        `text` (a sentence of its prompt) reads as, else `language_of(node)`."""
        code = detect(text, least=1) or self.language_of(node)
        spoken = load_language(code)
        return self.language if spoken.code == self.language.code or not reads(code) else spoken

    def _leads_nowhere(self, node_id: str) -> bool:
        node = self.menu.nodes[node_id]
        if is_end(node):
            return False
        if node.type is NodeType.MENU:
            return not node.options
        if node.type is NodeType.BRANCH:
            return not node.cases and node.default is None
        return node.next is None

