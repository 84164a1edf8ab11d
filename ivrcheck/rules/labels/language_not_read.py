"""Prompts and labels in a language ivrcheck has no words for, and so did not judge.

## What it checks
Every reachable node with a prompt or labelled options whose language (its own
`language:`, else the language callers chose on the way there, such as German behind an
option labelled "Auf Deutsch", else the line's) has no word lists in ivrcheck (docs/languages.md lists
English, Finnish, Swedish and Spanish). One finding per file names those nodes and the
language. The rules that judge words (P401 to P407, L301 to L306, T602, H209) stay quiet
on them: read with English words, "Für Rechnungen, drücken Sie 1" offers nothing, and
every option would be "never announced". Options that switch to such a language
(`language: de` on the option) are not reported as unannounced either.

Not reported: nodes in a language ivrcheck reads, nodes without words (transfers,
hang-ups), and a language code with a region (`es-MX`) whose base language is read.

## Why it matters
A finding on words ivrcheck cannot read is a guess, and false alarms teach designers to
stop reading findings. Saying which prompts were not checked keeps the gap visible: the
structure, the way to a person and the timeouts are still checked; the wording needs a
reviewer who speaks the language, or a language file (docs/languages.md, "Adding a
language").

## Example
```yaml
language: de
entry: main
nodes:
  main:
    prompt: Für Rechnungen, drücken Sie 1. Für einen Mitarbeiter, drücken Sie 0.
    options:
      "1": {label: Rechnungen, goto: billing}
      "0": {label: Mitarbeiter, goto: advisor}
  billing: {type: self_service, next: advisor}
  advisor: {type: agent}
```

## Use instead
```yaml
language: es
entry: main
nodes:
  main:
    prompt: Para facturas, pulse 1. Para hablar con un agente, pulse 0.
    options:
      "1": {label: Facturas, goto: billing}
      "0": {label: Hablar con un agente, goto: advisor}
  billing: {type: self_service, next: advisor}
  advisor: {type: agent}
```

## Settings
None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ivrcheck.findings import Problem, Severity
from ivrcheck.language import name_of
from ivrcheck.model import Menu, Node
from ivrcheck.rules.base import Settings, quote

if TYPE_CHECKING:
    from ivrcheck.graph import LineAnalysis

CODE = "L307"
NAME = "language-not-read"
SEVERITY = Severity.INFO
SETTINGS: dict[str, object] = {}
PART = "wording"
#: Its own findings are about unread nodes: it must not be silenced by them.
READS_WORDS = False

_SHOWN = 5


def check(menu: Menu, line: LineAnalysis, settings: Settings) -> Iterator[Problem]:
    by_file: dict[str | None, list[tuple[Node, str]]] = {}
    for node in menu.nodes.values():
        code = line.unread(node)
        if code and node.id in line.reachable and _has_words(node):
            by_file.setdefault(node.source, []).append((node, code))
    for nodes in by_file.values():
        languages = sorted({code for _, code in nodes})
        named = ", ".join(quote(n.id) for n, _ in nodes[:_SHOWN]) + (
            f" and {len(nodes) - _SHOWN} more" if len(nodes) > _SHOWN else "")
        spoken = " and ".join(name_of(code) for code in languages)
        first = nodes[0][0]
        yield Problem(
            first.span, first.id,
            f"the words of {len(nodes)} node{'s' if len(nodes) > 1 else ''} ({named}) are in {spoken}, which "
            "ivrcheck has no word lists for: their prompts and labels were not checked (P401-P407, L301-L306, "
            "T602, H209); structure, people and timeouts were",
            "have someone who speaks the language review the wording, or add the language "
            "(docs/languages.md, \"Adding a language\")",
        )


def _has_words(node: Node) -> bool:
    return bool(node.prompt) or any(o.label for o in node.options)
