"""Graph step: the model as a networkx graph, analysed once per schedule state."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx

from ivrcheck.graph.analysis import Analysis, analyse_state, is_end
from ivrcheck.graph.build import CLOSED, OPEN, build_graph, state_view
from ivrcheck.language import Language, load_language
from ivrcheck.model import Menu, NodeType

__all__ = ["Flows", "analyse", "OPEN", "CLOSED", "Analysis"]


@dataclass
class Flows:
    """Every state's analysis of one phone line; rules and the score read only this."""

    menu: Menu
    graph: nx.MultiDiGraph
    states: dict[str, Analysis]
    language: Language

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
    def unreachable(self) -> list[str]:
        return [n for n in self.menu.nodes if n not in self.reachable]

    @cached_property
    def dead_ends(self) -> list[str]:
        """Reachable nodes that neither end the call nor lead anywhere."""
        return [n for n in self.menu.nodes if n in self.reachable and self._leads_nowhere(n)]

    def _leads_nowhere(self, node_id: str) -> bool:
        node = self.menu.nodes[node_id]
        if is_end(node):
            return False
        if node.type is NodeType.MENU:
            return not node.options
        if node.type is NodeType.BRANCH:
            return not node.cases and node.default is None
        return node.next is None

    def metrics(self) -> dict[str, Any]:
        """The per-file metrics of SPEC §2, in the open state, plus the closed state's human access."""
        from ivrcheck.graph.metrics import metrics

        return metrics(self)


def analyse(menu: Menu, language: Language | None = None) -> Flows:
    """Build the graph and analyse each schedule state the phone line has."""
    language = language or load_language(menu.language)
    graph = build_graph(menu)
    states = (OPEN, CLOSED) if menu.has_hours else (OPEN,)
    analyses = {state: analyse_state(menu, graph, graph if len(states) == 1 else state_view(graph, state), state, language)
                for state in states}
    return Flows(menu, graph, analyses, language)
