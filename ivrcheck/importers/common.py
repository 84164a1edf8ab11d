"""What several importers share: building the model with positions, opaque steps, ids, text and F findings."""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterable
from typing import Protocol

from ivrcheck.didyoumean import suggest
from ivrcheck.findings import Finding, Span
from ivrcheck.importers.jsondoc import PLACEHOLDER, JsonDoc, JsonError, Shape, conform, get, parse
from ivrcheck.load.codes import load_finding
from ivrcheck.model import DTMF_KEYS, Menu, Node, NodeType, Option, Target
from ivrcheck.numbers import number_or_none

#: Rules that read a prompt's words; silenced on a node whose prompt is a recording or an expression.
PROMPT_RULES = frozenset({"P401", "P402", "P403", "P404", "P405", "P406"})
#: The id of the hang-up node made for routes a platform ends the call on (an unconnected branch).
END = "end_call"

_SLUG = re.compile(r"[^\w-]+")
_SSML_TAG = re.compile(r"<[^>]+>")
#: Words that name a team answering a number (`Support desk`, `sales_team`); the language's own person
#: words (its `human` synonym group: operator, agent, advisor, reception...) name a person.
_TEAM = re.compile(r"\b(team|desk|helpdesk|queue|department|switchboard|staff)\b", re.IGNORECASE)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


class Flow:
    """One import under way: the nodes made so far, their ids, and the findings. The one builder
    every importer fills (nodeset.NodeSet adds what the dialplan and XML formats need: ids kept as
    written, schedules, recorded prompts)."""

    def __init__(self, display: str, title: str = "") -> None:
        self.display = display
        self.title = title
        self.nodes: dict[str, Node] = {}
        self.findings: list[Finding] = []
        self._taken: set[str] = set()
        #: base -> the first `n` that `claim` may still find free for `base_n` (ids are never given back).
        self._numbered: dict[str, int] = {}

    # ids ---------------------------------------------------------------------------------
    def claim(self, wanted: str, fallback: str = "step") -> str:
        """A new node id made from `wanted` (a name or platform id), unique in this import."""
        base = slug(wanted) or fallback
        candidate, n = base, self._numbered.get(base, 2)
        # The search goes on from the last number given for this base, not from 2: hundreds of steps
        # named alike made it quadratic (issue 23). No id is freed, so the number found is the same.
        while candidate in self._taken:
            candidate, n = f"{base}_{n}", n + 1
        if candidate != base:
            self._numbered[base] = n
        self._taken.add(candidate)
        return candidate

    def add(self, node: Node) -> Target:
        """Add a node (its id must be new) and return a target pointing at it."""
        self._taken.add(node.id)
        self.nodes[node.id] = node
        return Target(node.id, node.span)

    def end_call(self, span: Span) -> Target:
        """A target for a route the platform ends the call on (one shared hang-up node)."""
        if END not in self.nodes:
            self.add(make(END, NodeType.HANGUP, span))
        return Target(END, span)

    def prune(self, entry: Target, dropped: list[str]) -> None:
        """Remove the nodes only routes the model cannot hold reach (a queue transfer's failure exits)."""
        def reach(starts: list[str]) -> set[str]:
            seen: set[str] = set()
            queue = [r for r in starts if r in self.nodes]
            while queue:
                node_id = queue.pop()
                if node_id not in seen:
                    seen.add(node_id)
                    queue += [t.ref for t in self.nodes[node_id].targets() if t.ref in self.nodes]
            return seen
        for node_id in reach(dropped) - reach([entry.ref]):
            del self.nodes[node_id]

    # findings ----------------------------------------------------------------------------
    def problem(self, code: str, span: Span, message: str, help_text: str, node_id: str | None = None) -> None:
        """A load finding (F0xx) at this position of the file."""
        self.findings.append(load_finding(self.display, code, span, message, help_text, node_id))

    def opaque(self, span: Span, node_id: str | None, why: str, help_text: str = "") -> None:
        """F020: a step whose outcome cannot be known from the export, and why."""
        self.problem("F020", span, why, help_text or "check the routes of this step by hand", node_id)

    def document(self, text: str) -> JsonDoc | None:
        """The file parsed as JSON, or None with an F018 saying where it breaks (F019 for a key written twice)."""
        doc, error = parse(text)
        if doc is None:
            self.syntax(error)  # type: ignore[arg-type] - parse gives an error whenever it gives no document
        else:
            self._duplicate_keys(doc)
        return doc

    def embedded(self, doc: JsonDoc, pointer: str) -> JsonDoc | None:
        """The JSON held in the string at `pointer` (JsonDoc.embedded), its problems reported as `document`'s are."""
        inner, error = doc.embedded(pointer)
        if error is not None:
            self.syntax(error)
        elif inner is not None:
            self._duplicate_keys(inner)
        return inner

    def _duplicate_keys(self, doc: JsonDoc) -> None:
        for pointer, first, second in doc.duplicates:
            key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
            self.repeats([(key, doc.place(first, pointer)), (key, doc.place(second, pointer))], "the key",
                         "JSON keeps only the last one, so the first is lost; keep one of them (merge what both "
                         "say), or export the flow again")

    def repeats(self, named: Iterable[tuple[str, Span]], what: str, help_text: str) -> set[str]:
        """F019 at each name written again after its first place, naming both places; the names repeated."""
        first: dict[str, Span] = {}
        repeated: set[str] = set()
        for name, span in named:
            if name not in first:
                first[name] = span
                continue
            where = first[name]
            repeated.add(name)
            self.structure(span, f'{what} "{name}" is written twice in the {self.title} (first at line '
                           f"{where.line}, column {where.column}, again here)", help_text)
        return repeated

    def conform(self, doc: JsonDoc, shape: Shape, pointer: str = "") -> None:
        """F019 for each value below `pointer` whose kind `shape` does not allow, taken out of the
        document (jsondoc.conform): the reader that follows meets only the kinds it expects."""
        for at, found in conform(get(doc.value, pointer) if pointer else doc.value, shape, pointer):
            self.structure(doc.span(at), f"`{doc.prefix}{at}` is {found}",
                           f"correct this value, or export the {self.title} again")

    def syntax(self, error: JsonError | tuple[Span, str]) -> None:
        span, message = (error.span, error.message) if isinstance(error, JsonError) else error
        self.findings.append(load_finding(
            self.display, "F018", span, f"the {self.title} is not valid: {message}",
            "fix the file at this position, or export the flow again (template placeholders such as "
            "{{name}} and ${name} are accepted where a value belongs)"))

    def structure(self, span: Span, message: str, help_text: str) -> None:
        self.findings.append(load_finding(self.display, "F019", span, message, help_text))

    def unknown_entry(self, span: Span, wanted: str | None, candidates: Iterable[str], what: str,
                      named_by: str = "--entry") -> None:
        """F021: no start, or a start (`named_by`: --entry, or the file's own start) naming nothing."""
        names = sorted(set(candidates))
        if wanted is None:
            message = f"the {self.title} does not say where calls start"
            hint = f"pass --entry with one of the {what}: {', '.join(names)}" if names else "add a start to the flow"
        else:
            message = f'{named_by} "{wanted}" names no {what.rstrip("s")} in the {self.title}'
            hint = suggest(wanted, names) if names else f"this file has no {what}"
        self.findings.append(load_finding(self.display, "F021", span, message, hint))

    @property
    def failed(self) -> bool:
        return any(f.severity.rank >= 3 for f in self.findings)

    def menu(self, name: str, language: str, entry: Target, span: Span = Span(1, 1)) -> Menu | None:
        """The finished Menu, or None when an error-level finding was made."""
        if self.failed:
            return None
        return Menu(path=self.display, name=name or self.display, language=language, entry=entry,
                    nodes=self._ordered(entry), span=span)

    def _ordered(self, entry: Target) -> dict[str, Node]:
        """Nodes in the order a call meets them (breadth first from the entry), then the rest in file order."""
        order: dict[str, None] = {}
        queue = deque([entry.ref])  # a list's pop(0) moved every target behind it: 160,000 options took 4 s
        while queue:
            node_id = queue.popleft()
            if node_id in order or node_id not in self.nodes:
                continue
            order[node_id] = None
            queue.extend(ref for t in self.nodes[node_id].targets() if (ref := t.ref) not in order)
        order.update(dict.fromkeys(self.nodes))
        return {node_id: self.nodes[node_id] for node_id in order}

    def result(self, menu: Menu | None) -> tuple[Menu | None, list[Finding]]:
        return menu, self.findings


def make(node_id: str, node_type: NodeType, span: Span, *, spans: dict[str, Span] | None = None,
         **fields: object) -> Node:
    """A Node with only the given fields set; each field's span is the node's unless given. `human=None`
    is kept: it is the model's "whether a person answers is unknown" (`human: unknown`)."""
    present = {k: v for k, v in fields.items()
               if (v is not None or k == "human") and v != () and v != frozenset()}
    all_spans = {name: span for name in present}
    all_spans.update(spans or {})
    return Node(id=node_id, type=node_type, span=span, spans=all_spans, **present)  # type: ignore[arg-type]


def option(key: str, span: Span, target: Target | None, label: str | None = None,
           say: Iterable[str] = (), kind: str | None = None) -> Option:
    """A menu option; speech-only when its key is not a DTMF key."""
    return Option(key=key, span=span, target=target, label=label, label_span=span if label else None,
                  say=tuple(say), kind=kind or ("dtmf" if key in DTMF_KEYS else "speech"))


def slug(text: object) -> str:
    """A readable node id from a name: `Main Menu` -> `main_menu`; a UUID keeps its first block."""
    raw = str(text).strip()
    if _UUID.match(raw):
        raw = raw[:8]
    return _SLUG.sub("_", raw.lower()).strip("_")[:60]


def language_code(tag: object, default: str = "en") -> str:
    """`en-US`, `en_gb`, `fi-FI` -> `en`, `en`, `fi`."""
    match = re.match(r"\s*([A-Za-z]{2,3})", str(tag or ""))
    return match.group(1).lower() if match else default


def spoken(text: object) -> str | None:
    """Prompt text as a caller hears it: SSML tags removed, entities decoded, spaces collapsed."""
    if not isinstance(text, str) or not text.strip():
        return None
    if "<" in text:
        cut = text.rfind(">") + 1  # no tag closes after the last `>`: not searched from each `<` there
        plain = html.unescape(_SSML_TAG.sub(" ", text[:cut]) + text[cut:])
    else:
        plain = text
    return " ".join(plain.split()) or None


def number(value: object, whole: bool = False) -> float | None:
    """A timeout or count from an export through the one number reader (ivrcheck.numbers), or None when
    it is absent, a template placeholder, or no finite number of sensible size (`²`, `inf`, 5,000 digits)."""
    if value is None or is_template(value):
        return None
    return number_or_none(value, whole=whole, low=0)


def is_template(text: object) -> bool:
    """Whether a text is only a template placeholder (`{{greeting}}`, `${prompt_text}`)."""
    return isinstance(text, str) and bool(PLACEHOLDER.fullmatch(text.strip()))


class Notes(Protocol):
    """What can take an F020 note: the flow builder (`Flow`) and the node-set builder (`NodeSet`)."""

    def opaque(self, span: Span, node_id: str | None, why: str, help_text: str = "") -> None: ...


def unknown_words(ignore: frozenset[str] | None) -> dict[str, object]:
    """The node fields that mark a prompt's words as unknown (given `unknown_prompt`'s answer), or
    none: the prompt rules silenced there, and `words_unknown` for the callers and the score."""
    return {"ignore": ignore, "words_unknown": True} if ignore else {}


def unknown_prompt(flow: Notes, node_id: str, span: Span, what: str) -> frozenset[str]:
    """The one way every importer marks a prompt whose words are not in the export (a recording, an
    expression, a placeholder): an F020 saying what it is, and the prompt rules to silence there."""
    flow.opaque(span, node_id, f'the prompt of "{node_id}" is {what}, so its words cannot be checked',
                "prompt rules (P4xx) skip this node; check the recording against its options by hand")
    return PROMPT_RULES


def names_person(name: object, language: str = "en") -> bool:
    """Whether a step's name says a person or a team answers (`Transfer to Operator`, `SalesTeam`,
    `front_desk`): the words of the language's `human` group, or a team word."""
    if not isinstance(name, str) or not name.strip():
        return False
    from ivrcheck.language import load_language

    text = re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-.]+", " ", name)
    if _TEAM.search(text):
        return True
    return any("human" in unit.concepts for unit in load_language(language).label_words.units(text))


def phone_transfer(flow: Notes, node_id: str, span: Span, number: object, names: Iterable[object] = (),
                   language: str = "en") -> bool | None:
    """The one policy every importer follows for a transfer to a phone number: the node's `human`.
    True when the export names it as a person's or a team's number (`names`: the step's name, label,
    the option leading to it); None (`human: unknown`, with an F020 note) for a bare number, or one
    computed at run time: whether a person answers is not in the export, and no guess is made."""
    if any(names_person(name, language) for name in names):
        return True
    shown = str(number).strip() if number not in (None, "") else "(not set)"
    computed = is_template(number) or "${" in shown or "$[" in shown or "{{" in shown
    what = f"a number computed at run time ({shown})" if computed else f"the number {shown}"
    flow.opaque(span, node_id, f'"{node_id}" transfers to {what}; whether a person answers is not in the export, '
                "so it is imported as `human: unknown` (neither a person nor proof of none)",
                "if a person or a team answers it, the imported YAML can say `human: true`; if not, `human: false`")
    return None


def hand_off(flow: Notes, node_id: str, span: Span, other: str) -> None:
    """The F020 note of a hand-off to another flow this file does not contain (imported as a `transfer`
    with `human: unknown`): whether callers reach a person there is that flow's business."""
    flow.opaque(span, node_id, f'"{node_id}" hands the call to {other}, which this file does not contain; it is '
                "imported as a transfer with `human: unknown`", "import and check that flow too")
