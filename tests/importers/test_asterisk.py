"""Asterisk extensions.conf: contexts, extensions, applications, entries, findings and positions."""

from __future__ import annotations

import textwrap

from ivrcheck.importers import asterisk, dialplan
from ivrcheck.reading import menu_text
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
    assert "best guess first: from-trunk (named for incoming calls, starts at s); billing-menu (starts at s);" \
        in findings[0].message and "common-keys" not in findings[0].message  # only ever included


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


GOSUB = "asterisk/gosub-hours.conf"


def test_calls_start_at_the_did_extension_never_in_a_macro_or_an_event_extension():
    menu = loaded(GOSUB)
    assert menu.name == "from-pstn"
    assert not any(n.startswith("macro-") for n in menu.nodes)
    assert "from-pstn,h,1" not in menu.nodes


def test_a_context_without_s_starts_at_its_pattern_extension():
    menu, findings = read("""
        [internal]
        exten => h,1,Hangup()
        exten => _1XX,1,Playback(custom/hello)
         same => n,Hangup()
        [macro-screen]
        exten => s,1,Playback(custom/screening)
    """)
    assert menu is not None, findings
    assert menu.entry.ref == "internal,_1XX,1"


def test_an_ambiguous_start_lists_only_contexts_a_call_can_arrive_in():
    menu, findings = read("""
        [phones]
        exten => _1XX,1,Dial(PJSIP/${EXTEN})
        [from-trunk]
        exten => s,1,Playback(custom/hello)
        [events-only]
        exten => h,1,Hangup()
        [macro-x]
        exten => s,1,NoOp()
    """)
    assert menu is None
    message = next(f.message for f in findings if f.code == "F021")
    assert "best guess first: from-trunk (named for incoming calls, starts at s); phones (starts at _1XX)" in message
    assert "events-only" not in message and "macro-x" not in message


def test_gosub_into_a_time_check_that_returns_goes_on_after_the_gosub():
    menu = loaded(GOSUB)
    check_hours = menu.nodes[menu.entry.ref]
    assert check_hours.type is NodeType.BRANCH and check_hours.on == "hours"
    weekend = menu.nodes[dict(check_hours.cases)["open"].ref]
    assert dict(weekend.cases)["open"].ref == "from-pstn,39100200,3"  # back after the Gosub
    assert not any(n.type is NodeType.SELF_SERVICE for n in menu.nodes.values())


def test_gotoiftime_that_names_the_closed_hours_keeps_open_on_the_other_route():
    menu = loaded(GOSUB)
    first = menu.nodes[menu.entry.ref]
    assert dict(first.cases)["closed"].ref == "sub-office-hours,after-hours,1"
    assert menu.hours[first.hours] == {"mon-fri": "08:30-17:30"}
    weekend = menu.nodes[dict(first.cases)["open"].ref]
    assert menu.hours[weekend.hours] == {"mon-fri": "00:00-24:00"}
    result = check(GOSUB)
    assert result.metrics["by_state"]["open"]["steps_to_human"] == 1


def test_gotoiftime_named_open_keeps_its_polarity():
    menu, _ = read("""
        [from-trunk]
        exten => s,1,GotoIfTime(09:00-17:00,mon-fri,*,*?open)
         same => n,Hangup()
         same => n(open),Queue(desk)
    """)
    branch = menu.nodes[menu.entry.ref]
    assert dict(branch.cases)["open"].ref == "from-trunk,s,3"


def test_background_with_no_key_to_press_then_goto_is_an_announcement():
    menu = loaded(GOSUB)
    greeting = menu.nodes["from-pstn,39100200,3"]
    assert greeting.type is NodeType.MESSAGE and greeting.next.ref == "firm-menu,s,2"
    assert [n.id for n in menu.menus()] == ["firm-menu,s,2"]


def test_goto_with_exten_follows_the_key_pressed():
    menu = loaded(GOSUB)
    found = keys(menu, "firm-menu,s,2")
    assert (found["1"], found["2"]) == ("departments,1,1", "departments,2,1")
    assert menu.nodes["departments,1,1"].type is NodeType.AGENT


def test_a_dial_to_a_computed_extension_is_not_counted_as_a_person():
    menu, findings = read("""
        [from-trunk]
        exten => s,1,Read(EXT,custom/enter-extension,3)
         same => n,Dial(PJSIP/${EXT},20)
    """)
    dial = next(n for n in menu.nodes.values() if n.type is NodeType.TRANSFER)
    assert dial.human is False and any(f.node_id == dial.id and f.code == "F020" for f in findings)


def test_a_dial_that_the_dialplan_goes_on_after_keeps_the_no_answer_route():
    menu, _ = read("""
        [from-trunk]
        exten => s,1,Answer()
         same => n,Dial(PJSIP/frontdesk,15)
         same => n,Background(custom/menu)
         same => n,WaitExten(5)
        exten => 1,1,Queue(sales)
    """)
    ring = menu.nodes[menu.entry.ref]
    assert ring.type is NodeType.BRANCH
    assert menu.nodes[dict(ring.cases)["answered"].ref].human
    assert menu.nodes[ring.default.ref].type is NodeType.MENU


def test_a_dial_that_ends_the_extension_stays_a_person():
    menu, _ = read("""
        [from-trunk]
        exten => s,1,Answer()
         same => n,Dial(PJSIP/frontdesk,15)
         same => n,Hangup()
    """)
    assert menu.nodes[menu.entry.ref].type is NodeType.TRANSFER and menu.nodes[menu.entry.ref].human


def _chain(contexts: int, own: int) -> str:
    """Contexts each including the next, each a menu with `own` extensions of its own."""
    return "".join(f"[c{i}]\ninclude => c{i + 1}\nexten => s,1,Background(menu{i})\n same => n,WaitExten(5)\n"
                   + "".join(f"exten => {i}{j:02},1,Goto(c{i + 1},s,1)\n" for j in range(own))
                   for i in range(contexts)) + f"[c{contexts}]\nexten => 9,1,Queue(ops)\n"


def test_includes_that_would_make_millions_of_options_refuse_the_file_with_the_limit():
    menu, found = read(_chain(300, 20), entry="c0")
    assert menu is None
    refused = [f for f in found if f.code == "F019"]
    assert len(refused) == 1
    assert "answer more than 73,010 extensions in all (10 times its own 6,301, plus 10,000)" in refused[0].message
    assert (refused[0].span.line, refused[0].span.column) == (1, 2)  # [c0], whose search through includes spent it


def test_a_long_chain_of_includes_within_the_limit_is_read_whole():
    # Near miss: the same chain with fewer extensions of its own stays within ten times the file's own
    menu, found = read(_chain(60, 2), entry="c0")
    assert menu is not None and "F019" not in {f.code for f in found}
    entry_menu = next(n for n in menu.nodes.values() if n.id.startswith("c0,s") and n.type is NodeType.MENU)
    by_key = {o.key: o for o in entry_menu.options}
    assert set(by_key) == {"extension", "9"}  # the last context's Queue is a key of every menu before it
    assert len(menu.nodes[by_key["extension"].target.ref].cases) == 60 * 2  # every context's own extensions


def _playbacks(count: int, between: str = "") -> str:
    steps = "".join(f" same => n(l{i}),Playback(p{i})\n" for i in range(count))
    return (f"[main]\nexten => s,1,Answer()\n{steps}{between} same => n,WaitExten(5)\n"
            "exten => 1,1,Goto(s,l3)\nexten => 0,1,Queue(ops)\n")


def test_a_run_of_prompts_into_a_waitexten_is_one_menu_from_any_step_of_it():
    # Each prompt's run used to be scanned again from every step: 25,000 Playbacks took minutes (issue 23).
    menu, _ = read(_playbacks(3000))
    wait = next(n for n in menu.nodes.values() if n.type is NodeType.MENU)
    assert wait.id == menu.entry.ref == "main,s,3002"
    assert keys(menu, wait.id)["1"] == wait.id  # Goto into the middle of the prompts is the same menu


def test_a_step_that_waits_for_nothing_ends_the_run_of_prompts():
    # Near miss: a Queue between the prompts and the WaitExten: the prompts are messages, not the menu's.
    menu, _ = read(_playbacks(5, between=" same => n,Queue(ops)\n"))
    first = menu.nodes[menu.entry.ref]
    assert first.type is NodeType.MESSAGE and menu.nodes[first.next.ref].type is NodeType.MESSAGE
