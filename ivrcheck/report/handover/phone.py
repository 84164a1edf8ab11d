"""The data the report's phone walks: each state's ways out of every node, with the caller's seconds.

The seconds come from the same timing model as the metrics (`graph.clock.edge_seconds`),
computed here once, so the phone in the browser only adds them up.
"""

from __future__ import annotations

import math
from typing import Any

from ivrcheck.findings import Finding
from ivrcheck.graph import LineAnalysis
from ivrcheck.graph.clock import edge_seconds
from ivrcheck.graph.build import CHOICE
from ivrcheck.model import Menu, NodeType

#: Speech synthesis voices by the menu's language; a code with a region is used as written.
VOICES = {"en": "en-GB", "fi": "fi-FI", "sv": "sv-SE", "de": "de-DE", "fr": "fr-FR", "es": "es-ES",
          "nb": "nb-NO", "da": "da-DK", "nl": "nl-NL", "it": "it-IT", "pt": "pt-PT"}


def voice(language: str) -> str:
    """The BCP 47 tag to speak a prompt in: `en` -> `en-GB`, `sv-FI` stays `sv-FI`."""
    code = language.replace("_", "-")
    return code if "-" in code else VOICES.get(code.lower(), code)


def phone_data(menu: Menu, line: LineAnalysis, findings: tuple[Finding, ...],
               svg_ids: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Everything the phone script reads for one line, as JSON-ready values.

    `svg_ids` maps state -> node id -> the id of the node's drawing in that state's diagram.
    """
    nodes: dict[str, Any] = {}
    for node_id, node in _all_nodes(line).items():
        entry: dict[str, Any] = {"type": node.type.value if node else "external"}
        if node is not None:
            if node.prompt:
                entry["prompt"] = " ".join(node.prompt.split())
            if node.is_interactive:
                entry["retries"] = node.retries or 1
                entry["wait"] = _finite(edge_seconds(node, {"kind": "timeout"}, line.clock))
                entry["wrong"] = _finite(edge_seconds(node, {"kind": "invalid"}, line.clock))
            if node.type is NodeType.INPUT:
                entry["digits"] = node.digits or 1
            if node.queue:
                entry["queue"] = node.queue
            if node.type is NodeType.TRANSFER:
                entry["human"] = bool(node.human)
        mine = [f for f in findings if f.node_id == node_id]
        if mine:
            entry["findings"] = [{"code": f.code, "severity": f.severity.value, "message": f.message,
                                  "state": f.state} for f in mine]
        nodes[node_id] = entry
    states = {}
    for state, analysis in line.states.items():
        edges: dict[str, list[dict[str, Any]]] = {}
        for source, outgoing in analysis.out.items():
            node = analysis.nodes.get(source)
            edges[source] = [_edge(target, attrs, line.clock.edge(node, attrs)) for target, attrs in outgoing]
        states[state] = {"edges": edges, "humans": sorted(analysis.human_like), "svg": svg_ids.get(state, {})}
    return {"name": menu.name, "entry": menu.entry.ref, "voice": voice(menu.language), "nodes": nodes,
            "states": states}


def _finite(seconds: float) -> float:
    return seconds if math.isfinite(seconds) else 0.0


def _all_nodes(line: LineAnalysis) -> dict[str, Any]:
    """Every node any state knows, in file order (a node of another file appears as None)."""
    found: dict[str, Any] = {}
    for analysis in line.states.values():
        for node_id, node in analysis.nodes.items():
            found.setdefault(node_id, node)
    return found


def _edge(target: str, attrs: dict[str, Any], seconds: float) -> dict[str, Any]:
    edge: dict[str, Any] = {"kind": attrs["kind"], "to": target, "seconds": _finite(seconds)}
    if attrs["kind"] in CHOICE:
        edge["key"] = attrs.get("press")
        if attrs.get("label"):
            edge["label"] = attrs["label"]
        option = attrs.get("option")
        if option is not None and option.digits:
            edge["digits"] = option.digits
    if attrs["kind"] == "case":
        edge["case"] = str(attrs.get("case"))
        edge["state"] = attrs.get("state")
    ref = getattr(attrs.get("target"), "ref", None)
    if ref == "back":
        edge["back"] = True
    return edge
