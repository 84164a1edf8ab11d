"""Which options are a choice of language ("På svenska", "In English", "Para español"), declared or not.

Authors and importers often leave `language:` off a language option; the rules that judge
language choices (L305, L306) and those that must not count them as tasks (S106, L301)
would then miss them. An option whose label, or whose function in the prompt, names one
language and nothing else chooses that language. The names are data: names.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

from ivrcheck.language import data as language_data
from ivrcheck.model import Menu, Node, Option

if TYPE_CHECKING:
    from ivrcheck.language import Language

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _names() -> tuple[Mapping[str, str], frozenset[str], frozenset[str]]:
    """Name -> language code, the words allowed around a name, and every word of a name."""
    data = language_data.read("names.yaml")
    names = {" ".join(_WORD.findall(n.lower())): code for code, spoken in data["languages"].items() for n in spoken}
    return names, frozenset(w.lower() for w in data["around"]), frozenset(w for n in names for w in n.split())


@lru_cache(maxsize=1 << 12)
def chosen_language(text: str | None) -> str | None:
    """The language a label or an offer names and nothing else: "På svenska" -> "sv", "auf Deutsch" -> "de"."""
    if not text:
        return None
    names, around, _ = _names()
    words = [w for w in _WORD.findall(text.lower()) if w not in around]
    return names.get(" ".join(words)) if words else None


def names_language(text: str | None, code: str) -> bool:
    """Whether the text names the language `code` anywhere ("our nurses speak English", "puhuvat
    englantia" is not read: only the names in names.yaml), as a note before a transfer does."""
    if not text:
        return False
    names = [n for n, c in _names()[0].items() if c == code]
    said = " ".join(_WORD.findall(text.lower()))
    return any(re.search(rf"\b{re.escape(n)}\b", said) for n in names)


def _names_a_language(text: str) -> bool:
    """Whether any word of the text is (part of) a language's name: only then are its offers read."""
    return not _names()[2].isdisjoint(_WORD.findall(text.lower()))


def with_choices(menu: Menu, reader: Language) -> Menu:
    """The menu with `language:` on every option that chooses a language by its label or by how the
    prompt offers it (`reader` reads the offers); the same menu when every such option declares it."""
    changed = {node.id: found for node in menu.nodes.values() if (found := _node_with_choices(node, reader))}
    return replace(menu, nodes={**menu.nodes, **changed}) if changed else menu


def _node_with_choices(node: Node, reader: Language) -> Node | None:
    if not node.options or all(o.language for o in node.options):
        return None
    offered = ({o.key: o.function(node.prompt) for o in reader.offers(node.prompt)}
               if node.prompt and _names_a_language(node.prompt) else {})
    options = tuple(_chosen(o, offered.get(o.key)) for o in node.options)
    return replace(node, options=options) if options != node.options else None


def _chosen(option: Option, function: str | None) -> Option:
    if option.language or not option.is_dtmf:
        return option
    # A label names the option; the prompt is read only for an option without one.
    code = chosen_language(option.label) if option.label else chosen_language(function)
    return replace(option, language=code) if code else option
