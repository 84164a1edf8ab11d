"""YAML -> model: exact 1-based spans, defaults merged, keys normalised, every node kind."""

import textwrap

from ivrcheck.findings import Span
from ivrcheck.reading import menu_text
from ivrcheck.model import NodeType

MENU = textwrap.dedent("""\
    name: Test line
    language: fi
    entry: main
    defaults: {timeout: 4, on_timeout: repeat}
    hours:
      office: {mon-fri: "08:00-16:00"}
    nodes:
      main:
        prompt: Paina 1.
        on_timeout: advisor
        dial_by_extension: {digits: 3, goto: advisor}
        options:
          1: {label: Yksi, goto: other.ivr.yaml#start, say: yksi, weight: 0.5}
          "*": {label: Toista, goto: repeat}
          laskut: {label: Laskut, goto: advisor, say: [lasku, laskut]}
      advisor: {type: agent, hours: office, closed: route}
      route: {type: branch, on: hours, hours: office, cases: {open: advisor, closed: bye}, default: bye}
      account: {type: input, prompt: Numero., digits: 8, next: main}
      bye: {type: hangup}
    tasks:
      - say: Haluan puhua
        expect: advisor
    """)


def load():
    menu, findings = menu_text(MENU, "m.ivr.yaml")
    assert findings == [] and menu is not None
    return menu


def test_top_level_fields() -> None:
    menu = load()
    assert (menu.name, menu.language, menu.entry.ref, menu.entry.span.line) == ("Test line", "fi", "main", 3)
    assert menu.hours == {"office": {"mon-fri": "08:00-16:00"}}
    assert menu.tasks[0].expect.ref == "advisor"


def test_spans_are_one_based_and_exact() -> None:
    main = load().nodes["main"]
    assert main.span == Span(8, 3)
    assert main.prompt_span == Span(9, 13)
    (one, star, speech, extension) = main.options
    assert one.span == Span(13, 7) and one.target.span == Span(13, 30)


def test_keys_are_normalised_and_kinds_set() -> None:
    (one, star, speech, extension) = load().nodes["main"].options
    assert (one.key, one.kind, one.say, one.weight) == ("1", "dtmf", ("yksi",), 0.5)
    assert one.target.is_external
    assert (star.key, star.target.is_builtin) == ("*", True)
    assert (speech.kind, speech.say) == ("speech", ("lasku", "laskut"))
    assert (extension.kind, extension.digits) == ("extension", 3)


def test_defaults_merge_into_menus_and_inputs_with_their_span() -> None:
    menu = load()
    main, account = menu.nodes["main"], menu.nodes["account"]
    assert main.on_timeout.ref == "advisor" and "on_timeout" not in main.inherited
    assert main.timeout == 4 and main.span_of("timeout") == Span(4, 12) and "timeout" in main.inherited
    assert account.on_timeout.ref == "repeat" and account.digits == 8
    assert menu.nodes["advisor"].timeout is None  # defaults apply to menus and inputs only


def test_branches_and_hours() -> None:
    menu = load()
    route = menu.nodes["route"]
    assert route.type is NodeType.BRANCH and route.on == "hours"
    assert [(value, t.ref) for value, t in route.cases] == [("open", "advisor"), ("closed", "bye")]
    assert route.default.ref == "bye"
    assert menu.nodes["advisor"].closed.ref == "route" and menu.has_hours


def test_duplicate_option_keys_are_kept_for_s109() -> None:
    menu, findings = menu_text('entry: m\nnodes:\n  m:\n    options:\n      1: {goto: m}\n      "1": {goto: m}\n')
    assert findings == [] and [o.key for o in menu.nodes["m"].options] == ["1", "1"]


def test_every_load_code_has_a_docs_section() -> None:
    from pathlib import Path

    from ivrcheck.load.codes import LOAD_CODES

    text = (Path(__file__).resolve().parents[2] / "docs" / "load-errors.md").read_text(encoding="utf-8")
    for code, meta in LOAD_CODES.items():
        assert f"## {code}\n\n**{meta.name}** ({meta.severity.value})" in text, code


def test_human_is_true_false_or_unknown_and_unknown_is_written_back() -> None:
    from ivrcheck.report.menu_yaml import dump

    text = "entry: a\nnodes:\n  a: {type: transfer, human: unknown}\n  b: {type: transfer, human: true}\n  c: {type: transfer}\n"
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert findings == [] and menu is not None
    assert [menu.nodes[n].human for n in "abc"] == [None, True, False]
    assert [menu.nodes[n].person_unknown for n in "abc"] == [True, False, False]
    again, _ = menu_text(dump(menu), "m.ivr.yaml")
    assert again is not None and [again.nodes[n].human for n in "abc"] == [None, True, False]


def test_reserved_move_names_are_refused_as_node_ids_where_they_are_written() -> None:
    """`goto: back` always means the move, so a node called back (or repeat) could never be reached;
    before, S101 said 'did you mean "repeat"? declare "repeat"' of a node that was declared."""
    text = "entry: main\nnodes:\n  main:\n    options: {'1': {label: Back, goto: back}}\n" \
           "  back: {type: hangup}\n  repeat: {type: hangup}\n"
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("F011", 5, 3), ("F011", 6, 3)]
    assert "`back` cannot be a node id: `repeat` and `back` are reserved" in findings[0].message
    assert "rename the node" in findings[0].help


def test_ids_that_only_contain_a_reserved_name_are_node_ids() -> None:
    text = "entry: main\nnodes:\n  main:\n    options: {'1': {label: Back, goto: back_office}}\n" \
           "  back_office: {type: agent}\n  Repeat: {type: hangup}\n"
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert not [f for f in findings if f.code.startswith("F")] and menu is not None
    assert {"back_office", "Repeat"} <= set(menu.nodes)
