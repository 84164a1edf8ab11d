"""The score's guarantees on generated phone lines: fixes never lower it, size alone never lowers it."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import check

TOPICS = ["balances", "payments", "statements", "cards", "loans", "savings", "insurance", "pensions",
          "mortgages", "transfers", "deposits", "investments"]
COPIES = [f"{a} {b}" for a in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
                                "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
                                "sierra", "tango") for b in ("north", "south")]

menu_spec = st.fixed_dictionaries({
    "topics": st.lists(st.sampled_from(TOPICS), min_size=1, max_size=4, unique=True),
    "announced": st.lists(st.booleans(), min_size=4, max_size=4),
    "timeout": st.booleans(),
    "invalid": st.booleans(),
    "after": st.sampled_from(["agent", "bye", None]),
    "zero": st.sampled_from(["announced", "hidden", None]),
    "repeat": st.booleans(),
})
line_spec = st.fixed_dictionaries({"main": menu_spec, "subs": st.lists(menu_spec, max_size=3)})


def build(spec: dict[str, Any], copies: int = 1) -> dict[str, Any]:
    """A line as YAML data: behind a data branch, `copies` copies of the same design, labels kept distinct."""
    nodes: dict[str, Any] = {}
    cases = {}
    for c in range(copies):
        tag = COPIES[c]
        sid = tag.replace(" ", "_")
        subs = [f"sub{i}_{sid}" for i in range(len(spec["subs"]))]
        menus = [(f"main_{sid}", spec["main"], subs), *((s, m, []) for s, m in zip(subs, spec["subs"]))]
        for menu_id, m, children in menus:
            nodes[menu_id] = _menu(menu_id, m, children, tag, sid)
        nodes[f"agent_{sid}"] = {"type": "agent"}
        nodes[f"task_{sid}"] = {"type": "self_service"}
        cases[sid] = f"main_{sid}"
    if any(m["after"] == "bye" for m in (spec["main"], *spec["subs"])):
        nodes["bye"] = {"type": "hangup"}
    nodes["route"] = {"type": "branch", "on": "data", "cases": cases, "default": f"main_{COPIES[0].replace(' ', '_')}"}
    return {"entry": "route", "nodes": nodes}


def _menu(menu_id: str, m: dict[str, Any], children: list[str], tag: str, sid: str) -> dict[str, Any]:
    options: dict[str, Any] = {}
    offers = []
    for k, topic in enumerate(m["topics"], 1):
        label = f"{topic.capitalize()} {tag}"
        target = children[k - 1] if k - 1 < len(children) else f"task_{sid}"
        options[str(k)] = {"label": label, "goto": target}
        if m["announced"][k - 1]:
            offers.append(f"For {label.lower()}, press {k}.")
    if m["zero"]:
        options["0"] = {"label": "Speak to an agent", "goto": f"agent_{sid}"}
        if m["zero"] == "announced":
            offers.append("To speak to an agent, press 0.")
    if m["repeat"]:
        options["*"] = {"label": "Repeat these options", "goto": "repeat"}
        offers.append("To hear these options again, press star.")
    node: dict[str, Any] = {"prompt": " ".join(offers) or "Please make a choice.", "options": options}
    if m["timeout"]:
        node["on_timeout"] = "repeat"
    if m["invalid"]:
        node["on_invalid"] = "repeat"
    if m["after"]:
        node["after_retries"] = f"agent_{sid}" if m["after"] == "agent" else "bye"
    return node


def score(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    result = check(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert result.score is not None, [f.text for f in result.findings]
    return result


def fixes(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every single fix a rule's help asks for that applies to this line, as a new spec."""
    found = []
    for where, m in [("main", spec["main"]), *((i, s) for i, s in enumerate(spec["subs"]))]:
        def changed(**change: Any) -> dict[str, Any]:
            new = copy.deepcopy(spec)
            target = new["main"] if where == "main" else new["subs"][where]
            target.update(change)
            return new
        if not m["timeout"]:
            found.append((f"R501 {where}", changed(timeout=True)))
        if not m["invalid"]:
            found.append((f"R502 {where}", changed(invalid=True)))
        if m["after"] != "agent":
            found.append((f"R503 {where}", changed(after="agent")))
        if not m["repeat"]:
            found.append((f"R505 {where}", changed(repeat=True)))
        if m["zero"] != "announced":
            found.append((f"H203/P401 {where}", changed(zero="announced")))
        for k in range(len(m["topics"])):
            if not m["announced"][k]:
                announced = list(m["announced"])
                announced[k] = True
                found.append((f"P401 {where} {k + 1}", changed(announced=announced)))
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_spec)
def test_fixing_a_finding_as_its_help_says_never_lowers_the_score(spec: dict[str, Any]) -> None:
    before = score(build(spec)).score
    for name, fixed in fixes(spec):
        assert score(build(fixed)).score >= before, name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_spec, st.integers(2, 12))
def test_a_larger_line_of_the_same_design_scores_the_same(spec: dict[str, Any], copies: int) -> None:
    one, many = score(build(spec)), score(build(spec, copies))
    assert abs(one.score - many.score) <= 1, (one.breakdown, many.breakdown)


WELL_MADE = {
    "main": {"topics": ["balances", "payments", "cards", "loans"], "announced": [True] * 4, "timeout": True,
             "invalid": True, "after": "agent", "zero": "announced", "repeat": True},
    "subs": [{"topics": ["statements", "transfers"], "announced": [True] * 4, "timeout": True, "invalid": True,
              "after": "agent", "zero": "announced", "repeat": True}] * 4,
}


def test_200_well_made_menus_score_like_20() -> None:
    twenty, two_hundred = score(build(WELL_MADE, 4)), score(build(WELL_MADE, 40))
    assert len([n for n in build(WELL_MADE, 40)["nodes"] if n.startswith(("main", "sub"))]) == 200
    assert twenty.score == two_hundred.score == 100
