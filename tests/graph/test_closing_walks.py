"""The closing walks weigh every menu once per state and remember what they learn; the answers are those
of walking each menu afresh, with nothing remembered (the oracle below), on random lines."""

from __future__ import annotations

import random

from ivrcheck.graph import analyse
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.graph.closing import _settle_all, _upward, closing_choice, closing_menu
from ivrcheck.model import NodeType
from ivrcheck.reading import menu_text
from tests.graph.test_long_walks import menu_chain


def _settled(analysis, node_id: str) -> str:
    """Where a call at `node_id` goes on by itself through messages and branches, walked afresh."""
    passed: set[str] = set()
    while node_id not in passed:
        passed.add(node_id)
        node = analysis.nodes.get(node_id)
        if node is None or node.type not in (NodeType.MESSAGE, NodeType.BRANCH):
            return node_id
        onward = [t for t, a in analysis.edges_from(node_id) if a["kind"] in ROUTING]
        if not onward:
            return node_id
        node_id = onward[0]
    return node_id


def _fresh_walk(line, analysis, node_id: str, seen: set[str]) -> bool:
    """Every choice of the menu winds up, walked depth first with nothing remembered between walks."""
    choices = [(t, a) for t, a in analysis.edges_from(node_id) if a["kind"] in CHOICE and t != node_id
               and _settled(analysis, t) != node_id]  # a replay that comes back through messages is a repeat
    if not any(_upward(line, analysis, node_id, _settled(analysis, t)) for t, _ in choices):
        return False
    for target, attrs in choices:
        if not _fresh_step(line, analysis, node_id, target, seen):
            node = analysis.nodes.get(target)
            if not (attrs.get("press") == "0" and node is not None and node.is_person):
                return False
    return True


def _fresh_step(line, analysis, source: str, target: str, seen: set[str]) -> bool:
    target = _settled(analysis, target)
    node = analysis.nodes.get(target)
    if node is None or target in seen:
        return False
    if _upward(line, analysis, source, target):
        return True
    if node.type is NodeType.HANGUP or (node.type is NodeType.MESSAGE and not analysis.edges_from(target)):
        return True
    if node.type is not NodeType.MENU or not node.options:
        return False
    seen.add(target)
    return _fresh_walk(line, analysis, target, seen)


def _random_line(rng: random.Random) -> str:
    menus = [f"m{i}" for i in range(rng.randint(2, 9))]
    ends = ["bye", "p", "note", "say"]
    lines = [f"entry: {menus[0]}", "nodes:"]
    for menu in menus:
        lines += [f"  {menu}:", "    prompt: Choose.", "    options:"]
        for number, key in enumerate(rng.sample("01234#", rng.randint(1, 4))):
            target = rng.choice(menus + menus + ends + ["back"])
            lines.append(f'      "{key}": {{label: Choice {number}, goto: {target}}}')
    lines += ["  bye: {type: hangup}", "  p: {type: agent, queue: q}", "  note: {type: message, prompt: Bye.}",
              f"  say: {{type: message, prompt: One moment., next: {rng.choice(menus)}}}", ""]
    return "\n".join(lines)


def _same_answers(text: str, rng: random.Random) -> None:
    menu, _ = menu_text(text)
    line = analyse(menu)
    menus = [n for n in menu.nodes.values() if n.type is NodeType.MENU]
    rng.shuffle(menus)
    for node in menus:  # questions in a random order, choices and menus mixed
        for key in (o.key for o in node.options):
            fresh = all(
                _fresh_step(line, a, node.id, t, {node.id})
                for a in line.states.values() for t, attrs in a.edges_from(node.id)
                if attrs["kind"] in CHOICE and attrs.get("press") == key)
            assert closing_choice(line, node, key) == (fresh and _offered(line, node.id, key)), (text, node.id, key)
        for analysis in line.states.values():
            expected = bool(node.options) and _fresh_walk(line, analysis, node.id, {node.id})
            assert closing_menu(line, analysis, node.id) == expected, (text, node.id)


def _offered(line, node_id: str, key: str) -> bool:
    return any(attrs["kind"] in CHOICE and attrs.get("press") == key
               for a in line.states.values() for _, attrs in a.edges_from(node_id))


def test_remembered_answers_are_the_fresh_walks_answers_on_random_lines() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        _same_answers(_random_line(rng), rng)


def test_a_chain_whose_menus_offer_back_gets_the_fresh_walks_answers() -> None:
    _same_answers(menu_chain(40), random.Random(1))


def test_a_ring_of_menus_each_offering_next_and_back_is_weighed_in_linear_steps() -> None:
    count = 400
    lines = ["entry: m0", "nodes:"]
    for i in range(count):
        lines += [f"  m{i}:", "    prompt: Next, press 1. Back, press 2.", "    options:",
                  f'      "1": {{label: Next, goto: m{(i + 1) % count}}}',
                  f'      "2": {{label: Back, goto: m{(i - 1) % count}}}']
    menu, _ = menu_text("\n".join([*lines, ""]))
    line = analyse(menu)
    calls = 0
    real = line.open.edges_from

    def counted(node_id: str):
        nonlocal calls
        calls += 1
        return real(node_id)

    line.open.edges_from = counted  # type: ignore[method-assign]
    answers = [closing_menu(line, line.open, f"m{i}") for i in range(count)]
    assert calls < 20 * count
    line.open.edges_from = real  # type: ignore[method-assign]
    assert answers == [_fresh_walk(line, line.open, f"m{i}", {f"m{i}"}) for i in range(count)]  # a walk per menu round the ring would be count * count / 2


def test_settling_every_node_on_the_way_gives_each_node_its_own_answer() -> None:
    """Messages in rings, with tails into them and branches off them: `_settle_all` remembers every node it
    passes, and each must settle where walking from it alone settles (a ring's own nodes where they are)."""
    rng = random.Random(11)
    for _ in range(40):
        count = rng.randint(3, 30)
        nodes = [f"  s{i}: {{type: message, prompt: Step., next: s{rng.randrange(count)}}}" for i in range(count)]
        nodes[0] = "  s0: {type: message, prompt: Step., next: m}"
        text = "\n".join(["entry: m", "nodes:", "  m:", "    prompt: Choose.", "    options:",
                          *(f'      "{k}": {{label: Choice {k}, goto: s{rng.randrange(count)}}}' for k in range(1, 5)),
                          *nodes, ""])
        menu, _ = menu_text(text)
        analysis = analyse(menu).open
        settled: dict[str, str] = {}
        for node_id in rng.sample(list(analysis.nodes), len(analysis.nodes)):
            assert _settle_all(analysis, node_id, settled) == _settled(analysis, node_id)
        assert all(settled[n] == _settled(analysis, n) for n in settled)


def test_a_tree_answers_ancestor_questions_as_walking_up_its_parents_does() -> None:
    """`Tree.is_ancestor` reads depth-first spans made once; each answer must be the walk up the parents."""
    rng = random.Random(5)
    for _ in range(60):
        menu, _ = menu_text(_random_line(rng))
        for analysis in analyse(menu).states.values():
            tree = analysis.entry_tree
            for ancestor in tree.parent:
                for node_id in list(tree.parent) + ["nowhere"]:
                    walked, at = False, node_id
                    while at is not None:
                        if at == ancestor:
                            walked = True
                            break
                        link = tree.parent.get(at)
                        at = link[0] if link else None
                    assert tree.is_ancestor(ancestor, node_id) == walked
