"""The one builder (importers/steps.py): what a menu is and what a person is, decided once for every importer."""

from __future__ import annotations

from ivrcheck.findings import Span
from ivrcheck.importers.common import Flow
from ivrcheck.importers.steps import Exit, Kind, Step, Way, steps_to_menu
from ivrcheck.model import NodeType, Target

AT = Span(1, 1)
MAIN = Target("main", AT)


def built(*steps: Step) -> Flow:
    flow = Flow("f.json", "test flow")
    steps_to_menu(flow, list(steps))
    return flow


def test_a_choice_is_a_menu_even_without_options_and_a_typed_value_an_input() -> None:
    flow = built(Step("ask", Kind.ASK, AT, [Way(Exit.KEY, MAIN, AT, "1", "Sales"), Way(Exit.SPEECH, MAIN, AT, "help")]),
                 Step("empty", Kind.ASK, AT),
                 Step("account", Kind.ENTRY, AT, [Way(Exit.ENTERED, MAIN, AT)], digits=8))
    ask = flow.nodes["ask"]
    assert ask.type is NodeType.MENU and [(o.key, o.kind, o.label) for o in ask.options] == [
        ("1", "dtmf", "Sales"), ("help", "speech", None)]
    assert flow.nodes["empty"].type is NodeType.MENU and flow.nodes["empty"].options == ()  # S103 reports it
    account = flow.nodes["account"]
    assert (account.type, account.digits, account.next) == (NodeType.INPUT, 8, MAIN)


def test_running_out_of_retries() -> None:
    timeout, invalid = Way(Exit.TIMEOUT, MAIN, AT), Way(Exit.INVALID, Target("help", AT), AT)
    flow = built(Step("at_once", Kind.ASK, AT, [timeout, invalid], retries=0),  # the failure route at once
                 Step("counted", Kind.ASK, AT, [timeout, invalid], retries=3),  # no route: the call ends
                 Step("declared", Kind.ASK, AT, [timeout, Way(Exit.RETRIES, None, AT)], retries=0))
    assert flow.nodes["at_once"].after_retries == MAIN
    assert flow.nodes["counted"].after_retries is None and flow.nodes["counted"].retries == 3
    assert flow.nodes["declared"].after_retries is None  # declared to nowhere: the call ends


def test_who_answers() -> None:
    flow = built(Step("queue", Kind.QUEUE, AT, queue="sales"),
                 Step("desk", Kind.NUMBER, AT, what="+15550100", names=("Front desk",)),
                 Step("bare", Kind.NUMBER, AT, what="+15550100"),
                 Step("phone", Kind.DEVICE, AT),
                 Step("room", Kind.NOBODY, AT, what="the conference room 3000"),
                 Step("other", Kind.FLOW, AT, what="the billing flow"),
                 Step("later", Kind.CALLBACK, AT))
    nodes = flow.nodes
    assert nodes["queue"].type is NodeType.AGENT and nodes["queue"].is_person
    assert [nodes[n].human for n in ("desk", "bare", "phone", "room", "other")] == [True, None, True, False, None]
    assert nodes["later"].is_promise
    noted = {f.node_id for f in flow.findings if f.code == "F020"}
    assert noted == {"bare", "room", "other"}  # a person needs no note; the unknown and nobody do


def test_a_data_case_routes_once_the_first_written_wins() -> None:
    flow = built(Step("b", Kind.DATA, AT, [Way(Exit.CASE, MAIN, AT, "vip"), Way(Exit.CASE, Target("x", AT), AT, "vip"),
                                          Way(Exit.CASE, None, AT, "lost"), Way(Exit.DEFAULT, Target("y", AT), AT)]))
    assert flow.nodes["b"].cases == (("vip", MAIN),) and flow.nodes["b"].default.ref == "y"
