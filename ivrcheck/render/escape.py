"""The one place that makes menu text inert in DOT, Mermaid and HTML.

Node ids never reach diagram source: both formats get generated ids (`n0`, `n1`, ...), and
ids, labels and prompts travel only as escaped label text.
"""

from __future__ import annotations

import html

# Mermaid reads `#name;` / `#123;` as an entity inside quoted labels, so `#` itself must be
# an entity, and every character with a meaning in flowchart syntax is replaced.
_MERMAID = {"#": "#35;", '"': "#quot;", "&": "#38;", "<": "#lt;", ">": "#gt;", "[": "#91;", "]": "#93;",
            "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;", "|": "#124;", "\\": "#92;", "`": "#96;",
            ";": "#59;", "%": "#37;"}


def html_text(text: str) -> str:
    """Text for an HTML page or a Graphviz HTML-like label: markup characters become entities."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def dot_html(text: str) -> str:
    """Text inside a Graphviz HTML-like label (`<...>`); newlines become line breaks."""
    escaped = html.escape(text, quote=True).replace("]", "&#93;").replace("[", "&#91;")
    return escaped.replace("\r\n", "\n").replace("\n", '<br align="left"/>')


def dot_string(text: str) -> str:
    """A double-quoted DOT string (for attributes such as tooltips)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "") + '"'


def mermaid(text: str) -> str:
    """Text inside a double-quoted Mermaid label; newlines become `<br/>`."""
    out = "".join(_MERMAID.get(ch, ch) for ch in text.replace("\r\n", "\n"))
    return out.replace("\n", "<br/>")
