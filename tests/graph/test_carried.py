"""Facts a call carries along its path: items given (`given_before`) and the language chosen (`language_chosen`)."""

import textwrap

from ivrcheck import graph
from ivrcheck.reading import menu_text

LINE = textwrap.dedent("""
    language: fi
    entry: main
    nodes:
      main:
        prompt: På svenska, tryck 9. Paina 1.
        options:
          "1": {label: Numero, goto: number}
          "9": {label: Svenska, goto: sv_menu, language: sv}
      number:
        type: input
        collects: customer_number
        on_timeout: agent
        next: main
      sv_menu:
        prompt: Tryck 1.
        options:
          "1": {label: Rådgivning, goto: agent}
          "2": {label: Meddelande, goto: message, collects: reason}
      message: {type: message, prompt: Tack., next: end}
      end: {type: hangup}
      agent: {type: agent}
""")


def analysis():
    menu, findings = menu_text(LINE, "m.ivr.yaml")
    assert menu is not None, findings
    return graph.analyse(menu).open


def test_an_item_is_given_along_the_input_edge_only_and_carried_on() -> None:
    given = analysis().given_before
    assert given["main"] == {"customer_number": frozenset({("number", None)})}  # back round the loop
    assert "customer_number" in given["agent"]     # via main -> 9 -> sv_menu -> 1 after giving it
    assert given["number"] == {"customer_number": frozenset({("number", None)})}
    assert given["message"]["reason"] == frozenset({("sv_menu", "2")})
    assert "reason" not in given["agent"]


def test_the_language_in_effect_is_the_last_one_chosen() -> None:
    chosen = analysis().language_chosen
    assert chosen["sv_menu"] == {"sv": frozenset({("main", "9")})}
    assert chosen["message"] == {"sv": frozenset({("main", "9")})}
    assert "main" not in chosen or chosen["main"] == {}
    assert chosen["number"] == {}


def test_lines_that_collect_nothing_and_offer_no_language_pay_nothing() -> None:
    menu, _ = menu_text("entry: a\nnodes:\n  a: {type: agent}\n", "m.ivr.yaml")
    facts = graph.analyse(menu).open  # type: ignore[arg-type]
    assert facts.given_before == {} and facts.language_chosen == {}


def test_routed_from_follows_only_what_the_caller_does_not_choose() -> None:
    assert analysis().routed_from("message") == ["message", "end"]
    assert analysis().routed_from("sv_menu") == ["sv_menu"]


def line_analysis():
    menu, findings = menu_text(LINE, "m.ivr.yaml")
    assert menu is not None, findings
    return menu, graph.analyse(menu)


def test_a_node_reached_with_and_without_a_choice_of_language_speaks_the_lines_language() -> None:
    menu, line = line_analysis()
    # "agent" is reached from the Swedish menu and, with no choice made, from the Finnish input's timeout.
    assert "agent" in line.open.language_chosen and "agent" in line.open.reached_unchosen
    assert line.language_of(menu.nodes["agent"]) == "fi"


def test_a_node_reached_only_after_a_choice_speaks_the_chosen_language() -> None:
    menu, line = line_analysis()
    assert "message" not in line.open.reached_unchosen
    assert line.language_of(menu.nodes["message"]) == "sv"
    assert line.language_of(menu.nodes["number"]) == "fi"  # near miss: never behind the choice


def test_the_language_of_a_node_is_kept_per_id_and_its_own_language_still_wins() -> None:
    """Asked again, the answer is the one kept; a node with a `language:` of its own (one a rule made,
    sharing an id) speaks that, and leaves the kept answer alone."""
    from dataclasses import replace

    menu, line = line_analysis()
    assert line.language_of(menu.nodes["message"]) == "sv"
    assert line._language_of == {"message": "sv"}
    stranger = replace(menu.nodes["message"], language="fi")
    assert line.language_of(stranger) == "fi"
    assert line.language_of(menu.nodes["message"]) == "sv"
    assert line._language_of == {"message": "sv"}
