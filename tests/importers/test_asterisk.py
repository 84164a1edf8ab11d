"""Asterisk extensions.conf: contexts, extensions, applications, entries, findings and positions."""

from __future__ import annotations

import textwrap

from ivrcheck.importers import asterisk, dialplan
from ivrcheck.load import menu_text
from ivrcheck.model import NodeType
from tests.importers.helpers import check, codes, keys, load, loaded, metrics

DEMO = "asterisk/demo.conf"
ACME = "asterisk/acme-support.conf"
LEGACY = "asterisk/legacy-crlf.conf"


def read(conf: str, entry: str | None = None):
    return menu_text(textwrap.dedent(conf).lstrip(), "extensions.conf", entry=entry)


def test_demo_menu_is_the_waitexten_with_its_context_keys():
    menu = loaded(DEMO)
    assert menu.entry.ref == "demo,s,7"  # Wait, Answer and Set are silent; the prompts lead into WaitExten
    main = menu.nodes["demo,s,7"]
    assert main.type is NodeType.MENU and main.timeout == 10.0
    found = keys(menu, "demo,s,7")
    assert set(found) == {"2", "3", "#", "extension"}
    assert found["3"] == "demo,s,7"  # Goto(s,restart) comes back to the same menu
    assert menu.nodes[found["2"]].type is NodeType.MESSAGE  # BackGround(demo-moreinfo), then the menu again
    assert menu.nodes[found["2"]].next.ref == "demo,s,7"


def test_demo_t_and_i_extensions_are_timeout_and_invalid_routes():
    menu = loaded(DEMO)
    main = menu.nodes["demo,s,7"]
    assert main.on_timeout.ref == "demo,hash,1"  # t -> Goto(#,1)
    assert menu.nodes[main.on_invalid.ref].type is NodeType.MESSAGE  # i -> Playback(invalid)
    assert main.after_retries == main.on_invalid  # no retry counter: the invalid route is where it ends


def test_demo_dial_by_extension_keeps_a_goto_into_a_missing_context():
    menu = loaded(DEMO)
    branch = menu.nodes["demo,s,7:dialled"]
    assert {k: t.ref for k, t in branch.cases}["1000"] == "default,s,1"
    result = check(DEMO)
    assert codes(result, "S101") == [(26, 17)]


def test_demo_metrics():
    found = metrics(loaded(DEMO))
    assert (found["depth"], found["menus"], found["steps_to_human"]) == (1, 1, 1)


def test_acme_needs_an_entry_and_lists_the_candidates():
    menu, findings = load(ACME)
    assert menu is None
    assert [(f.code, f.span.line) for f in findings] == [("F021", 9)]
    assert "from-trunk, billing-menu" in findings[0].message


def test_acme_hours_branch_becomes_a_schedule():
    menu = loaded(ACME, entry="from-trunk")
    branch = menu.nodes[menu.entry.ref]
    assert (branch.type, branch.on) == (NodeType.BRANCH, "hours")
    assert menu.hours[branch.hours] == {"mon-fri": "08:00-18:00"}
    cases = {k: t.ref for k, t in branch.cases}
    assert menu.nodes[cases["open"]].type is NodeType.MENU
    assert menu.nodes[cases["closed"]].type is NodeType.MESSAGE
    assert menu.nodes[menu.nodes[cases["closed"]].next.ref].type is NodeType.VOICEMAIL


def test_acme_keys_include_contexts_and_patterns():
    menu = loaded(ACME, entry="from-trunk")
    assert set(keys(menu, "from-trunk,s,9")) == {"1", "2", "3", "0", "extension"}
    assert menu.nodes["from-trunk,s,9"].timeout == 5.0
    billing = keys(menu, "billing-menu,s,2")
    assert set(billing) == {"1", "2", "0", "*", "9", "#"}  # 9 and # come from `include => common-keys`
    agent = menu.nodes[billing["2"]]
    assert agent.type is NodeType.AGENT and agent.queue is None  # Queue(${SUPPORT_QUEUE})
    labels = {o.key: o.label for o in menu.nodes["from-trunk,s,9"].options}
    assert labels["0"] == "Reception" and labels["1"] == "Billing menu"


def test_acme_findings():
    result = check(ACME, entry="from-trunk")
    assert codes(result, "S101") == [(49, 21), (51, 14)]  # Goto(old-support,s,1): no such context
    assert codes(result, "H203") == [(48, 12)]
    assert codes(result, "R503") == [(32, 12), (52, 14)]  # billing: no i at all; support: i hangs up
    assert codes(result, "R501") == [(32, 12), (48, 12)]  # no t extension: Asterisk hangs up on silence
    opaque = [m.message for m in result.findings if m.code == "F020"]
    assert any("AGI" in m for m in opaque) and any("GotoIf" in m for m in opaque)


def test_acme_read_is_digit_input():
    menu = loaded(ACME, entry="support-menu")
    node = menu.nodes[menu.entry.ref]
    assert (node.type, node.digits, node.retries, node.timeout) == (NodeType.INPUT, 6, 2, 5.0)
    assert menu.nodes[node.next.ref].type is NodeType.BRANCH


def test_legacy_crlf_pipes_and_no_spaces():
    menu = loaded(LEGACY)
    assert menu.entry.ref == "incoming,s,3"
    found = keys(menu, "incoming,s,3")
    assert menu.nodes[found["1"]].type is NodeType.AGENT and menu.nodes[found["1"]].queue == "sales"
    assert menu.nodes[found["0"]].human
    assert menu.nodes["incoming,s,3"].on_timeout.ref == "incoming,s,3"  # t -> Goto(s|2) -> the same menu


def test_unparseable_line_is_f018_with_position():
    menu, findings = read("""
        [ivr]
        exten => s,1,Background(menu)
        this is not dialplan
        exten => 1,
    """)
    assert menu is None
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("F018", 3, 1), ("F018", 4, 10)]


def test_silent_goto_loop_is_a_trap_not_a_hang():
    result = menu_text("[loop]\nexten => s,1,NoOp()\n same => n,Goto(s,1)\n", "x.conf")
    menu = result[0]
    assert menu is not None
    node = menu.nodes[menu.entry.ref]
    assert node.type is NodeType.MESSAGE and node.next.ref == node.id


def test_comments_block_comments_and_escaped_semicolons():
    plan = dialplan.parse("[a]\n;-- [b]\nexten => 1,1,Hangup --;\nexten => s,1,Playback(x\\;y) ; a comment\n")
    assert list(plan.contexts) == ["a"]
    step = plan.contexts["a"].extensions["s"].steps[0]
    assert (step.app, step.span.line, step.span.column) == ("Playback", 4, 14)


def test_detect():
    assert asterisk.detect("[ivr]\nexten=>s,1,Answer()\n", "extensions.conf")
    assert not asterisk.detect("entry: main\nnodes: {}\n", "a.yaml")


def test_labels_follow_their_keys_when_an_included_context_comes_first():
    menu, _ = read("""
        [shared]
        exten => 0,1,Queue(operators)
        [main]
        include => shared
        exten => s,1,Background(main-menu)
         same => n,WaitExten(5)
        exten => 1,1,Queue(sales)
    """)
    labels = {o.key: o.label for o in menu.nodes["main,s,2"].options}
    assert labels == {"0": "Operators", "1": "Sales"}
