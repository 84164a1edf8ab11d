"""The offline tree test: the path a first-time caller takes to each task, from prompts and labels alone.

A caller who has never rung the line hears a menu and takes the option whose words best
match what they came for (its scent, scent.py). The walk, for each task:

1. Start at the entry; messages, branches and inputs pass on by themselves, and so does a
   self-service step that leads on and only tells (`changes: false`: an outage check, an
   order's status) or that the caller meets before choosing anything.
2. A caller speaks one language: the one their words are in, else the line's. At a menu that
   offers a choice of language they press the key for theirs; offered none of theirs, they
   wait, as callers of the line's own language do when the choice defaults to it. Options
   for other languages never tempt them, and they read each menu in its own language.
3. At a menu, score every option that goes somewhere new (not repeat, not back up) by the
   best scent of its label, its `say:` phrases and the prompt's words for its key (its whole
   sentence, the words before a key offered first included). Options below `min_scent` do
   not tempt the caller at all. A word of the caller's that two or more options meet
   ("train" on a rail line's menu) points at none of them and is weighed only when no other
   word tempts; an option that names only the task excluding the caller's (cancelling, for
   a caller who books: the lexicon's contrasts) does not tempt them.
4. Take the best; of options that tempt alike (within `tie_margin`), the one whose words
   together (label, `say:`, prompt) meet clearly more of the caller's words, else the one
   offered first, since the caller hears it first. A tie with an option that leads elsewhere is a failure risk (a coin
   toss), unless that option puts the caller through to a person, who can help them on.
5. A menu where nothing tempts the caller is a dead end of scent: they hear it out, press
   its way back if it has one and take the next best option above; with no way back, or
   nothing left to try, they press 0 where it puts them through to a person, else wait where
   the menu's silence route leads on to an end (a person, a hang-up), else give up.
6. The walk ends at an expected node (success), at another place where the call is handled
   (an agent, a self-service task, a hang-up: failure), or where the caller gave up.

Success is direct when the caller never backed out of a menu. The success rate counts a
task only when it succeeds with no tie risk, and is read against tree-testing bands.
"""

from __future__ import annotations

from typing import Any, Mapping

from ivrcheck.callers.scent import DEFAULT_SCENT, Scent, coverage, excludes, option_phrases, telling
from ivrcheck.findings import FileResult
from ivrcheck.graph import OPEN, Analysis, LineAnalysis
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.language import Language, detect
from ivrcheck.model import PASSED_THROUGH, Menu, Node, NodeType, Option, Task
from ivrcheck.records import record

#: Tree-testing bands for the share of tasks completed (Optimal Workshop, see docs/tasks.md).
BANDS = ((0.65, "effective"), (0.50, "revise"), (0.0, "rethink"))
_MAX_CHOICES = 50
#: Edges a caller who presses nothing follows out of a menu, the first the menu has.
_WAITING = ("timeout", "retries")
#: What `Prediction.presses` holds where the caller pressed nothing and waited for the menu to go on.
WAIT = "wait"


@record
class Settings:
    """The tree test's two thresholds (the settings of rule T602)."""

    min_scent: float = 0.25
    tie_margin: float = 0.05

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        return cls(**{k: float(v) for k, v in values.items() if k in ("min_scent", "tie_margin")})


@record
class Choice:
    """One option a caller took (or was tempted by): the menu, the key, its label and its scent."""

    menu: str
    key: str
    label: str
    scent: float
    target: str
    #: How much of the caller's words the option's words meet, all of them together (`coverage`).
    cover: float = 0.0

    def describe(self) -> str:
        return f'"{self.key}" ({self.label}) in "{self.menu}"'


@record
class Prediction:
    """What the tree test predicts for one task."""

    task: Task
    expect: tuple[str, ...]
    #: Every node the caller passes, in order, backing out included.
    path: tuple[str, ...]
    #: The keys pressed, in order, `WAIT` where the caller waited instead.
    presses: tuple[str, ...]
    success: bool
    direct: bool
    seconds: float
    #: Where the caller ends up: an expected node, another place, or None when they give up.
    end: str | None
    #: The first choice that leads away from every expected node, or the option tied with the right one.
    misleading: Choice | None
    #: None, "tie" (a coin toss between the right option and one leading elsewhere), "no scent"
    #: (nothing on the way matches) or "unreachable" (no caller can get there).
    risk: str | None
    #: The fastest way to an expected node: seconds, or None when there is none.
    best_seconds: float | None
    state: str | None = None
    #: In a tie, the option that leads towards the goal (`misleading` is its rival).
    tied_right: Choice | None = None

    @property
    def key_presses(self) -> int:
        """Keys pressed, waits aside."""
        return sum(1 for key in self.presses if key != WAIT)

    @property
    def counts(self) -> bool:
        """Whether the task counts as a success in the rate: it succeeds, and not by a coin toss."""
        return self.success and self.risk is None


@record
class TreeTest:
    """One file's tree test: its predictions, or None with the result that says why it could not be loaded."""

    result: FileResult
    predictions: list[Prediction] | None


def band(rate: float) -> str:
    """The tree-testing band of a success rate: effective, revise or rethink."""
    return next(name for floor, name in BANDS if rate >= floor)


def success_rate(predictions: list[Prediction]) -> float | None:
    """Share of tasks predicted to succeed with no tie risk; None without tasks."""
    if not predictions:
        return None
    return round(sum(p.counts for p in predictions) / len(predictions), 3)


def predict(menu: Menu, line: LineAnalysis, scent: Scent = DEFAULT_SCENT,
            settings: Settings = Settings()) -> list[Prediction]:
    """A prediction for every task whose `expect` names a node of the line (others are S101's).

    Worked out once per line, scent and settings: rule T602 and the caller metrics both read it.
    """
    key = (predict, scent, settings)
    known = line.shared.get(key) if menu is line.menu else None
    if known is None:
        found = (predict_task(task, menu, line, scent, settings) for task in menu.tasks)
        known = [p for p in found if p is not None]
        if menu is line.menu:
            line.shared[key] = known
    return list(known)


def predict_task(task: Task, menu: Menu, line: LineAnalysis, scent: Scent = DEFAULT_SCENT,
                 settings: Settings = Settings()) -> Prediction | None:
    """Walk one task as a first-time caller would (see the module docstring)."""
    goals = tuple(dict.fromkeys(t.ref for t in task.expects if t.ref in line.states[OPEN].nodes))
    if not goals:
        return None
    state = next((s for s, a in line.states.items() if any(g in a.steps for g in goals)), None)
    if state is None:  # no caller can choose their way there in any state
        return Prediction(task, goals, (menu.entry.ref,), (), False, False, 0.0, None, None, "unreachable", None,
                          line.label(line.open))
    walk = _Walk(task, menu, line, line.states[state], set(goals), scent, settings)
    walk.run()
    best = _best_seconds(line, state, goals)
    success = walk.end in goals
    return Prediction(task, goals, tuple(walk.path), tuple(walk.presses), success, success and not walk.backed,
                      round(walk.seconds, 1), walk.end, walk.misleading(), walk.risk, best,
                      line.label(line.states[state]), walk.tied_right)


def _best_seconds(line: LineAnalysis, state: str, goals: tuple[str, ...]) -> float | None:
    """Seconds of the fastest way to a goal (fewest key presses first), as `line.fastest_to` finds it:
    read off the costs to every node, worked out once per state instead of once per task."""
    costs = line.costs_from_entry(state)
    found = [costs[g] for g in goals if g in costs]
    return round(min(found)[1], 1) if found else None


class _Walk:
    """The caller's walk through one state, with the menus they may back out to."""

    def __init__(self, task: Task, menu: Menu, line: LineAnalysis, analysis: Analysis, goals: set[str],
                 scent: Scent, settings: Settings) -> None:
        self.task, self.menu, self.line, self.analysis = task, menu, line, analysis
        self.goals, self.scent, self.settings = goals, scent, settings
        self.towards = analysis.leading_to(goals)
        self.path: list[str] = []
        self.presses: list[str] = []
        self.seconds = 0.0
        self.end: str | None = None
        self.backed = False
        self.risk: str | None = None
        self.taken: list[Choice] = []
        self.tied: Choice | None = None
        self.tied_right: Choice | None = None
        #: The language the caller speaks: the one their words are in, else the line's.
        self.speaks = _base(detect(task.say, least=1) or menu.language)

    def run(self) -> None:
        #: Menus the caller stands in, each with the options still left to try there.
        frames: list[tuple[str, list[tuple[Choice, dict]]]] = []
        node_id = self._settle(self.menu.entry.ref)
        for _ in range(_MAX_CHOICES):
            if node_id is None or node_id in self.goals or not self._is_menu(node_id):
                self.end = node_id
                return
            if not frames or frames[-1][0] != node_id:
                frames.append((node_id, self._candidates(node_id, {f for f, _ in frames})))
            menu_id, left = frames[-1]
            if not left:
                node_id = self._back_out(frames)
                continue
            choice, attrs = left.pop(0)
            self._note_tie(choice, left)
            self.taken.append(choice)
            self.presses.append(choice.key)
            self.seconds += self.line.clock.edge(self.analysis.nodes[menu_id], attrs)
            node_id = self._settle(choice.target)
        self.end = None

    def _settle(self, node_id: str) -> str | None:
        """Follow what happens with no choice (messages, branches, inputs) to a menu, a goal or an end."""
        seen: set[str] = set()
        while node_id not in seen:
            seen.add(node_id)
            self.path.append(node_id)
            node = self.analysis.nodes.get(node_id)
            if node_id in self.goals or node is None or not self._passes(node):
                return node_id
            self.seconds += self.line.clock.prompt(node)
            onward = [t for t, attrs in self.analysis.edges_from(node_id) if attrs["kind"] in ROUTING]
            if not onward:
                return node_id
            node_id = onward[0]
        return node_id

    def _passes(self, node: Node) -> bool:
        """Whether the caller goes on past `node` with no choice: a message, branch or input, or a
        self-service step that only tells or that meets the caller before their first choice."""
        if node.type is NodeType.SELF_SERVICE:
            return node.changes is False or not self.presses
        return node.type in PASSED_THROUGH

    def _is_menu(self, node_id: str) -> bool:
        node = self.analysis.nodes.get(node_id)
        return node is not None and node.type is NodeType.MENU

    def _candidates(self, menu_id: str, above: set[str]) -> list[tuple[Choice, dict]]:
        """Options that tempt the caller, best scent first, ties in the order the prompt offers them.

        The caller weighs the words that tell this menu's options apart (`telling`); when those
        tempt them to nothing, the words the options share still say the menu is theirs."""
        node = self.analysis.nodes[menu_id]
        assert node is not None
        reader = self.line.speaks(node, node.prompt)  # the language its prompt is in
        open_ = [(position, target, attrs, option_phrases(attrs["option"], node.prompt, self.line.language))
                 for position, (target, attrs) in enumerate(self.analysis.edges_from(menu_id))
                 if attrs["kind"] in CHOICE and attrs.get("option") is not None and target != menu_id
                 and target not in above and attrs["target"].ref != "back"]
        told = telling(self.task.say, [p for *_, a, p in open_ if not a["option"].language], reader)
        found = self._tempting(node, open_, told, reader)
        if told != self.task.say and not any(c.scent for c, *_ in found if c.key not in self._languages(node)):
            found = self._tempting(node, open_, self.task.say, reader)
        found.sort(key=lambda c: (-c[0].scent, c[2]))
        if not found and any(o.language for o in node.options):
            return self._waits(node, above)
        return self._fullest_first([(choice, attrs) for choice, attrs, _ in found])

    @staticmethod
    def _languages(node: Node) -> set[str]:
        return {o.key for o in node.options if o.language}

    def _tempting(self, node: Node, open_: list[tuple[int, str, dict, list[str]]], words: str,
                  reader: Language) -> list[tuple[Choice, dict, int]]:
        """The options whose scent for `words` reaches `min_scent`, with the place the prompt offers each."""
        offered = {o.key: i for i, o in enumerate(self.line.language.offers(node.prompt))}
        found = []
        for position, target, attrs, phrases in open_:
            option: Option = attrs["option"]
            if option.language:  # a choice of language: the caller's own, or nothing to them
                value = 1.0 if _base(option.language) == self.speaks else 0.0
            elif excludes(self.task.say, phrases, reader):
                value = 0.0
            else:
                value = max((self.scent(words, phrase, reader) for phrase in phrases), default=0.0)
            if value >= self.settings.min_scent:
                choice = Choice(node.id, option.key, option.label or option.key, round(value, 3), target,
                                coverage(words, phrases, reader))
                found.append((choice, attrs, offered.get(option.key, len(offered) + position)))
        return found

    def _fullest_first(self, found: list[tuple[Choice, dict]]) -> list[tuple[Choice, dict]]:
        """Of the options that tempt as much as the best, the one whose words meet clearly more of
        the caller's errand first (a caller weighs all they heard of an option, not one phrase)."""
        if not found:
            return found
        margin, first = self.settings.tie_margin, found[0][0]
        near = [c for c in found if first.scent - c[0].scent <= margin]
        fullest = max(near, key=lambda c: c[0].cover)
        if fullest[0].cover - first.cover > margin:
            found.remove(fullest)
            found.insert(0, fullest)
        return found

    def _waits(self, node: Node, above: set[str]) -> list[tuple[Choice, dict]]:
        """A choice of language that offers nothing in the caller's language: they wait for the
        menu to go on (to the line's own language, as a rule)."""
        for kind in _WAITING:
            for target, attrs in self.analysis.edges_from(node.id):
                if attrs["kind"] == kind and target != node.id and target not in above:
                    return [(Choice(node.id, WAIT, "no key pressed", 1.0, target), attrs)]
        return []

    def _note_tie(self, choice: Choice, left: list[tuple[Choice, dict]]) -> None:
        """A rival as tempting as the choice, where one leads towards the goal and the other does not."""
        if self.tied is not None:
            return
        right, margin = choice.target in self.towards, self.settings.tie_margin
        for rival, _ in left:
            if choice.scent - rival.scent > margin:
                break
            if choice.cover - rival.cover > margin:  # the choice speaks to clearly more of the errand
                continue
            if (rival.target in self.towards) != right and not self._person(choice if not right else rival):
                self.risk = self.risk or "tie"
                self.tied, self.tied_right = (choice, rival) if not right else (rival, choice)
                return

    def _person(self, choice: Choice) -> bool:
        """Whether an option puts the caller through to a person, who can help them on."""
        return self.reaches_person(choice.target)

    def reaches_person(self, node_id: str | None) -> bool:
        """Whether a caller at `node_id` is put through to a person with no further choice."""
        return (node := self._onward(node_id)) is not None and node.is_person

    def _onward(self, node_id: str | None) -> Node | None:
        """Where a caller at `node_id` ends up with no further choice (past messages, branches and
        inputs): a person, a menu, another end (a closing message); None on a loop."""
        seen: set[str] = set()
        while node_id is not None and node_id not in seen:
            seen.add(node_id)
            node = self.analysis.nodes.get(node_id)
            onward = next((t for t, a in self.analysis.edges_from(node_id) if a["kind"] in ROUTING), None)
            if node is None or node.is_person or node.type not in PASSED_THROUGH or onward is None:
                return node
            node_id = onward
        return None

    def _back_out(self, frames: list[tuple[str, list[tuple[Choice, dict]]]]) -> str | None:
        """Nothing left to try here: hear the menu out and press its way back, else press 0 for a
        person, else give up."""
        menu_id, _ = frames.pop()
        node = self.analysis.nodes[menu_id]
        assert node is not None
        self.seconds += self.line.clock.prompt(node)
        ups = {f for f, _ in frames}
        way = next(((t, a) for t, a in self.analysis.edges_from(menu_id)
                    if a["kind"] in CHOICE and t in ups), None)
        if way is None:  # no key leads back: 0 for a person, or hang up and call again
            return self._zero(node)
        self.backed = True
        self.presses.append(way[1]["press"])
        while frames[-1][0] != way[0]:
            frames.pop()
        self.path.append(way[0])
        return way[0]

    def _zero(self, node: Node) -> str | None:
        """The person 0 puts a caller through to, who found nothing else to press; without such a 0,
        where the menu's silence route takes a caller who waits (when it leads on to an end, not into
        the menus again); None (they give up) with neither."""
        for target, attrs in self.analysis.edges_from(node.id):
            if attrs["kind"] in CHOICE and attrs.get("press") == "0" and self.reaches_person(target):
                self.presses.append("0")
                return self._settle(target)
        for choice, attrs in self._waits(node, set()):
            end = self._onward(choice.target)
            if end is not None and end.type is not NodeType.MENU:  # to an end, not into the menus again
                self.taken.append(choice)
                self.presses.append(WAIT)
                self.seconds += self.line.clock.edge(node, attrs)
                return self._settle(choice.target)
        self.risk = self.risk or "no scent"
        return None

    def misleading(self) -> Choice | None:
        """The first choice that left every way to the goal, else the rival of a tie."""
        return next((c for c in self.taken if c.target not in self.towards), None) or self.tied


def _base(code: str) -> str:
    """A language code without its region: "en-US" -> "en"."""
    return code.split("-")[0].split("_")[0].lower()
