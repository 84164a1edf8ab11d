"""VoiceXML: menus, choices, forms and fields, handlers, findings and positions."""

from __future__ import annotations

import textwrap

from ivrcheck.importers import voicexml
from ivrcheck.reading import menu_text
from ivrcheck.model import NodeType
from tests.importers.helpers import check, codes, keys, load, loaded, metrics

SPEC = "voicexml/spec-menu.vxml"
BANK = "voicexml/bank-line.vxml"
WEATHER = "voicexml/weather-form.vxml"


def read(xml: str, entry: str | None = None):
    return menu_text(textwrap.dedent(xml).lstrip(), "app.vxml", entry=entry)


def test_spec_menu_numbers_choices_and_spells_out_enumerate():
    menu = loaded(SPEC)
    main = menu.nodes["main"]
    assert keys(menu, "main") == {"1": "sports", "2": "weather", "3": "news"}
    assert next((o.label, o.say) for o in main.options) == ("Sports", ("Sports",))
    assert main.prompt == "Welcome home. Say one of: Sports. Weather. News."
    assert main.on_timeout.ref == "repeat" and main.after_retries.ref == "repeat"  # default handlers reprompt


def test_spec_menu_keys_are_never_announced():
    result = check(SPEC)
    assert codes(result, "P401") == [(9, 5), (10, 5), (11, 5)]
    assert codes(result, "H201") == [(4, 3)]
    assert not codes(result, "S102")


def test_spec_menu_metrics():
    found = metrics(loaded(SPEC))
    assert (found["depth"], found["menus"], found["options"], found["steps_to_human"]) == (1, 1, 3, None)


def test_bank_line_handlers_timeouts_and_labels_from_the_prompt():
    menu = loaded(BANK)
    assert menu.language == "en"
    main = menu.nodes["main"]
    assert (main.timeout, main.retries, main.after_retries.ref) == (6.0, 3, "advisor")  # document-level catch
    assert {o.key: o.label for o in main.options} == {"1": "Your balance", "2": "Cards",
                                                       "0": "Speak to an advisor"}
    assert menu.nodes["advisor"].type is NodeType.TRANSFER and menu.nodes["advisor"].human


def test_bank_line_dtmf_field_with_filled_branches_is_a_menu():
    menu = loaded(BANK)
    cards = menu.nodes["cards"]
    assert cards.type is NodeType.MENU
    assert keys(menu, "cards") == {"1": "lost", "2": "activate"}
    assert cards.retries == 2 and menu.nodes[cards.after_retries.ref].type is NodeType.HANGUP


def test_bank_line_digits_field_is_input_and_leaving_the_document_is_of_unknown_answerer():
    menu = loaded(BANK)
    balance = menu.nodes["balance"]
    assert (balance.type, balance.digits) == (NodeType.INPUT, 8)
    assert menu.nodes[balance.next.ref].person_unknown  # another document decides who answers there


def test_bank_line_findings():
    result = check(BANK)
    assert codes(result, "P402") == [(37, 5)]  # "press 3" with no option 3
    assert codes(result, "H203") == [(37, 5)]
    assert codes(result, "R503") == [(42, 51)]  # two failures disconnect
    assert (32, 21) in codes(result, "F020")
    assert "old_main" not in loaded(BANK).nodes  # the menu inside a comment is ignored
    assert not codes(result, "S102")


def test_weather_form_fields_without_dtmf_grammars_are_inputs():
    menu = loaded(WEATHER)
    assert menu.entry.ref == "weather_info"
    state = menu.nodes["weather_info.state"]
    assert state.type is NodeType.INPUT and state.prompt == "What state?"
    assert menu.nodes["weather_info"].prompt == "Welcome to the weather information service."


def test_namespace_and_entry():
    xml = """
        <vxml xmlns="http://www.w3.org/2001/vxml" version="2.1">
          <form id="a"><block><goto next="#b"/></block></form>
          <menu id="b"><choice dtmf="0" next="#c"/></menu>
          <form id="c"><transfer dest="tel:+358100"/></form>
        </vxml>
    """
    menu, _ = read(xml, entry="b")
    assert menu.entry.ref == "b" and keys(menu, "b") == {"0": "c"}
    menu, findings = read(xml, entry="zz")
    assert menu is None and findings[0].code == "F021" and "a, b, c" in findings[0].help


def test_speech_only_choice_is_a_speech_option():
    menu, _ = read("""
        <vxml version="2.0">
          <menu id="m"><prompt>Say sales or press 1 for support.</prompt>
            <choice next="#s">sales</choice><choice dtmf="1" next="#s">support</choice></menu>
          <form id="s"><transfer dest="tel:1"/></form>
        </vxml>
    """)
    kinds = {o.key: o.kind for o in menu.nodes["m"].options}
    assert kinds == {"sales": "speech", "1": "dtmf"}


def test_not_vxml_root_is_f019():
    menu, findings = menu_text("<html><vxml/></html>", "a.vxml", source_format="voicexml")
    assert menu is None and [f.code for f in findings] == ["F019"]


def test_detect():
    assert voicexml.detect('<?xml version="1.0"?>\n<vxml version="2.0"/>', "a.vxml")
    assert not voicexml.detect("<include><menu name='a'/></include>", "a.xml")


MIXED = "voicexml/mixed-grammar.vxml"


def test_a_field_with_voice_and_dtmf_grammars_is_a_menu():
    menu = loaded(MIXED)
    main = menu.nodes["main"]
    assert main.type is NodeType.MENU
    assert [(o.key, o.kind) for o in main.options][:3] == [("1", "dtmf"), ("2", "dtmf"), ("0", "dtmf")]
    assert {o.key for o in main.options if o.kind == "speech"} == {"payments", "card", "adviser"}


def test_a_form_level_filled_routes_the_field_and_ends_no_call():
    menu = loaded(MIXED)
    assert menu.nodes["account"].next.ref == "main"  # not a hang-up after the account number
    assert keys(menu, "main")["1"] == "payments" and keys(menu, "main")["2"] == "cards"
    assert keys(menu, "main")["0"] == "adviser" and keys(menu, "main")["card"] == "cards"
    assert not any(n.type is NodeType.HANGUP for n in menu.nodes.values())


def test_the_first_menu_after_a_number_field_is_found():
    menu = loaded(MIXED)
    assert menu.nodes[menu.entry.ref].type is NodeType.INPUT and menu.nodes["account"].digits == 8
    assert [m.id for m in menu.menus()][0] == "main"
    assert metrics(menu)["steps_to_human"] == 1


def test_goto_expritem_stays_in_the_document():
    menu, findings = load(MIXED)
    jump = menu.nodes["payments:expritem"]
    assert jump.type is NodeType.BRANCH
    assert {t.ref for _, t in jump.cases} == {"payments", "payments.large", "payments.small"}
    assert not any(n.endswith(":leaves") for n in menu.nodes)


def test_an_inline_gsl_grammar_gives_the_menu_its_keys():
    menu = loaded("voicexml/gsl-grammar.vxml")
    desk = menu.nodes["desk"]
    assert desk.type is NodeType.MENU
    assert keys(menu, "desk")["1"] == "bookings" and keys(menu, "desk")["2"] == "lost"
    assert keys(menu, "desk")["lost property"] == "lost"


def test_a_computed_transfer_is_of_unknown_answerer():
    menu, findings = menu_text('<vxml version="2.1"><form id="f"><transfer name="t" destexpr="lineVar"/></form>'
                               '</vxml>', "x.vxml")
    assert menu.nodes["f"].person_unknown and any(f.code == "F020" and f.node_id == "f" for f in findings)


def test_a_one_digit_field_routed_by_its_filled_is_a_menu():
    menu, _ = read("""
        <vxml version="2.1"><form id="f"><field name="k">
          <grammar mode="dtmf" src="builtin:dtmf/digits?length=1"/>
          <prompt>For sales, press 1. For help, press 2.</prompt>
          <filled><if cond="k == '1'"><goto next="#sales"/><elseif cond="k == '2'"/><goto next="#help"/></if></filled>
        </field></form>
        <form id="sales"><transfer name="t" dest="tel:+15550100"/></form>
        <form id="help"><block>Visit our website.</block></form></vxml>
    """)
    assert menu.nodes["f"].type is NodeType.MENU and keys(menu, "f") == {"1": "sales", "2": "help"}


def test_a_longer_digit_field_routed_by_value_stays_an_input():
    menu, _ = read("""
        <vxml version="2.1"><form id="f"><field name="k">
          <grammar mode="dtmf" src="builtin:dtmf/digits?length=4"/>
          <prompt>Enter your PIN.</prompt>
          <filled><if cond="k == '1234'"><goto next="#ok"/></if></filled>
        </field></form><form id="ok"><block>Welcome.</block></form></vxml>
    """)
    assert menu.nodes["f"].type is NodeType.INPUT
