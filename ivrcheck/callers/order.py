"""Most popular first: the seconds an average caller saves when a menu offers its options by weight.

A caller can press their key once the prompt has said what it is for (language.seconds_until),
so every option offered before theirs costs them its sentence. With `weight:` (the share of
callers who pick each option), the expected wait is the weighted mean of those times; it is
smallest when the prompt offers the options most popular first. The universal keys (`0`,
`*`, `#`) and dial-by-extension keep their places at the end (or where they are): callers
learn them as fixed points, and callers who know an extension dial through any prompt. A
choice of language (an option with `language:`) keeps its place too: it belongs before the
tasks, spoken in its own language, whatever its share (rule L305).
"""

from __future__ import annotations

from typing import Any, Sequence

from ivrcheck.language import EXTENSION, Language
from ivrcheck.model import UNIVERSAL_KEYS, Node, Option
from ivrcheck.records import record


@record
class Reorder:
    """A menu's options in their popular-first order, and what that saves the average caller."""

    menu: str
    seconds_now: float
    seconds_then: float
    #: (key now, key proposed, option, share of callers) in the proposed order, universal keys last.
    order: tuple[tuple[str, str, Option, float], ...]
    #: How the task options' shares rise along the prompt (Kendall's tau of position against share):
    #: 1 when every option is at least as popular as the one before, -1 most popular first.
    rising: float = 0.0
    #: How many task options were ranked.
    tasks: int = 0
    #: `rising` of the task options after the first: whether demand rises along the prompt even
    #: when the one option put first (an emergency, a safety line) is left out.
    rising_after_first: float = 0.0

    @property
    def saving(self) -> float:
        return round(self.seconds_now - self.seconds_then, 1)

    def describe(self) -> str:
        """ `1 Billing (40%), 2 Faults (25%), then 0, *` """
        tasks = [f'{new} {o.label or o.key} ({share:.0%})' for _, new, o, share in self.order
                 if o.key not in UNIVERSAL_KEYS]
        rest = [o.key for _, _, o, _ in self.order if o.key in UNIVERSAL_KEYS]
        return ", ".join(tasks) + (f", then {', '.join(rest)}" if rest else "")


def shares(node: Node) -> dict[str, float]:
    """Each option's share of callers: its `weight`; what the weights leave is spread over the unweighted
    task options (or, with none, over the other unweighted options that go somewhere); normalised to 1."""
    given = {o.key: o.weight for o in node.options if o.weight is not None}
    if not given:
        return {}
    open_keys = [o.key for o in node.options if o.weight is None and o.key not in UNIVERSAL_KEYS and o.kind == "dtmf"]
    if not open_keys:  # what the weights leave goes to the other unweighted ways on (a person on 0)
        open_keys = [o.key for o in node.options if o.weight is None and o.key not in ("*", "#")
                     and o.target is not None and not o.target.is_builtin and o.target.ref != node.id]
    rest = max(0.0, 1.0 - sum(given.values()))
    found = {**given, **{k: rest / len(open_keys) for k in open_keys}} if open_keys else dict(given)
    total = sum(found.values())
    return {k: v / total for k, v in found.items()} if total > 0 else {}


def split(node: Node | None, edges: Sequence[tuple[str, dict[str, Any]]]) -> list[float]:
    """How the callers in a menu divide over these ways on (choice edges): by `shares` where the
    menu gives weights, else equally. The one split of callers: the weighted times (timing.py)
    and the traffic over tasks (traffic.py) both read it. All 0 when the weights leave none."""
    weighted = shares(node) if node is not None else {}
    if not weighted:
        return [1.0 / len(edges)] * len(edges) if edges else []
    raw = [weighted.get(attrs.get("press", ""), 0.0) for _, attrs in edges]
    total = sum(raw)
    return [r / total for r in raw] if total > 0 else [0.0] * len(edges)


def reorder(node: Node, language: Language) -> Reorder | None:
    """The popular-first order of a weighted menu whose prompt offers every option once, else None."""
    weights = shares(node)
    prompt = node.prompt
    offers = language.offers(prompt)
    options = {o.key: o for o in node.options}
    keys = [o.key for o in offers]
    # A choice of language stays where it is: it must come before the tasks, in its own language (L305).
    movable = [k for k in keys
               if k in options and k not in UNIVERSAL_KEYS and k != EXTENSION and not options[k].language]
    if not weights or prompt is None or len(set(keys)) != len(keys) or len(movable) < 2:
        return None
    if any(o.key not in keys for o in node.options if o.key in weights):
        return None
    starts = [o.start for o in offers] + [len(prompt)]
    segment = {o.key: prompt[starts[i]: starts[i + 1]] for i, o in enumerate(offers)}
    ready = {o.key: o.ready - o.start for o in offers}
    # Task options by weight (stable), then every other offer in its current order.
    ranked = sorted(movable, key=lambda k: -weights.get(k, 0.0))
    fixed_first = [k for k in keys if (k == EXTENSION or (k in options and options[k].language))
                   and keys.index(k) < keys.index(movable[0])]
    tail = [k for k in keys if k not in ranked and k not in fixed_first]
    proposed = fixed_first + ranked + tail
    now = _mean_wait(prompt[: starts[0]], keys, segment, ready, weights, language)
    then = _mean_wait(prompt[: starts[0]], proposed, segment, ready, weights, language)
    numbers = sorted(movable)
    renamed = dict(zip(ranked, numbers)) if all(k.isdigit() for k in numbers) else {k: k for k in ranked}
    order = tuple((k, renamed.get(k, k), options[k], weights.get(k, 0.0)) for k in proposed if k in options)
    in_order = [weights.get(k, 0.0) for k in movable]
    return Reorder(node.id, round(now, 2), round(then, 2), order, _rising(in_order), len(movable),
                   _rising(in_order[1:]))


def _rising(shares_in_order: list[float]) -> float:
    """Kendall's tau (tau-a) of position against share: pairs in rising order less pairs in falling order,
    over all pairs. Ties count neither way."""
    pairs = [(a, b) for i, a in enumerate(shares_in_order) for b in shares_in_order[i + 1:]]
    if not pairs:
        return 0.0
    return round(sum((b > a) - (b < a) for a, b in pairs) / len(pairs), 2)


def _mean_wait(preamble: str, keys: list[str], segment: dict[str, str], ready: dict[str, int],
               weights: dict[str, float], language: Language) -> float:
    """Weighted mean seconds until each caller's option has been offered, for one order of the offers."""
    total, spoken = 0.0, preamble
    for key in keys:
        # Joined with a space: the prompt's last sentence may end without one.
        total += weights.get(key, 0.0) * language.seconds(f"{spoken} {segment[key][: ready[key]]}")
        spoken = f"{spoken} {segment[key]}"
    return total
