"""Malformed menu files: each kind gives a positioned F0xx finding and exit 1, never a traceback."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.reading import menu_bytes, menu_text
from ivrcheck.load.source import Limits

runner = CliRunner()

GOOD_TAIL = 'nodes:\n  main:\n    prompt: For an advisor, press 0.\n    options:\n      "0": {label: Advisor, goto: advisor}\n  advisor: {type: agent}\n'

CASES = [
    ("yaml syntax", "entry: main\nnodes: [unclosed\n", ("F001", 3, 1), "YAML syntax error"),
    ("unquoted star key", 'entry: main\nnodes:\n  main:\n    options:\n      *: {goto: repeat}\n', ("F001", 5, 7), 'quote the key: write "*"'),
    ("top level is a list", "- entry: main\n", ("F004", 1, 1), "not a mapping"),
    ("top level is a scalar", "just words\n", ("F004", 1, 1), "not a mapping"),
    ("missing entry", GOOD_TAIL, ("F005", 1, 1), 'missing the required field "entry"'),
    ("missing nodes", "entry: main\n", ("F005", 1, 1), 'missing the required field "nodes"'),
    ("prompt as a list", "entry: main\nnodes:\n  main: {prompt: [a, b]}\n", ("F006", 3, 18), "must be a string, not a list"),
    ("retries as words", "entry: main\nnodes:\n  main: {retries: three}\n", ("F006", 3, 19), "must be a whole number"),
    ("negative timeout", "entry: main\nnodes:\n  main: {timeout: -5}\n", ("F011", 3, 19), "must be between 0 and 3600"),
    ("announces_wait as prose", "entry: main\nnodes:\n  a: {type: agent, announces_wait: yes please}\n",
     ("F006", 3, 36), "must be true or false"),
    ("human as a guess", "entry: out\nnodes:\n  out: {type: transfer, human: maybe}\n",
     ("F006", 3, 32), "must be true, false or unknown"),
    ("unknown field", "entry: main\nnodes:\n  main: {promt: Hi}\n", ("F007", 3, 10), 'did you mean "prompt"?'),
    ("misspelt options", "entry: main\nnodes:\n  main:\n    optoins: {}\n", ("F007", 4, 5), 'did you mean "options"?'),
    ("go_to for goto", 'entry: main\nnodes:\n  main:\n    options:\n      "1": {go_to: main}\n',
     ("F007", 5, 13), 'did you mean "goto"?'),
    ("unknown node type", "entry: main\nnodes:\n  main: {type: operator}\n", ("F011", 3, 16), "which is not allowed"),
    ("duplicate node id", "entry: main\nnodes:\n  main: {type: hangup}\n  main: {type: agent}\n",
     ("F008", 4, 3), "previously defined at line 3, column 3"),
    ("duplicate field", "entry: main\nnodes:\n  main:\n    prompt: a\n    prompt: b\n    type: hangup\n",
     ("F008", 5, 5), 'key "prompt" is duplicated'),
]


@pytest.mark.parametrize("text, expected, fragment", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_text_gives_a_positioned_finding(text: str, expected: tuple, fragment: str) -> None:
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert menu is None
    first = findings[0]
    assert (first.code, first.span.line, first.span.column) == expected
    assert fragment in first.text


@pytest.mark.parametrize("text", [c[1] for c in CASES[:6]], ids=[c[0] for c in CASES[:6]])
def test_cli_reports_malformed_files_with_exit_1_and_no_traceback(tmp_path: Path, text: str) -> None:
    path = tmp_path / "m.ivr.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:" in result.output and " F0" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_not_utf8_points_at_the_bad_byte() -> None:
    menu, (finding,) = menu_bytes("entry: main\nnodes:\n  main: {prompt: Caf\xe9}\n".encode("latin-1"), "m.ivr.yaml")
    assert menu is None
    assert (finding.code, finding.span.line, finding.span.column) == ("F002", 3, 21)
    assert "0xe9" in finding.message and "UTF-8" in finding.help


def test_utf8_with_bom_loads() -> None:
    menu, findings = menu_bytes(("\ufeffentry: main\n" + GOOD_TAIL).encode("utf-8"), "m.ivr.yaml")
    assert menu is not None and findings == []


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n---\n"])
def test_empty_and_comment_only_files(text: str) -> None:
    menu, (finding,) = menu_text(text, "m.ivr.yaml")
    assert menu is None and finding.code == "F003"


def test_commented_out_hash_key_is_a_warning() -> None:
    text = 'entry: main\nnodes:\n  main:\n    prompt: Press 0.\n    options:\n      "0": {label: A, goto: a}\n      #: {label: Back, goto: back}\n  a: {type: agent}\n'
    menu, (finding,) = menu_text(text, "m.ivr.yaml")
    assert menu is not None
    assert (finding.code, finding.severity.value, finding.span.line, finding.span.column) == ("F013", "error", 7, 7)


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    menu, (finding,) = menu_text("\n".join(lines) + "\n", "m.ivr.yaml")
    assert menu is None and finding.code == "F009"
    assert "aliases expand" in finding.message


@pytest.mark.parametrize("text", ["entry: a\nnodes: " + "[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x\n"],
                         ids=["flow", "block"])
def test_extreme_nesting_is_refused_not_crashed(text: str) -> None:
    menu, (finding,) = menu_text(text, "m.ivr.yaml")
    assert menu is None and finding.code == "F010"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    from ivrcheck.reading import read_file

    path = tmp_path / "big.ivr.yaml"
    path.write_text("entry: main\n" + GOOD_TAIL, encoding="utf-8")
    loaded = read_file(path, "big.ivr.yaml", Limits(max_bytes=50))
    (finding,) = loaded.findings
    assert loaded.menu is None and finding.code == "F012"


def test_merge_keys_and_anchors_load() -> None:
    text = ('entry: main\nnodes:\n  main: &m\n    prompt: For an advisor, press 0.\n    options:\n'
            '      "0": {label: Advisor, goto: advisor}\n  copy:\n    <<: *m\n    prompt: Copy.\n  advisor: {type: agent}\n')
    menu, findings = menu_text(text, "m.ivr.yaml")
    assert findings == [] and menu.nodes["copy"].prompt == "Copy."
    assert menu.nodes["copy"].options[0].key == "0"


def test_a_commented_out_option_is_an_error_but_the_rest_is_still_checked() -> None:
    text = 'entry: main\nnodes:\n  main:\n    prompt: Back, press hash.\n    options:\n      "1": {label: A, goto: a}\n      #: {label: Back, goto: back}\n  a: {type: agent}\n'
    menu, (finding,) = menu_text(text, "m.ivr.yaml")
    assert finding.code == "F013" and finding.severity.value == "error"
    assert menu is not None and set(menu.nodes) == {"main", "a"}


def test_a_tab_in_the_indentation_gets_its_own_advice() -> None:
    menu, (finding,) = menu_text("entry: main\nnodes:\n  main:\n\tprompt: hi\n", "m.ivr.yaml")
    assert finding.code == "F001" and (finding.span.line, finding.span.column) == (4, 1)
    assert "YAML forbids tabs in indentation" in finding.help


@pytest.mark.parametrize("word", ["Yes", "no", "Off"])
def test_an_unquoted_yes_as_a_label_says_to_quote_the_word(word: str) -> None:
    text = f'entry: main\nnodes:\n  main:\n    prompt: {word}, press 1.\n    options:\n      "1": {{label: {word}, goto: a}}\n  a: {{type: agent}}\n'
    menu, (finding,) = menu_text(text, "m.ivr.yaml")
    assert finding.code == "F006" and finding.help.startswith(f'quote the word: write "{word}"')


def test_composed_scalars_carry_their_span_and_other_yaml_readers_keep_pyyaml_marks() -> None:
    """compose() builds scalars with their position in place of PyYAML's two marks (a large line's memory),
    and only while it composes: a YAML error inside does not leave other readers with Spans."""
    import yaml

    from ivrcheck.findings import Span
    from ivrcheck.load.source import compose, span_of

    root, _ = compose("entry: main\nnodes:\n  main: {prompt: Hello there}\n", Limits())
    (_, nodes), = [(k, v) for k, v in root.value if k.value == "nodes"]
    prompt = nodes.value[0][1].value[0][1]
    assert span_of(prompt) == Span(3, 18) and span_of(prompt).end_column == 29
    assert prompt.start_mark == (3, 18, 3, 29) and prompt.end_mark is None
    assert span_of(nodes) == Span(3, 3)  # a mapping keeps PyYAML's marks
    assert compose("a: [unclosed\n", Limits())[0] is None
    plain = yaml.compose("a: b\n", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(plain.value[0][1], yaml.ScalarNode) and not isinstance(plain.value[0][1].start_mark, tuple)
    assert plain.value[0][1].end_mark.column == 4
