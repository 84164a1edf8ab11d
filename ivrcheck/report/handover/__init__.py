"""What the hand-over report says about each phone line, independent of HTML or Markdown.

Both `html.py` and `markdown.py` beside it lay out these values, so the two documents
cannot disagree. Everything here is plain text; escaping is the layout modules' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from ivrcheck.findings import FileResult, Finding, Severity, Waiver
from ivrcheck.graph import LineAnalysis
from ivrcheck.graph.clock import edge_seconds
from ivrcheck.model import Menu, Node, NodeType
from ivrcheck.report.common import help_uri

#: The score parts in plain words for a reader who has not seen the score docs.
PART_NAMES = {"navigation": "Navigation", "human_access": "Human access", "wording": "Wording",
              "robustness": "Robustness"}
PART_MEANING = {
    "navigation": "how deep and how wide the menus are",
    "human_access": "how soon and how surely a caller reaches a person",
    "wording": "whether callers understand what each option does",
    "robustness": "what happens when a caller waits, presses a wrong key or gets lost",
}
STATE_NAMES = {"open": "In open hours", "closed": "Outside hours"}
#: How many findings the summary names before pointing to the full table.
WORST = 5
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class OptionDetail:
    """One way on from a menu: the key, what it is called, where it goes, when a caller has heard it."""

    key: str
    label: str
    target: str
    seconds: float


@dataclass(frozen=True)
class MenuDetail:
    """A menu (or digit input) as a caller hears it."""

    node_id: str
    kind: str
    prompt: str
    prompt_seconds: float
    options: tuple[OptionDetail, ...]
    #: ("when the caller waits", "repeat") and the like: the routes a caller does not choose.
    handling: tuple[tuple[str, str], ...]
    reachable: bool


@dataclass(frozen=True)
class LineReport:
    """One phone line (a root file and the files it reaches) with everything the report shows."""

    path: str
    result: FileResult
    menu: Menu | None
    line: LineAnalysis | None
    findings: tuple[Finding, ...]
    menus: tuple[MenuDetail, ...] = ()
    other_files: tuple[str, ...] = field(default_factory=tuple)
    #: The accepted exceptions of the line's files (report/audit.py lists them).
    waivers: tuple[Waiver, ...] = ()

    @property
    def title(self) -> str:
        return self.menu.name if self.menu is not None and self.menu.name else self.path

    @property
    def metrics(self) -> Mapping[str, Any]:
        return self.result.metrics or {}

    def worst(self, count: int = WORST) -> list[Finding]:
        """The findings that matter most first: by severity, then in file order."""
        return sorted(self.findings, key=lambda f: (_ORDER.get(f.severity, 3), f.sort_key()))[:count]

    def counts(self) -> dict[Severity, int]:
        return {s: sum(1 for f in self.findings if f.severity is s) for s in _ORDER}


def line_reports(inspections: Iterable[Any], results: Sequence[FileResult] = ()) -> list[LineReport]:
    """A report per checked phone line; `inspections` carry `result`, `menu` and `line` each.

    Findings in another file of a line (a `file#node` target) are shown with the line they belong to;
    results no line covers (a file given on its own that another line also reaches) are left to it.
    """
    by_path = {r.path: r for r in results}
    reports = []
    for found in inspections:
        result, menu, line = found.result, found.menu, found.line
        others = tuple(sorted({n.source for n in menu.nodes.values() if n.source and n.source != result.path}
                              if menu is not None else ()))
        findings = [*result.findings, *(f for p in others if p in by_path for f in by_path[p].findings)]
        waivers = (*result.waivers, *(w for p in others if p in by_path for w in by_path[p].waivers))
        menus = tuple(menu_details(menu, line)) if menu is not None and line is not None else ()
        reports.append(LineReport(result.path, result, menu, line, tuple(findings), menus, others, waivers))
    return reports


def menu_details(menu: Menu, line: LineAnalysis) -> Iterable[MenuDetail]:
    """Every menu and input of the line in file order, with the seconds until each option is heard."""
    clock = line.clock  # every second from the line's one clock
    for node in menu.nodes.values():
        if not node.is_interactive:
            continue
        options = tuple(OptionDetail(_key_name(o.key, o.kind, o.digits), o.label or "", o.target.ref if o.target else "",
                                     round(edge_seconds(node, {"kind": "key", "press": o.key}, clock), 1))
                        for o in node.options)
        yield MenuDetail(node.id, node.type.value, " ".join((node.prompt or "").split()),
                         round(clock.prompt(node), 1), options, tuple(_handling(node)),
                         node.id in line.reachable)


def figures(metrics: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(state name, human metrics) for each schedule state, open first; one row without hours."""
    by_state = metrics.get("by_state")
    if isinstance(by_state, Mapping) and by_state:
        # The top-level figures are the open state's; another state shows only what it reports itself.
        return [(STATE_NAMES.get(state, str(state)), {**metrics, **values} if state == "open" else dict(values))
                for state, values in by_state.items() if isinstance(values, Mapping)]
    return [("At any time", dict(metrics))]


def tasks(metrics: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Caller tasks with a predicted outcome, when the checker computed them (`metrics["tasks"]`)."""
    found = metrics.get("tasks")
    if not isinstance(found, list):
        return []
    return [t for t in found if isinstance(t, Mapping) and t.get("say")]


def headline(report: LineReport) -> str:
    """One or two plain sentences a manager reads first."""
    result = report.result
    if result.score is None:
        return "This file could not be read, so it was not checked further; the problems below say why."
    counts = report.counts()
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for word, n in
             (("error", counts[Severity.ERROR]), ("warning", counts[Severity.WARNING]),
              ("suggestion", counts[Severity.INFO])) if n]
    found = "No problems found." if not parts else f"Found {_join(parts)}."
    rows = figures(report.metrics)
    if len(rows) == 1:
        return f"{found} A caller {_person(rows[0][1])}." if "steps_to_human" in rows[0][1] else found
    return f"{found} " + " ".join(f"{name}, a caller {_person(values)}." for name, values in rows
                                  if "steps_to_human" in values)


def fix_url(finding: Finding) -> str:
    """The page that explains a finding's rule (or load problem): under the configured docs URL, or
    the copy of the page bundled at the end of the report (`#rule-CODE`)."""
    return help_uri(finding.code) or f"#rule-{finding.code}"


def seconds_text(value: Any) -> str:
    return "—" if not isinstance(value, (int, float)) else f"{value:.1f} s"


def percent_text(value: Any) -> str:
    return "—" if not isinstance(value, (int, float)) else f"{value:.0%}"


def part_name(part: str) -> str:
    return PART_NAMES.get(part, part.replace("_", " ").capitalize())


def node_kind(node: Node | None) -> str:
    return "another file" if node is None else node.type.value.replace("_", "-")


def _person(values: Mapping[str, Any]) -> str:
    """How a caller reaches a person, by the journey's announced way (callers/journey.py)."""
    way = values.get("person")
    steps, seconds = (way["steps"], way["seconds"]) if way else (None, None)
    if steps is None:
        promise = values.get("promise")
        later = f" (a {promise['who']} offers a person later)" if promise else ""
        if values.get("steps_to_human") is not None:
            return f"reaches a person only by a key the prompts never offer{later}"
        if values.get("fallback_to_human"):
            waited = seconds_text(values.get("fallback_seconds_to_human"))
            return f"reaches a person only by waiting or by mistake ({waited}), never by choosing{later}"
        return f"cannot reach a person{later}"
    if steps == 0:
        return f"reaches a person without pressing a key ({seconds_text(seconds)})"
    return f"reaches a person in {steps} key press{'' if steps == 1 else 'es'} ({seconds_text(seconds)})"


def _handling(node: Node) -> Iterable[tuple[str, str]]:
    if node.on_timeout is not None:
        yield f"after {node.timeout:g} s of silence" if node.timeout else "on silence", node.on_timeout.ref
    if node.on_invalid is not None:
        yield "on a key with no option", node.on_invalid.ref
    if node.after_retries is not None:
        tries = f"after {node.retries} tries" if node.retries else "when the tries run out"
        yield tries, node.after_retries.ref
    if node.type is NodeType.INPUT and node.next is not None:
        yield f"after {node.digits or 'the'} digits", node.next.ref


def _key_name(key: str, kind: str, digits: int | None) -> str:
    if kind == "extension":
        return f"{digits} digits" if digits else "extension"
    if kind == "speech":
        return f"say “{key}”"
    return key


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


#: Report formats by file name ending.
EXTENSIONS = {"html": "html", "htm": "html", "md": "md", "markdown": "md"}


def format_for(filename: str, explicit: str | None = None) -> str | None:
    """`html` or `md`, from `--format` or the output's name; html for standard output; None when unknown."""
    if explicit is not None:
        return EXTENSIONS.get(explicit.lower())
    if filename == "-":
        return "html"
    return EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None
