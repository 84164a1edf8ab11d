"""A Graphviz SVG made fit to sit inside an HTML page: inert, with unique ids, its nodes known by id.

The SVG is parsed and written out again rather than pasted: whatever a label held is
already text in the XML tree, the serializer escapes it for HTML as well, and anything that
could run or fetch (scripts, event attributes, foreign objects, images, outside links) is
dropped on the way, so the page's Content-Security-Policy never has to refuse it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterable, NamedTuple

from ivrcheck.fileio import text as as_text

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: What a Graphviz drawing is made of; any other element is dropped with its content.
ALLOWED = frozenset({"svg", "g", "title", "desc", "polygon", "path", "ellipse", "circle", "polyline", "line",
                     "rect", "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop"})
_URL_REF = re.compile(r"url\(#([^)]+)\)")

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


class InlineSvg(NamedTuple):
    """SVG markup for an HTML body, its nodes' element ids, and its natural size in CSS pixels."""

    markup: str
    nodes: dict[str, str]
    width: float | None
    height: float | None


class SvgError(ValueError):
    """The SVG could not be read (a bug in the renderer, reported as a missing diagram)."""


def inline(svg: bytes | str, prefix: str, node_ids: Iterable[str]) -> InlineSvg:
    """The SVG as markup for an HTML body, and node id -> the element id of that node's drawing.

    Every id gets `prefix`, so several diagrams can share one page. A node's drawing is found
    by its tooltip, which names the node first (`main`, or `main (menu)` and more lines).
    """
    text = as_text(svg)
    try:
        # Graphviz writes a DOCTYPE with no internal subset and no entities, so nothing expands.
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise SvgError(f"the diagram is not valid SVG: {exc}") from None
    if _local(root.tag) != "svg":
        raise SvgError("the diagram is not an SVG document")
    _clean(root)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if name == "id":
                element.set(name, prefix + value)
            elif name in ("href", f"{{{XLINK_NS}}}href") and value.startswith("#") and value[1:] in ids:
                element.set(name, f"#{prefix}{value[1:]}")
            elif "url(#" in value:
                element.set(name, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value))
    known = sorted(set(node_ids), key=len, reverse=True)
    drawn: dict[str, str] = {}
    for element in root.iter():
        element_id = element.get("id", "")
        # A box is `node-nN`; a node drawn inside another's row (a leaf, a follow-up step) is the
        # row's link group `a_node-nN`.
        if not element_id.startswith((prefix + "node-", prefix + "a_node-")):
            continue
        node_id = _named(_tooltip(element), known)
        if node_id is not None and node_id not in drawn:
            drawn[node_id] = element_id
            element.set("data-node", node_id)
            element.set("class", f"{element.get('class', '')} ivr-node".strip())
    root.set("class", "diagram-svg")
    root.set("role", "img")
    return InlineSvg(ET.tostring(root, encoding="unicode"), drawn, _pixels(root.get("width", "")),
                     _pixels(root.get("height", "")))


def _pixels(length: str) -> float | None:
    """A CSS length in pixels (Graphviz writes points: 1 pt = 4/3 px)."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px)?\s*", length)
    if not match:
        return None
    try:
        value = float(match.group(1))
    except ValueError:
        return None
    return value * 4 / 3 if match.group(2) == "pt" else value


def _clean(element: ET.Element) -> None:
    """Drop what could run code or fetch anything; keep the drawing."""
    for child in list(element):
        if not isinstance(child.tag, str) or _local(child.tag) not in ALLOWED or not child.tag.startswith(f"{{{SVG_NS}}}"):
            element.remove(child)
        else:
            _clean(child)
    for name, value in list(element.attrib.items()):
        local = _local(name).lower()
        outside = local == "href" and not (value.startswith("#") or value.lower().startswith(("https://", "http://")))
        if local.startswith("on") or local == "style" or outside:
            del element.attrib[name]


def _tooltip(element: ET.Element) -> str:
    for candidate in element.iter():
        title = candidate.get(f"{{{XLINK_NS}}}title") or candidate.get("title")
        if title:
            return title
    return ""


def _named(tooltip: str, known: list[str]) -> str | None:
    """The node a tooltip is about: its first line is the node id, alone or followed by ` (kind)`."""
    first = tooltip.split("\n", 1)[0].rstrip("\r")
    if not first:
        return None
    for node_id in known:  # longest first, so "card" does not claim "card (menu)" of "card_lost"
        if first == node_id or first.startswith(node_id + " ("):
            return node_id
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
