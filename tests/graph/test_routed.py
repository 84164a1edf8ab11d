"""What a call is routed on to from each node, summed once per state (graph/routed.py), agrees with a walk."""

import textwrap

from ivrcheck import graph
from ivrcheck.graph.build import CLOSED, ROUTING
from ivrcheck.model import NodeType
from ivrcheck.reading import menu_text


def _line(people: int, last: str) -> str:
    chain = "".join(f"  a{i}: {{type: agent, queue: q{i}, hours: office, closed: {f'a{i + 1}' if i + 1 < people else last}}}\n"
                    for i in range(people))
    return textwrap.dedent("""\
        language: en
        entry: main
        hours:
          office: {mon-fri: "09:00-17:00"}
        nodes:
          main:
            prompt: For a person, press 0. For the after-hours menu, press 2.
            options:
              "0": {label: Person, goto: a0}
              "2": {label: Night, goto: night}
          night:
            prompt: For the person again, press 1.
            options:
              "1": {label: Person, goto: a0}
          bye: {type: message, prompt: We are closed. Goodbye.}
          loop: {type: message, prompt: Please hold., next: loop}
        """) + chain


def _walk(closed, start: str) -> tuple[bool, bool, frozenset[str]]:
    """The summary by a walk from `start` (what only_hangs_up did before)."""
    order = closed.routed_from(start)
    ends = [n for n in order if not [t for t, a in closed.edges_from(n) if a["kind"] in ROUTING]]
    menus = frozenset(n for n in order if (node := closed.nodes.get(n)) is not None and node.type is NodeType.MENU)
    other = any((node := closed.nodes.get(n)) is None or node.type not in (NodeType.HANGUP, NodeType.MESSAGE)
                for n in ends)
    return bool(ends), other, menus


def test_a_chain_of_closed_people_is_summed_as_a_walk_from_each_would() -> None:
    for last in ("bye", "night", "loop"):
        menu, _ = menu_text(_line(30, last), "m.ivr.yaml")
        line = graph.analyse(menu)
        closed = line.states[CLOSED]
        for start in [f"a{i}" for i in range(30)] + ["bye", "night", "loop"]:
            summary = closed.routing[start]
            assert (summary.has_end, summary.other_end, summary.menus) == _walk(closed, start), (last, start)
        assert closed.only_hangs_up("a0") is (last == "bye")  # a ring of messages has no end: not a hang-up


def test_whether_a_call_is_routed_to_a_menu_is_read_off_the_summary_as_the_walk_finds_it() -> None:
    """`routes_to_menu` answers as a walk does, from every node to every node, menu or not."""
    for last in ("bye", "night", "loop"):
        menu, _ = menu_text(_line(12, last), "m.ivr.yaml")
        for analysis in graph.analyse(menu).states.values():
            names = [*analysis.nodes, "nowhere"]
            for start in names:
                walked = set(analysis.routed_from(start))
                for menu_id in names:
                    assert analysis.routes_to_menu(start, menu_id) is (menu_id in walked), (last, start, menu_id)
        closed = graph.analyse(menu).states[CLOSED]
        assert closed.routes_to_menu("a0", "night") is (last == "night")  # the chain's last person falls to it
