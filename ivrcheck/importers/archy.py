"""Reading Archy YAML: composed nodes with positions, Archy values (`lit`, `exp`, `var`, `noValue`) and refs.

Template placeholders (`tts: {{greeting}}`, as CX as Code and Terraform templates leave them)
make a file invalid YAML or change what it means (`{{x}}` is a nested flow mapping). They
are swapped for same-length plain tokens before parsing, so every position stays true,
and swapped back in every string read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ivrcheck.findings import Span
from ivrcheck.importers.jsondoc import PLACEHOLDER
from ivrcheck.load.source import span_of
from ivrcheck.numbers import NotANumber, number_or_none, read_number

#: `digit_1` ... `digit_9`, `digit_0`, `digit_star`, `digit_pound` -> the key.
DIGITS = {**{f"digit_{d}": d for d in "0123456789"}, "digit_star": "*", "digit_pound": "#",
          "digit_hash": "#", "star": "*", "pound": "#"}
_TTS = re.compile(r'ToAudioTTS\(\s*"((?:[^"\\]|\\.)*)"')
#: `kind[name]` at the end of a reference; searched only after the last `]` but one (see `ref_name`), from word starts.
_REF = re.compile(r"(?<!\w)(\w++)\[([^\]]*+)\]\s*+$")


@dataclass
class Doc:
    """Archy YAML composed with marks, with placeholders masked."""

    root: yaml.Node
    originals: dict[str, str] = field(default_factory=dict)
    #: Literals read as numbers that are none (`lit: .inf`, `ms: ²`): where, and why; F019 each.
    bad_numbers: list[tuple[Span, str]] = field(default_factory=list)

    def text(self, node: yaml.Node | None) -> str | None:
        """A scalar's text with placeholders restored (None for collections, null and missing)."""
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            return None
        return self.restore(node.value)

    def restore(self, value: str) -> str:
        for token, original in self.originals.items():
            if token in value:
                value = value.replace(token, original)
        return value


def mask(text: str) -> tuple[str, dict[str, str]]:
    """Replace each placeholder with a unique plain token of the same length."""
    originals: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        n = len(originals)
        token = f"ZQ{_base36(n)}".ljust(len(match.group(0)), "_")
        if len(token) > len(match.group(0)):
            return match.group(0)
        originals[token] = match.group(0)
        return token

    return PLACEHOLDER.sub(swap, text), originals


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value under `key` in a mapping node (the first, as Archy writes one)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def items(node: yaml.Node | None) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) of a mapping; empty for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k.value, k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def seq(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def single(node: yaml.Node) -> tuple[str, yaml.Node, yaml.Node] | None:
    """A list item of the form `- kind: {...}`: its kind, key node and body."""
    pairs = items(node)
    return pairs[0] if len(pairs) == 1 else None


def span(node: yaml.Node | None, fallback: Span = Span(1, 1)) -> Span:
    return span_of(node) if node is not None else fallback


def yes_no(key: str) -> str | None:
    """Decision outputs: `yes:`/`no:` (YAML 1.1 booleans to most tools), or `true:`/`false:` after a round trip."""
    lowered = key.strip().lower()
    return {"yes": "yes", "y": "yes", "true": "yes", "on": "yes",
            "no": "no", "n": "no", "false": "no", "off": "no"}.get(lowered)


@dataclass(frozen=True)
class Value:
    """An Archy value: a literal, an expression, a variable, or nothing."""

    kind: str  # "lit", "exp", "var", "none"
    text: str | None = None

    @property
    def static(self) -> bool:
        return self.kind == "lit"


def value(doc: Doc, node: yaml.Node | None) -> Value:
    """Read `{lit: ...}` (also `{lit: {name: ...}}`), `{exp: ...}`, `{var: ...}`, `{noValue: true}` or a bare scalar."""
    if node is None:
        return Value("none")
    if isinstance(node, yaml.ScalarNode):
        text = doc.text(node)
        return Value("lit", text) if text is not None else Value("none")
    for kind in ("lit", "exp", "var"):
        inner = get(node, kind)
        if inner is None:
            continue
        if isinstance(inner, yaml.MappingNode):
            if get(inner, "ms") is not None:
                ms = doc.text(get(inner, "ms"))
                seconds = number_or_none(ms, low=0)
                return Value(kind, str(seconds / 1000) if seconds is not None else ms)
            return Value(kind, doc.text(get(inner, "name") or get(inner, "seconds")))
        return Value(kind, doc.text(inner))
    return Value("none")


def number(doc: Doc, node: yaml.Node | None) -> float | None:
    """A literal number (`lit: 3`, `lit: {seconds: 5}`), or None when not a static number."""
    read = value(doc, node)
    if read.kind != "lit" or read.text is None or PLACEHOLDER.fullmatch(read.text.strip()):
        return None
    try:
        return float(read_number(read.text, low=0))
    except NotANumber as exc:
        doc.bad_numbers.append((span_of(_literal(node)), f"the literal {exc}"))
        return None


def _literal(node: yaml.Node | None) -> yaml.Node:
    """The scalar a literal's text was read from: `5` in `lit: 5` or in `lit: {ms: 5}`."""
    inner = get(node, "lit") if isinstance(node, yaml.MappingNode) else node
    if isinstance(inner, yaml.MappingNode):
        inner = next((get(inner, k) for k in ("ms", "seconds", "name") if get(inner, k) is not None), inner)
    assert inner is not None  # a literal was read from it
    return inner


def audio(doc: Doc, node: yaml.Node | None) -> tuple[str | None, str | None]:
    """An `audio:` block -> (text a caller hears, or None; what it is when the text is unknown)."""
    if node is None:
        return None, None
    tts = get(node, "tts")
    if tts is not None:
        text = doc.text(tts)
        if text is None or PLACEHOLDER.fullmatch(text.strip()):
            return None, f"a template placeholder ({text})" if text else "empty"
        return text, None
    exp = doc.text(get(node, "exp"))
    if exp is not None:
        spoken = [s.replace('\\"', '"') for s in _TTS.findall(exp)]
        if spoken and not any(PLACEHOLDER.search(s) for s in spoken):
            return " ".join(spoken), None
        return None, "an expression"
    prompt = doc.text(get(node, "prompt"))
    if prompt is not None:
        return None, f"a recording ({prompt})"
    return None, None


def ref_name(ref: str) -> tuple[str | None, str]:
    """`/inboundCall/tasks/task[Startup_42]` -> ("task", "Startup_42"); a bare name -> (None, name)."""
    ref = ref.strip()
    # Only a `[` after the last `]` but one can close at the end; searching from each earlier word
    # rescanned the rest of the reference every time.
    match = _REF.search(ref, ref.rfind("]", 0, len(ref) - 1) + 1) if ref.endswith("]") else None
    if match:
        return match.group(1), match.group(2)
    return None, ref.strip().rsplit("/", 1)[-1]


def switch_parts(body: yaml.Node | None) -> tuple[list[yaml.Node], yaml.Node | None]:
    """A `switch`'s cases and its default output: under `evaluate: firstTrue:` as Architect exports
    them, or directly under the action (`cases:`, `outputs: default:`) as older files write them."""
    first = get(get(body, "evaluate"), "firstTrue")
    first = first if isinstance(first, yaml.MappingNode) else None
    cases = seq(get(body, "cases")) or seq(get(first, "cases"))
    default = get(get(body, "outputs"), "default") or get(first, "default")
    return cases, default
