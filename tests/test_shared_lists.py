"""Large lines hold no second copies: timed prompt beginnings and heard edge lists are kept once (docs/speed.md)."""

from __future__ import annotations

from ivrcheck.engine import inspect_text
from ivrcheck.language import timing

LINE = """\
entry: welcome
nodes:
  welcome: {type: message, prompt: Welcome to the bank., next: main}
  main:
    type: menu
    prompt: For cards, press 1. For loans, press 2. To hear this again, press star.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "3": {label: Savings, goto: cards}
      "*": {label: Repeat these options, goto: repeat}
  cards: {type: agent, queue: cards}
  loans: {type: agent, queue: loans}
"""


def test_a_text_timed_without_keeping_it_gives_the_same_seconds_and_leaves_the_cache_alone() -> None:
    text = "For cards, press 1. For loans, press 2 (a beginning timed once)"
    before = timing._seconds.cache_info().currsize
    once = timing.seconds(text, "words_per_minute", 150.0, keep=False)
    assert timing._seconds.cache_info().currsize == before
    assert once == timing.seconds(text, "words_per_minute", 150.0) > 0
    assert timing._seconds.cache_info().currsize == before + 1


def test_an_edge_list_heard_whole_is_the_list_itself_and_a_filtered_one_a_new_list() -> None:
    line = inspect_text(LINE).line
    assert line is not None
    analysis, nodes = line.open, line.menu.nodes
    welcome, main = analysis.out["welcome"], analysis.out["main"]
    assert line.clock.heard("welcome", nodes["welcome"], welcome) is welcome
    heard = line.clock.heard("main", nodes["main"], main)
    # "3" is never announced and "*" leads back to the menu itself: neither is a way on that callers hear.
    assert heard is not main and sorted(a["press"] for _, a in heard) == ["1", "2"]
