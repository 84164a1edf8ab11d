"""The one place that makes menu text inert in DOT, Mermaid and HTML.

Node ids never reach diagram source: both formats get generated ids (`n0`, `n1`, ...), and
ids, labels, prompts, tooltips, links and titles travel only through these functions.
Control characters are dropped first everywhere: Graphviz rejects some, and SVG (XML 1.0)
cannot hold them at all.
"""

from __future__ import annotations

import html
import re

# Mermaid reads `#name;` / `#123;` as an entity inside quoted labels, so `#` itself must be
# an entity, and every character with a meaning in flowchart syntax is replaced.
_MERMAID = {"#": "#35;", '"': "#quot;", "&": "#38;", "<": "#lt;", ">": "#gt;", "[": "#91;", "]": "#93;",
            "{": "#123;", "}": "#125;", "(": "#40;", ")": "#41;", "|": "#124;", "\\": "#92;", "`": "#96;",
            ";": "#59;", "%": "#37;", "=": "#61;"}
#: The same as a table for str.translate, which maps a 600 kB label in C rather than a letter at a time.
_MERMAID_TABLE = str.maketrans(_MERMAID)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def clean(text: str) -> str:
    """Text with line ends as `\\n`, tabs as spaces and every other control character removed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def html_text(text: str) -> str:
    """Text for an HTML page or a Graphviz HTML-like label: markup characters become entities."""
    return html.escape(clean(text), quote=True).replace("\n", "<br/>")


def dot_html(text: str) -> str:
    """Text inside a Graphviz HTML-like label (`<...>`); newlines become line breaks."""
    escaped = html.escape(clean(text), quote=True).replace("]", "&#93;").replace("[", "&#91;")
    return escaped.replace("\n", '<br align="left"/>')


def dot_attr(text: str) -> str:
    """A value for an attribute inside a Graphviz HTML-like label (TOOLTIP, HREF), quotes included.

    Graphviz reads these as escape strings too, so a backslash is doubled and newlines are `\\n`.
    """
    value = html.escape(clean(text).replace("\\", "\\\\"), quote=True).replace("\n", "\\n")
    return f'"{value}"'


def dot_string(text: str) -> str:
    """A double-quoted DOT string (for attributes such as tooltips and links)."""
    body = clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def mermaid(text: str) -> str:
    """Text inside a double-quoted Mermaid label; newlines become `<br/>`."""
    return clean(text).translate(_MERMAID_TABLE).replace("\n", "<br/>")
