"""Graph step: the model as a networkx graph, analysed once per schedule state."""

from __future__ import annotations

from ivrcheck.graph.analysis import Analysis, analyse_state
from ivrcheck.graph.build import CLOSED, OPEN, build_graph
from ivrcheck.graph.line import LineAnalysis
from ivrcheck.graph.metrics import metrics
from ivrcheck.language import Language, load_language
from ivrcheck.model import Menu

__all__ = ["Analysis", "CLOSED", "LineAnalysis", "OPEN", "analyse", "metrics"]


def analyse(menu: Menu, language: Language | None = None) -> LineAnalysis:
    """Build the graph and analyse each schedule state the phone line has."""
    # A line that serves several languages offers keys in each: "På svenska, tryck 9".
    language = (language or load_language(menu.language)).also_reading(menu.languages())
    graph = build_graph(menu)
    states = (OPEN, CLOSED) if menu.has_hours else (OPEN,)
    line = LineAnalysis(menu, {state: analyse_state(menu, graph, state, language) for state in states}, language)
    # Every fact is read off by now. networkx caches views on the graph that refer back to it,
    # a cycle only the collector frees; emptying the graph leaves that cycle nearly weightless.
    graph.clear()
    return line
