"""VoiceXML pieces the importer reads: prompt text (with `<enumerate>` spelt out), durations,
`<filled>` conditions on a field's value, and DTMF grammars."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ivrcheck.importers.xml_source import local, text_of
from ivrcheck.numbers import number_or_none

_COND = re.compile(r"""^\s*(?P<name>[\w.$]+)\s*==\s*(?:(?P<q>['"])(?P<value>[^'"]*)(?P=q)|(?P<number>[\w*#]+))\s*$""")


def prompt_text(element: ET.Element, choices: list[tuple[str, str]] = ()) -> tuple[str, list[str]]:
    """The words an element's `<prompt>`s say, and the sound files they play.

    `choices` are (key, text) for `<enumerate>`: a template (`For <value expr="_prompt"/>,
    press <value expr="_dtmf"/>`) is filled in per choice; an empty one lists the choices' text.
    """
    words: list[str] = []
    sounds: list[str] = []
    for prompt in (p for p in element if local(p.tag) == "prompt"):
        words.append(_speak(prompt, choices, sounds))
    if local(element.tag) == "block":  # text written straight into a block is an implicit prompt
        words.append(element.text or "")
        words.extend(_speak(c, choices, sounds) + (c.tail or "") if local(c.tag) == "audio" else c.tail or ""
                     for c in element)
    return " ".join(" ".join(words).split()), sounds


def _speak(element: ET.Element, choices, sounds: list[str]) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local(child.tag)
        if name == "enumerate":
            parts.append(" " + _enumerate(child, choices) + " ")
        elif name == "audio":
            if child.get("src"):
                sounds.append(child.get("src", ""))
            parts.append(_speak(child, choices, sounds))  # the text inside is what plays if the file cannot
        elif name in ("value", "mark", "break"):
            pass
        else:
            parts.append(_speak(child, choices, sounds))
        parts.append(child.tail or "")
    return "".join(parts)


def _enumerate(element: ET.Element, choices) -> str:
    if not len(element) and not (element.text or "").strip():
        return " ".join(f"{text}." for _, text in choices if text)
    said = []
    for key, text in choices:
        parts = [element.text or ""]
        for child in element:
            expr = child.get("expr", "") if local(child.tag) == "value" else ""
            parts.append(text if expr == "_prompt" else key if expr == "_dtmf" else text_of(child))
            parts.append(child.tail or "")
        said.append("".join(parts))
    return " ".join(said)


def seconds(value: str | None) -> float | None:
    """`5s`, `3000ms` -> seconds; None when absent or unreadable."""
    # possessive: blanks tried once; ASCII digits only, read by the one number reader
    match = re.fullmatch(r"\s*+([0-9]++(?:\.[0-9]++)?)\s*+(ms|s)?\s*+", value or "")
    number = number_or_none(match.group(1), low=0) if match else None
    if match is None or number is None:
        return None
    return number / 1000 if match.group(2) == "ms" else number


def condition_value(cond: str, field: str) -> list[str] | None:
    """The values a `<filled>` condition compares `field` with (`choice == '1' || choice == '2'`), or None."""
    values = []
    for part in re.split(r"\|\||\bor\b", cond):
        match = _COND.match(part)
        if match is None or match.group("name").split(".")[-1] != field:
            return None
        values.append(match.group("value") if match.group("value") is not None else match.group("number"))
    return values or None


def grammar_items(field: ET.Element) -> tuple[list[tuple[str, str]], int | None, bool]:
    """(item text, value it sets) of inline grammars, the digit count of a builtin digits grammar,
    and whether any grammar was found at all."""
    items: list[tuple[str, str]] = []
    length: int | None = None
    found = False
    kind = (field.get("type") or "").lower()
    if kind:
        found = True
        length = _length(kind)
    for grammar in (g for g in field.iter() if local(g.tag) == "grammar"):
        found = True
        src = grammar.get("src") or ""
        if src.startswith("builtin:"):
            length = _length(src)
            continue
        items.extend(_gsl_items(text_of(grammar)))
        for item in (i for i in grammar.iter() if local(i.tag) == "item"):
            if any(local(c.tag) == "item" or local(c.tag) == "one-of" for c in item):
                continue
            said = " ".join((item.text or "").split())
            tag = next((c for c in item if local(c.tag) == "tag"), None)
            value = _tag_value(tag) if tag is not None else said
            if said:
                items.append((said, value))
    return items, length, found


#: A Nuance GSL alternative: `[dtmf-1 sales]`, then an optional `{<slot "value">}` or `{return(x)}`.
#: Bracket groups are found first and searched for a `dtmf-N` token after, so a long grammar is read
#: in one pass.
_GSL_GROUP = re.compile(r"\[([^\[\]]*)\]\s*(\{[^{}]*\})?")
_GSL_KEY = re.compile(r"(?<![\w-])dtmf-([0-9*#]|star|pound)(?![\w-])", re.IGNORECASE)
_GSL_SLOT = re.compile(r"""<\s*\w+\s+["']?([^"'<>]+?)["']?\s*>|return\(\s*["']?([^"'()]+)""")


def _gsl_items(text: str) -> list[tuple[str, str]]:
    """(key or word, value) of an inline GSL grammar's alternatives that hold a `dtmf-N` token."""
    found: list[tuple[str, str]] = []
    for group in _GSL_GROUP.finditer(text):
        token = _GSL_KEY.search(group.group(1))
        if token is None:
            continue
        key = {"star": "*", "pound": "#"}.get(token.group(1).lower(), token.group(1))
        words = [" ".join(w.strip("()").split()) for w in re.findall(r"\([^()]*\)|\S+", group.group(1))
                 if not _GSL_KEY.fullmatch(w)]
        slot = _GSL_SLOT.search(group.group(2) or "")
        value = (slot.group(1) or slot.group(2)).strip() if slot else (words[0] if words else key)
        found.append((key, value))
        found.extend((word, value) for word in words)
    return found


def _tag_value(tag: ET.Element) -> str:
    text = text_of(tag)
    match = re.search(r"""(?:out\s*=\s*)?['"]([^'"]*)['"]""", text)
    return match.group(1) if match else text.strip(" ;")


def _length(spec: str) -> int | None:
    match = re.search(r"(?<!min)(?<!max)length=(\w+)", spec)
    if match:
        return _digits(match.group(1))
    low, high = re.search(r"minlength=(\w+)", spec), re.search(r"maxlength=(\w+)", spec)
    if low and high and low.group(1) == high.group(1):
        return _digits(low.group(1))
    return None


def _digits(text: str) -> int | None:
    """A digit count of a builtin grammar, through the one number reader; None when it is none."""
    found = number_or_none(text, whole=True, low=1, high=1000)
    return int(found) if found is not None else None


__all__ = ["condition_value", "grammar_items", "prompt_text", "seconds"]
