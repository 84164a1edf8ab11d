"""What a caller lives through on one phone line, per schedule state: built once, read by every later step.

The graph says what the line allows; the journey says what a caller who does what the
prompts say lives through: who they reach, by which keys, in how many seconds, where they
spread (traffic.py), how long the average caller takes (timing.py), and what a caller who
presses nothing or the wrong keys goes through. The rules, the score, the JSON metrics, the
tree test, `diff`, the reports and the diagrams read it; none of them walks on its own.

One vocabulary throughout:

- a **person** is an `agent`, or a `transfer` with `human: true` (staffed in the state);
- a **promise** is a callback or a voicemail: a person later, worth less than one now;
- a transfer without `human:` is neither;
- a transfer with `human: unknown` (an importer's hand-off whose answerer the export cannot
  show) is **unknown**: never counted as a person, nor as proof that none answers. When no
  person is reachable but one is, the way to it is kept (`unknown_person`) and the metrics that
  need a person say "unknown" in words, while their numbers stay empty.

A choice is **announced** when the menu's prompt offers it, **not announced** when the
prompt's words are known and do not, and **unknown** when they are not known (a recording,
a language ivrcheck does not read): an unknown choice is never counted as "not said".
"""

from __future__ import annotations

from dataclasses import field
from functools import cached_property
from typing import Any, Mapping

from ivrcheck.callers import timing, traffic
from ivrcheck.callers.traffic import TaskOption
from ivrcheck.graph import OPEN, Analysis, LineAnalysis
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.graph.clock import Edge
from ivrcheck.graph.walks import Adjacency, descendants, fastest
from ivrcheck.model import Node, NodeType, Target
from ivrcheck.records import record

#: Edge kinds a caller takes on purpose towards someone when the prompt announces them.
TO_PERSON = frozenset({"key", "say", "timeout"})
#: The words for whom a way ends with; UNKNOWN: a hand-off whose answerer is unknown.
PERSON, CALLBACK, VOICEMAIL, UNKNOWN = "person", "callback", "voicemail", "unknown"
_SHARED = "callers.journey"


@record(slots=True)
class Way:
    """The fastest way a caller who follows the prompts takes from the entry to someone."""

    node: str
    #: "person", "callback", "voicemail" or "unknown".
    who: str
    #: The keys (or phrases) chosen on the way, in order.
    keys: tuple[str, ...]
    seconds: float
    #: Choices on the way offered by a prompt whose words are unknown: maybe announced.
    unknown: int = 0
    #: Prompts on the way whose seconds are unknown (a recording with no `seconds:`).
    untimed: int = 0

    @property
    def steps(self) -> int:
        return len(self.keys)

    def describe(self) -> str:
        """ `a person in 1 key press (0), 6.4 s` """
        return way_text(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {"who": self.who, "node": self.node, "keys": list(self.keys), "steps": self.steps,
                "seconds": self.seconds, "unknown": self.unknown, "untimed": self.untimed}


@record
class Journey:
    """One schedule state as callers live through it. Plain values only: a result carries it."""

    state: str
    #: The fastest announced way to a person (a way through unknown prompts counts, marked so).
    person: Way | None
    #: The fastest announced way to a callback or voicemail.
    promise: Way | None
    #: How a person can be reached when no announced way leads to one; None when no way does.
    hidden: str | None
    #: People (agents, human transfers) a call reaches in this state, and those of them
    #: reached only after errors: waiting out a menu that never says so, a wrong key, retries.
    people: tuple[str, ...]
    after_errors: tuple[str, ...]
    #: Menus a call reaches, those where "0" reaches a person (or, outside hours, a promise),
    #: and those whose prompt's words are unknown.
    menus: tuple[str, ...]
    zero_out: tuple[str, ...]
    unknown: tuple[str, ...]
    #: Cycles callers can be held in: pressing keys (any way out leads back), or pressing nothing.
    key_traps: tuple[tuple[str, ...], ...]
    silent_traps: tuple[tuple[str, ...], ...]
    #: What a caller who presses nothing or a wrong key meets: the menus and inputs a call
    #: reaches that do not handle silence (no `on_timeout`), nor a wrong key (no `on_invalid`),
    #: and those that end the call when the retries run out.
    silence_unhandled: tuple[str, ...]
    wrong_key_unhandled: tuple[str, ...]
    dropped_after_retries: tuple[str, ...]
    #: Nodes reached through announced (or unknown) choices and routing.
    reachable: frozenset[str]
    #: Task options of the reachable menus, and callers' share at each node (open state only).
    tasks: tuple[TaskOption, ...] = ()
    traffic: dict[str, float] = field(default_factory=dict)
    #: The SPEC metrics of this state: fewest key presses to a person by any key, the way of a
    #: caller who presses nothing, and the weighted times (timing.py).
    steps_to_human: int | None = None
    seconds_to_human: float | None = None
    fallback_seconds: float | None = None
    times: dict[str, Any] = field(default_factory=dict)
    #: With no announced way to a person, the fastest to a hand-off whose answerer is unknown.
    unknown_person: Way | None = None

    def describe(self) -> str:
        """How a person is reached in this state (`describe`)."""
        return self._described

    @cached_property
    def _described(self) -> str:  # asked by every file's score of a line of many files: worded once
        return describe(self.metrics())

    @property
    def reaches(self) -> Way | None:
        """The way the score credits: a person, else the promise of one."""
        return self.person or self.promise

    @property
    def person_unknown(self) -> bool:
        """Neither a person nor a promise is announced, but a hand-off of unknown answerer is:
        whether callers reach someone here is not in the file (no credit, no penalty)."""
        return self.reaches is None and self.unknown_person is not None

    def zero_out_coverage(self, scope: frozenset[str] | None = None) -> tuple[float, int]:
        """Share of the menus (in `scope`) where "0" reaches a person, and how many menus: 1.0 with none."""
        menus, zero = self._menus_and_zero
        if scope is None:
            mine = self.menus
        elif len(scope) < len(menus) and len(menus) == len(self.menus):  # one file of many: its own nodes
            mine = [m for m in scope if m in menus]
        else:
            mine = [m for m in self.menus if m in scope]
        if not mine:
            return 1.0, 0
        return round(sum(1 for m in mine if m in zero) / len(mine), 3), len(mine)

    @cached_property
    def _menus_and_zero(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(self.menus), frozenset(self.zero_out)

    def metrics(self) -> dict[str, Any]:
        """This state's caller metrics as the JSON output gives them (docs/json.md)."""
        return {
            "steps_to_human": self.steps_to_human, "seconds_to_human": self.seconds_to_human,
            "fallback_to_human": self.fallback_seconds is not None, "fallback_seconds_to_human": self.fallback_seconds,
            **self.times,
            "zero_out_coverage": self.zero_out_coverage()[0],
            "person": self.person.to_dict() if self.person else None,
            "promise": self.promise.to_dict() if self.promise else None,
            "person_hidden": self.hidden,
            "person_unknown": self.unknown_person.to_dict() if self.unknown_person else None,
            "people_only_after_errors": list(self.after_errors),
            "silent_traps": [list(c) for c in self.silent_traps],
            "silence_unhandled": list(self.silence_unhandled), "wrong_key_unhandled": list(self.wrong_key_unhandled),
            "dropped_after_retries": list(self.dropped_after_retries),
            "unknown_prompt_share": round(len(self.unknown) / len(self.menus), 3) if self.menus else 0.0,
        }


def way_text(way: Mapping[str, Any]) -> str:
    """A way (`Way.to_dict`, as the JSON metrics hold it) in the words every output uses."""
    steps = way["steps"]
    who = ("a person" if way["who"] == PERSON else f"a {way['who']} (a person later)" if way["who"] != UNKNOWN
           else f"a hand-off whose answerer is unknown (\"{way['node']}\")")
    keys = f" ({' -> '.join(way['keys'])})" if way["keys"] else ""
    text = f"{who} in {steps} key press{'es' if steps != 1 else ''}{keys}, {way['seconds']} s"
    if way.get("unknown"):
        text += f"; {way['unknown']} of {steps} choices in prompts whose words are unknown"
    if way.get("untimed"):
        text += f"; {way['untimed']} recording{'s' if way['untimed'] != 1 else ''} not timed"
    return text


def describe(values: Mapping[str, Any]) -> str:
    """How a person is reached in one state (its metrics), in the words every output uses: the
    announced way to a person, else how a person is reached at all and the promise of one."""
    if values.get("person"):
        return way_text(values["person"])
    hidden, promise, unknown = values.get("person_hidden"), values.get("promise"), values.get("person_unknown")
    head = f"no announced key; only by {hidden}" if hidden else "no person by any key"
    if unknown and not promise:
        return f"unknown: {way_text(unknown)}" + (f"; a known person {head}" if hidden else "")
    return f"{head}; {way_text(promise)}" if promise else head


def journeys(line: LineAnalysis) -> dict[str, Journey]:
    """Every state's journey of a line, built the first time it is asked for and kept on the line."""
    found = line.shared.get(_SHARED)
    if found is None:
        cache: dict[tuple[str, str], float] = {}  # option seconds are the same in every state
        found = line.shared[_SHARED] = {state: _journey(line, a, cache) for state, a in line.states.items()}
    return found


def _journey(line: LineAnalysis, analysis: Analysis, cache: dict[tuple[str, str], float]) -> Journey:
    clock, entry, nodes = line.clock, line.menu.entry.ref, analysis.nodes
    heard: Adjacency = {u: clock.heard(u, nodes.get(u), edges) for u, edges in analysis.out.items()}
    # Only a prompt whose words are unknown may announce more than is heard (clock.maybe).
    maybe: Adjacency = {u: _and_maybe(kept, [(v, a) for v, a in analysis.out[u]
                                             if v != u and clock.maybe(node, a)])
                        if clock.unknown(node := nodes.get(u)) else kept
                        for u, kept in heard.items()}
    promises = frozenset(n for n in analysis.reachable if (node := nodes.get(n)) is not None and node.is_promise)
    person = _way(line, heard, analysis.humans, PERSON) or _way(line, maybe, analysis.humans, PERSON)
    promise = _way(line, heard, promises, None) or _way(line, maybe, promises, None)
    handoffs = analysis.unknown_people & analysis.reachable if person is None else frozenset()
    unknown = _way(line, heard, handoffs, UNKNOWN) or _way(line, maybe, handoffs, UNKNOWN)
    reachable = descendants(maybe, entry) if entry in maybe else frozenset()
    people = tuple(sorted(analysis.humans & analysis.reachable))
    chosen = _chosen(line, analysis, maybe)
    menus = tuple(m.id for m in line.menus if m.id in analysis.reachable)
    tasks, spread = traffic.tasks(analysis, entry, clock) if analysis.state == OPEN else ((), {})
    way = timing.journey(line, analysis, analysis.humans, cache)
    return Journey(
        state=analysis.state, person=person, promise=promise, hidden=_hidden(analysis, person, people),
        people=people, after_errors=tuple(p for p in people if p not in chosen),
        menus=menus, zero_out=tuple(m for m in menus if analysis.option_reaches_human(m, "0")),
        unknown=tuple(m for m in menus if clock.unknown(nodes.get(m))),
        key_traps=tuple(tuple(c) for c in analysis.traps), silent_traps=tuple(tuple(c) for c in analysis.silent_traps),
        **_errors(line, analysis), reachable=reachable, tasks=tasks, traffic=spread,
        steps_to_human=analysis.steps_to_human, seconds_to_human=analysis.seconds_to_human,
        fallback_seconds=analysis.fallback_seconds if analysis.fallback_to_human else None,
        times={"expected_seconds": way.expected, "expected_seconds_to_human": way.expected_to_goal,
               "share_to_human": way.share, "worst_seconds_to_human": way.worst},
        unknown_person=unknown,
    )


def _and_maybe(heard: list[Edge], maybe: list[Edge]) -> list[Edge]:
    """The edges heard, then those that may be announced; the heard list itself when there are none
    (most nodes: a large line would otherwise hold a second copy of every list while its journey is made)."""
    return [*heard, *maybe] if maybe else heard


def _way(line: LineAnalysis, out: Adjacency, goals: frozenset[str], who: str | None) -> Way | None:
    """The fastest way over `out` to one of `goals`, or None. Dialling an extension reaches only
    someone the caller already knows: it is no way to help."""
    if not goals:
        return None
    entry, clock = line.menu.entry.ref, line.clock
    path, seconds = fastest(out, entry, goals, line.menu.nodes, clock, ROUTING | TO_PERSON)
    if path is None:
        return None
    end = entry
    if path:  # the target of the last edge taken (the very edge object, found by identity)
        last_from, last_edge = path[-1]
        end = next(t for t, a in out[last_from] if a is last_edge)
    nodes = line.menu.nodes
    keys = tuple(str(a.get("press") or a["kind"]) for _, a in path if a["kind"] in CHOICE)
    unknown = sum(1 for u, a in path if a["kind"] in CHOICE and clock.maybe(nodes.get(u), a))
    untimed = sum(1 for u, _ in path if (n := nodes.get(u)) is not None and n.words_unknown and n.seconds is None)
    kind = who or nodes[end].type.value
    return Way(end, kind, keys, seconds or 0.0, unknown, untimed)


@record(slots=True)
class Landing:
    """Where a caller sent on with no choice of their own (a closed person's `closed:`, a branch)
    is offered someone: in menu `menu`, by `key` ("timeout" for waiting), the person or promise `node`."""

    menu: str
    key: str
    node: str


def offered_on_landing(line: LineAnalysis, analysis: Analysis, start: str, *,
                       unannounced: bool = False) -> Landing | None:
    """What the menus a call lands in from `start`, with no choice of its own, offer in one
    announced step: waiting ("stay on the line") for a person in any state, and outside hours
    also a key to a person or a promise (a callback, a voicemail, a 24-hour helpline). Read
    from the graph: the menu's announced edges that reach someone with no further choice.
    `unannounced` also takes waiting the prompt was not read as announcing: the wiring of a
    hold menu, whatever its words say."""
    clock, nodes, closed = line.clock, analysis.nodes, analysis.state != OPEN
    seen, frontier = {start}, [start]
    while frontier:
        here = frontier.pop(0)
        node = nodes.get(here)
        for target, attrs in analysis.edges_from(here):
            kind = attrs["kind"]
            if kind in ROUTING:
                if target not in seen:
                    seen.add(target)
                    frontier.append(target)
            elif (target != here and target in analysis.to_human and (closed or kind == "timeout")
                  and kind in TO_PERSON
                  and (clock.announced(node, attrs) or clock.maybe(node, attrs)
                       or (unannounced and kind == "timeout"))):
                return Landing(here, str(attrs.get("press") or kind), target)
    return None


def leads_back(analysis: Analysis, person: Node) -> tuple[str, ...] | None:
    """How a closed person sends callers back into the menus, when it does: the person, its
    `closed:` route to the first menu, and the menu above the person that one's choice leads
    back to ("agent" -> "closed_menu" -> "main"); None for anyone else."""
    if not (person.is_person and person.closed is not None and person.id in analysis.reachable
            and analysis.entry in analysis.out):
        return None
    tree = analysis.entry_tree
    path, here = [person.id], person.closed.ref
    while here not in path:
        path.append(here)
        node = analysis.nodes.get(here)
        onward = [t for t, attrs in analysis.edges_from(here) if attrs["kind"] in ROUTING]
        if (node is not None and node.type is NodeType.MENU) or len(onward) != 1:
            break
        here = onward[0]
    last = path[-1]
    if len(path) < 2:
        return None
    if tree.is_ancestor(last, person.id):
        return tuple(path)
    back = next((t for t, attrs in analysis.edges_from(last)
                 if attrs["kind"] in CHOICE and t != last and tree.is_ancestor(t, person.id)), None)
    return (*path, back) if back is not None else None


def _chosen(line: LineAnalysis, analysis: Analysis, maybe: Adjacency) -> frozenset[str]:
    """Nodes a caller reaches by choices, routing and waiting the prompt asks for: never by a
    wrong key, retries or waiting out a menu that did not say to wait."""
    asked = {id(a) for edges in maybe.values() for _, a in edges}  # edge dicts live as long as the line
    entry = line.menu.entry.ref
    if entry not in analysis.out:
        return frozenset()
    return descendants(analysis.out, entry, lambda a: a["kind"] in CHOICE or a["kind"] in ROUTING or id(a) in asked)


def _errors(line: LineAnalysis, analysis: Analysis) -> dict[str, tuple[str, ...]]:
    """The menus and inputs of this state that leave a silent or mistaken caller without help."""
    waits = [n for n in line.menu.nodes.values() if n.is_interactive and n.id in analysis.reachable]
    ends: dict[str, bool] = {}  # after_retries target -> whether it only hangs up; menus share a few

    def drops(target: Target | None) -> bool:
        if target is None:
            return True
        if target.is_builtin or target.ref not in line.menu.nodes:
            return False
        if target.ref not in ends:
            ends[target.ref] = analysis.only_hangs_up(target.ref)
        return ends[target.ref]

    return {"silence_unhandled": tuple(n.id for n in waits if n.on_timeout is None),
            "wrong_key_unhandled": tuple(n.id for n in waits if n.on_invalid is None),
            "dropped_after_retries": tuple(n.id for n in waits if drops(n.after_retries))}


def _hidden(analysis: Analysis, person: Way | None, people: tuple[str, ...]) -> str | None:
    """How a person is reached when no announced way leads to one."""
    if person is not None or not people:
        return None
    if analysis.path_to_human is not None:
        return "a key the prompts never offer"
    return "waiting or failing a prompt until the retries run out"
