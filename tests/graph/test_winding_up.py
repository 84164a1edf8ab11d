"""Menus that wind a call up: heard only after an errand is done, a caller there is not mid-task."""

from __future__ import annotations

import textwrap

from ivrcheck.graph import analyse
from ivrcheck.graph.closing import winding_up_menu
from ivrcheck.reading import menu_text

TOLD = textwrap.dedent("""
    entry: main
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: desk}
    nodes:
      main:
        prompt: For our prices, press 1. To speak to reception, press 0.
        options:
          "1": {label: Prices, goto: prices}
          "0": {label: Reception, goto: desk}
      prices: {type: message, prompt: A check-up costs 300 pesos., next: after}
      after:
        prompt: To speak to reception, press 0. To hear the prices again, press 1. If not, you can hang up.
        options:
          "0": {label: Reception, goto: desk}
          "1": {label: Prices again, goto: prices}
      desk: {type: agent}
      booking: {type: self_service, prompt: Choose a time., next: desk}
""")


def winds_up(text: str) -> bool:
    menu, _ = menu_text(text)
    assert menu is not None
    return winding_up_menu(analyse(menu), "after")


def test_a_menu_after_a_message_the_caller_chose_offering_nothing_new_winds_up() -> None:
    """"Si desea hablar con recepción, oprima 0. Si no, puede colgar" after the prices: the errand is done."""
    assert winds_up(TOLD)


def test_near_miss_a_menu_after_a_chosen_message_that_opens_a_task_does_not() -> None:
    assert not winds_up(TOLD.replace('"1": {label: Prices again, goto: prices}', '"1": {label: Book, goto: booking}'))


def test_near_miss_a_menu_after_a_message_nobody_chose_does_not() -> None:
    """A welcome played on the way in (no key pressed) is no errand."""
    text = TOLD.replace("entry: main", "entry: prices")
    assert not winds_up(text)
