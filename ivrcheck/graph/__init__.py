"""Graph step: the model as a networkx graph, analysed once per schedule state."""

from __future__ import annotations

from ivrcheck.graph.analysis import Analysis, analyse_read
from ivrcheck.graph.build import CLOSED, OPEN, build_graph
from ivrcheck.graph.clock import Clock
from ivrcheck.graph.line import LineAnalysis
from ivrcheck.graph.metrics import metrics
from ivrcheck.graph.walks import adjacencies
from ivrcheck.language import Language, detect, load_language, reads
from ivrcheck.model import Menu

__all__ = ["Analysis", "CLOSED", "LineAnalysis", "OPEN", "analyse", "metrics"]


def analyse(menu: Menu, language: Language | None = None) -> LineAnalysis:
    """Build the graph and analyse each schedule state the phone line has."""
    # A line that serves several languages offers keys in each: "På svenska, tryck 9", also in
    # menus whose language nobody declared but whose prompt reads as one ivrcheck knows.
    spoken = {found for node in menu.menus() if (found := detect(node.prompt))}
    language = (language or load_language(menu.language)).also_reading(menu.languages() | spoken)
    graph = build_graph(menu)
    states = (OPEN, CLOSED) if menu.has_hours else (OPEN,)
    # The states share the nodes, the lists of edges every state has, and the clock (each prompt timed once).
    nodes = dict(graph.nodes(data="node"))
    clock = Clock(language, reads(menu.language))
    analyses = {state: analyse_read(menu, state, nodes, out, into, clock)
                for state, (out, into) in adjacencies(graph, states).items()}
    if CLOSED in analyses:
        analyses[CLOSED].errand_tree = analyses[OPEN].entry_tree
    line = LineAnalysis(menu, analyses, language, clock)
    # Every fact is read off by now. networkx caches views on the graph that refer back to it,
    # a cycle only the collector frees; emptying the graph leaves that cycle nearly weightless.
    graph.clear()
    return line
