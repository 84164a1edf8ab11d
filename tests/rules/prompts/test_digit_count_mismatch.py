"""P408 digit-count-mismatch: an input prompt asks for one number of digits, the input collects another."""

import pytest

from tests.conftest import At, codes_at, lint


def line(language: str, prompt: str, digits: int) -> str:
    return f"""
        language: {language}
        entry: number
        nodes:
          number:
            type: input
            prompt: "{prompt}"
            digits: {digits}
            next: person
          person: {{type: agent}}
        """


CASES = [
    ("sv twelve asked, ten collected", line("sv", "Knappa in ditt personnummer med tolv siffror.", 10),
     [At("P408", 7, 5)]),
    ("sv fixed", line("sv", "Knappa in ditt personnummer med tolv siffror.", 12), []),
    ("sv a count inside a compound", line("sv", "Knappa in ditt sexsiffriga kundnummer.", 8), [At("P408", 7, 5)]),
    ("en ten-digit asked, nine collected", line("en", "Please enter your ten-digit policy number.", 9),
     [At("P408", 7, 5)]),
    ("en fixed", line("en", "Please enter your ten-digit policy number.", 10), []),
    ("en digits written as a numeral", line("en", "Please enter the 8 digits of your order number.", 6),
     [At("P408", 7, 5)]),
    ("fi a count in the adessive", line("fi", "Näppäile syntymäaikasi kuudella numerolla.", 8), [At("P408", 7, 5)]),
    ("fi a count inside a compound, fixed", line("fi", "Näppäile kahdeksannumeroinen tunnus.", 8), []),
    ("es diez dígitos asked, ocho collected", line("es", "Marque su número de póliza de diez dígitos.", 8),
     [At("P408", 7, 5)]),
    ("near miss: the prompt names no count", line("en", "Please enter your account number.", 9), []),
    ("near miss: the collected count among others",
     line("en", "Enter your twelve-digit card number, or the last four digits of it.", 4), []),
    ("near miss: a range whose upper bound is collected",
     line("en", "Key in your three or four digit flight number, then press hash.", 4), []),
    ("near miss: es a range", line("es", "Marque su número de vuelo de tres o cuatro dígitos.", 4), []),
    ("near miss: a number asked in parts, their sum collected",
     line("en", "Enter the six digits of your birth date, then the three digits at the end of your ID.", 9), []),
    ("a number asked in parts, neither part nor sum collected",
     line("en", "Enter the six digits of your birth date, then the three digits at the end of your ID.", 7),
     [At("P408", 7, 5)]),
    ("a range that does not reach the count collected",
     line("en", "Key in your three or four digit flight number.", 6), [At("P408", 7, 5)]),
    ("near miss: a key offered is not a count", line("en", "Enter your PIN. To hear your numbers again, press 2.", 4),
     []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_digit_count(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P408")) == expected


def test_the_message_says_what_was_asked_and_what_happens_to_the_caller() -> None:
    (short,) = lint(line("sv", "Knappa in ditt personnummer med tolv siffror.", 10), select="P408")
    assert 'asks for 12 digits ("tolv siffror") but it collects 10' in short.message
    assert "fall into the next menu" in short.message
    assert short.help == 'set `digits: 12` on "number", or say 10 digits in its prompt'
    (long,) = lint(line("en", "Please enter your six-digit staff number.", 8), select="P408")
    assert long.message.endswith("are timed out")


PARTS = [
    ("en one part counted, the other not", "en",
     "Please enter your date of birth and the three digits after it.", 9, "three digits"),
    ("fi one part counted, the other not", "fi",
     "Näppäile henkilötunnuksesi numerot, eli syntymäaika ja loppuosan kolme numeroa.", 9, "kolme numeroa"),
    ("sv one part counted, the other not", "sv",
     "Knappa in födelsedatumet och de tre siffrorna i slutet.", 9, "tre siffrorna"),
    ("es one part counted, the other not", "es",
     "Marque su fecha de nacimiento y los tres dígitos finales.", 9, "tres dígitos"),
]


@pytest.mark.parametrize("language, prompt, digits, said", [c[1:] for c in PARTS], ids=[c[0] for c in PARTS])
def test_a_count_said_for_one_part_only_informs(language: str, prompt: str, digits: int, said: str) -> None:
    """The whole number's length is not said, so whether the parts add up is a guess: info, not an error."""
    (part,) = lint(line(language, prompt, digits), select="P408")
    assert part.severity.value == "info"
    assert f'asks for 3 digits ("{said}") as one part of a number' in part.message
    assert part.help == f"check that the parts the prompt asks for add up to {digits} digits"


def test_a_count_after_and_that_is_the_whole_number_is_still_an_error() -> None:
    """Near miss: "and" joins a second sentence part, but the count is more than collected: no part explains it."""
    (short,) = lint(line("en", "Please wait and then enter your twelve digit card number.", 10), select="P408")
    assert short.severity.value == "error"
    (bare,) = lint(line("en", "Please enter your six-digit staff number and press hash.", 8), select="P408")
    assert bare.severity.value == "error"
