"""L302 vague-label: an option label that names no task."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(language: str, label: str) -> str:
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: For one, press 1. For two, press 2.
            options:
              "1": {{label: {label}, goto: advisor}}
              "2": {{label: Billing, goto: billing}}
          billing: {{type: self_service}}
          advisor: {{type: agent}}
        """


CASES = [
    ("en other", menu("en", "Other"), [At("L302", 7, 20)]),
    ("en general enquiries", menu("en", "General enquiries"), [At("L302", 7, 20)]),
    ("en more options", menu("en", "More options"), [At("L302", 7, 20)]),
    ("en all other questions (stop words too)", menu("en", "All of the other questions"), [At("L302", 7, 20)]),
    ("en fixed: names the task", menu("en", "Moving home"), []),
    ("en near miss: one task word among vague ones", menu("en", "Account information"), []),
    ("en near miss: customer service is a person, not vague", menu("en", "Customer service"), []),
    ("fi muut asiat", menu("fi", "Muut asiat"), [At("L302", 7, 20)]),
    ("fi inflected: muissa asioissa", menu("fi", "Muissa asioissa"), [At("L302", 7, 20)]),
    ("fi yleiset kysymykset", menu("fi", "Yleiset kysymykset"), [At("L302", 7, 20)]),
    ("fi fixed: names the task", menu("fi", "Muuttoilmoitukset"), []),
    ("fi near miss: a compound with a vague last part", menu("fi", "Muuttoasiat"), []),
    ("fi near miss: asiakaspalvelu is a person", menu("fi", "Asiakaspalvelu"), []),
    ("es otros", menu("es", "Otros"), [At("L302", 7, 20)]),
    ("es más opciones", menu("es", "Más opciones"), [At("L302", 7, 20)]),
    ("es otras consultas", menu("es", "Otras consultas"), [At("L302", 7, 20)]),
    ("es fixed: names the task", menu("es", "Cambio de domicilio"), []),
    ("es near miss: one task word among vague ones", menu("es", "Información de su cuenta"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_vague_label(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L302")) == expected


def test_option_ignore_silences_it() -> None:
    text = menu("en", "Other").replace("goto: advisor}", "goto: advisor, ignore: [L302]}")
    assert lint(text, select="L302") == []


def test_message_quotes_the_label_key_and_menu() -> None:
    (finding,) = lint(menu("fi", "Muut asiat"), select="L302")
    assert finding.node_id == "main"
    assert 'label "Muut asiat" of key "1" in "main" names no task' in finding.message
    assert "name the tasks it covers" in finding.help


CLOSING = """
entry: main
nodes:
  main:
    prompt: For billing, press 1. For moving home, press 2.
    options:
      "1": {label: Billing, goto: billing}
      "2": {label: Moving home, goto: moving}
  billing:
    type: self_service
    next: anything_else
  moving: {type: agent}
  anything_else:
    prompt: If you're calling about something else, press 1. If that's all, press 2.
    options:
      "1": {label: Something else, goto: main}
      "2": {label: That's all, goto: goodbye}
  goodbye: {type: hangup}
"""


def test_closing_choices_back_to_the_main_menu_or_goodbye_are_not_vague() -> None:
    assert lint(CLOSING, select="L302") == []


def test_the_same_words_on_an_option_with_a_team_of_its_own_are_vague() -> None:
    """Near miss: "Something else" that leads to a team of its own is a catch-all task."""
    text = CLOSING.replace("goto: main}", "goto: others}") + "  others: {type: agent}\n"
    assert codes_at(lint(text, select="L302")) == [At("L302", 15, 20)]


def test_a_choice_that_plays_a_message_and_comes_back_is_no_way_out() -> None:
    """A message that returns to the menu it was chosen from: weighed once, and still vague."""
    text = CLOSING.replace('"1": {label: Something else, goto: main}', '"1": {label: Something else, goto: info}') \
        + "  info: {type: message, prompt: We are open nine to five., next: anything_else}\n"
    assert codes_at(lint(text, select="L302")) == [At("L302", 15, 20)]


def test_a_catch_all_straight_to_a_person_only_informs() -> None:
    """"For anything else, press 0" to a person: the person sorts it out (blind judges called all five
    such warnings on good lines false)."""
    (finding,) = lint(menu("en", "Anything else"), select="L302")
    assert finding.severity.value == "info"


def test_a_catch_all_into_a_task_or_another_menu_still_warns() -> None:
    """The caller must choose again, or is served by a machine, without knowing their reason belongs."""
    into_task = menu("fi", "Muut asiat").replace("goto: advisor}", "goto: billing}")
    assert [f.severity.value for f in lint(into_task, select="L302")] == ["warning"]
