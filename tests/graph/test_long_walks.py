"""Walks over the graph are loops, not recursion: a chain of thousands of menus or messages is no crash (F099)."""

from ivrcheck import engine


def menu_chain(count: int) -> str:
    """Menus one below the other, each offering more, a person and `back` (which makes the closing walk go deep)."""
    lines = ["entry: n0", "nodes:"]
    for index in range(count):
        onward = f"n{index + 1}" if index + 1 < count else "p"
        lines += [f"  n{index}:", "    prompt: For more, press 1. For a person, press 0. To go back, press pound.",
                  "    options:", f'      "1": {{label: More, goto: {onward}}}',
                  '      "0": {label: Person, goto: p}', '      "#": {label: Back, goto: back}']
    return "\n".join([*lines, "  p: {type: agent, queue: q}", ""])


def message_chain(count: int) -> str:
    """A self-service step, then messages one after another into a menu (the after-service walk goes back up them)."""
    lines = ["entry: s", "nodes:", "  s: {type: self_service, prompt: Your refill is ordered., next: m0}"]
    lines += [f"  m{i}: {{type: message, prompt: Note {i}., next: {f'm{i + 1}' if i + 1 < count else 'menu'}}}"
              for i in range(count)]
    lines += ["  menu:", "    prompt: To start again, press 1. For a person, press 0.", "    options:",
              '      "1": {label: Start again, goto: s}', '      "0": {label: Person, goto: p}',
              "  p: {type: agent, queue: q}", ""]
    return "\n".join(lines)


def codes(text: str) -> set[str]:
    return {f.code for f in engine.check_text(text).findings}


def test_a_chain_of_menus_deeper_than_the_recursion_limit_is_checked() -> None:
    found = codes(menu_chain(2_500))
    assert "F099" not in found and "S105" in found  # too deep, said as a finding


def test_a_short_chain_gives_the_same_kinds_of_findings() -> None:
    assert "F099" not in codes(menu_chain(30))


def test_a_chain_of_messages_longer_than_the_recursion_limit_is_checked() -> None:
    found = codes(message_chain(2_500))
    assert "F099" not in found and "H207" in found
