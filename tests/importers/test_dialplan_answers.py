"""What a dialplan context answers: its own extensions, then its includes', depth first (Asterisk's order)."""

from __future__ import annotations

import textwrap

import pytest

from ivrcheck.importers import dialplan

PLAN = textwrap.dedent("""
    [top]
    include => left
    include => right
    exten => s,1,Answer()
    [left]
    include => deep
    exten => 1,1,Playback(left-one)
    [deep]
    exten => 2,1,Playback(deep-two)
    [right]
    exten => 1,1,Playback(right-one)
    exten => 2,1,Playback(right-two)
    exten => 3,1,Playback(right-three)
    [loop-a]
    include => loop-b
    exten => 1,1,Playback(a-one)
    [loop-b]
    include => loop-a
    exten => 1,1,Playback(b-one)
    exten => 2,1,Playback(b-two)
    """)


def answered(plan: dialplan.Dialplan, context: str) -> dict[str, str]:
    return {name: extension.context for name, extension in plan.answers(context).items()}


@pytest.mark.parametrize("budget", [500_000, 0], ids=["kept", "searched-alone"])
def test_own_extensions_first_then_includes_depth_first(budget: int) -> None:
    plan = dialplan.parse(PLAN)
    plan._budget = budget
    # "2" comes from deep (under left, the first include), not from right, though right is nearer.
    assert answered(plan, "top") == {"s": "top", "1": "left", "2": "deep", "3": "right"}
    assert answered(plan, "left") == {"1": "left", "2": "deep"}


@pytest.mark.parametrize("budget", [500_000, 0], ids=["kept", "searched-alone"])
def test_an_include_loop_is_searched_once_from_either_end(budget: int) -> None:
    plan = dialplan.parse(PLAN)
    plan._budget = budget
    assert answered(plan, "loop-a") == {"1": "loop-a", "2": "loop-b"}
    assert answered(plan, "loop-b") == {"1": "loop-b", "2": "loop-b"}


def test_a_chain_whose_contexts_add_names_of_their_own_is_searched_alone_past_the_budget() -> None:
    count = 2_000
    text = "".join(f"[c{i}]\ninclude => c{i + 1}\nexten => {1000 + i},1,Playback(x)\n" for i in range(count))
    plan = dialplan.parse(text)
    plan._budget = 50_000  # kept answers would hold count * count / 2 entries
    assert len(plan.answers("c0")) == dialplan._SEARCHED  # as far as Asterisk searches
    assert len(plan.answers(f"c{count - 10}")) == 10
    assert sum(len(found) for found in plan._answers.values()) < 60_000 + 2 * dialplan._SEARCHED


def test_a_missing_include_adds_nothing() -> None:
    plan = dialplan.parse("[a]\ninclude => nowhere\nexten => 1,1,Hangup()\n")
    assert answered(plan, "a") == {"1": "a"}
    assert plan.answers("nowhere") == {}


@pytest.mark.parametrize("text, limit, parts", [
    ("s,1,Background(menu0)", 3, ["s", "1", "Background(menu0)"]),
    ("a,b,c,d", 3, ["a", "b", "c,d"]),
    ("a,b,", 3, ["a", "b", ""]),
    ("a,b", 1, ["a,b"]),
    ("menu,s,1", 0, ["menu", "s", "1"]),
    # A quote or bracket before the last split keeps its commas together: the careful read.
    ('"a,b",c,d', 3, ['"a,b"', "c", "d"]),
    ("_X.(1,2),1,Goto(x)", 3, ["_X.(1,2)", "1", "Goto(x)"]),
    ("${IF($[1,2]?a:b)},c", 0, ["${IF($[1,2]?a:b)}", "c"]),
    # A closing bracket at depth 0 changes nothing: the plain split stands.
    ("a),b,c", 0, ["a)", "b", "c"]),
])
def test_split_reads_commas_outside_quotes_and_brackets(text: str, limit: int, parts: list[str]) -> None:
    assert dialplan._split(text, limit) == parts
