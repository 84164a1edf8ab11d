"""L308 jargon-label: abbreviations callers may not know, piled up in an option, a menu or a message."""

import pytest

from ivrcheck.findings import Severity
from tests.conftest import At, lint


def menu(language: str, first: str, second: str, third: str = "Billing") -> str:
    """A menu of three options whose labels are also what its prompt offers."""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: "For {first}, press 1. For {second}, press 2. For {third}, press 3."
            options:
              "1": {{label: "{first}", goto: a}}
              "2": {{label: "{second}", goto: b}}
              "3": {{label: "{third}", goto: c}}
          a: {{type: agent}}
          b: {{type: agent}}
          c: {{type: agent}}
        """


def message(language: str, prompt: str) -> str:
    return f"""
        language: {language}
        entry: advice
        nodes:
          advice: {{type: message, prompt: "{prompt}", next: agent}}
          agent: {{type: agent}}
        """


def asks(language: str, prompt: str) -> str:
    return f"""
        language: {language}
        entry: number
        nodes:
          number: {{type: input, prompt: "{prompt}", digits: 8, collects: reference, next: agent}}
          agent: {{type: agent}}
        """


WARN, INFO = Severity.WARNING, Severity.INFO

CASES = [
    # Two in one option, or three over a menu: a warning, at the first option that has one.
    ("en two in one option", menu("en", "Fibre ONT and GPON faults", "Moving home"), [(At("L308", 7, 20), WARN)]),
    ("en three over a menu", menu("en", "ACH transfers", "Moving home", "KYC and AML checks"),
     [(At("L308", 7, 20), WARN)]),
    ("en fixed: everyday words", menu("en", "Internet not working or slow", "Moving home"), []),
    ("en near miss: explained next to it",
     menu("en", "CDW, the collision damage waiver, and SLI, supplementary liability insurance", "Moving home"), []),
    ("en near miss: known to every caller", menu("en", "PIN or SMS codes", "Lost SIM or TV remote"), []),
    ("en near miss: units after a number", menu("en", "2 GB or 5 GB data packs", "Moving home"), []),
    ("en near miss: a small word in capitals", menu("en", "Pay IT NOW", "Moving home"), []),
    ("en near miss: one name callers use", menu("en", "WIC benefits", "Moving home"), []),
    ("en two spread over a menu: info", menu("en", "Wi-Fi or VPN", "Classroom AV fault"), [(At("L308", 7, 20), INFO)]),
    ("fi three over a menu", menu("fi", "KTA-ajanvaraus", "Ylläpito ja HVK", "SOTE-neuvonta"),
     [(At("L308", 7, 20), WARN)]),
    ("fi fixed", menu("fi", "Neuvolan ajanvaraus", "Synnytykset ja vierailut", "Perhevalmennus"), []),
    ("fi near miss: each compound explained beside its abbreviation",
     menu("fi", "Lapsivuodeosasto (LVO) ja äitiyspoliklinikka (ÄPKL)", "Perhevalmennus"), []),
    ("fi near miss: known codes", menu("fi", "PIN-koodi tai PUK-koodi", "Kela-korvaukset"), []),
    ("sv two in one option", menu("sv", "FNOL och TPA-ärenden", "Flytt"), [(At("L308", 7, 20), WARN)]),
    ("sv fixed", menu("sv", "Anmäla en ny skada", "Flytt"), []),
    ("sv near miss: deductions every Swede knows", menu("sv", "ROT- och RUT-avdrag", "Flytt"), []),
    ("es two in one option", menu("es", "Prestaciones IT e IMV", "Cambio de domicilio"), [(At("L308", 7, 20), WARN)]),
    ("es fixed", menu("es", "Baja médica y ayudas", "Cambio de domicilio"), []),
    ("es near miss: the caller's own numbers", menu("es", "Consultas con su DNI o NIE", "Cambio de domicilio"), []),
    ("en message with three", message("en", "Turn off the DC isolator and check the RCD and the AC breaker."),
     [(At("L308", 4, 35), WARN)]),
    ("en message with two: info", message("en", "Bring your UCAS ID and your CAS letter."), [(At("L308", 4, 35), INFO)]),
    # An input that asks for a number by an abbreviation, and never says where to find it.
    ("en input by abbreviation", asks("en", "Please key in your eight-digit MRN now."), [(At("L308", 4, 33), WARN)]),
    ("en input fixed", asks("en", "Please key in your eight-digit hospital number now."), []),
    ("en input near miss: says where",
     asks("en", "Please key in your ten-digit UCAS ID. You'll find it on any email from UCAS."), []),
    ("en input near miss: a purpose clause names no number",
     asks("en", "For ISA questions, key in your eight-digit account number."), []),
    ("fi input by abbreviation", asks("fi", "Näppäile kahdeksannumeroinen KTA-tunnus."), [(At("L308", 4, 33), WARN)]),
    ("fi input near miss: says where", asks("fi", "Näppäile KTA-tunnus. Löydät sen kutsukirjeestä."), []),
    ("sv input by abbreviation", asks("sv", "Slå in ditt VRN-nummer nu."), [(At("L308", 4, 33), WARN)]),
    ("sv input near miss: says where", asks("sv", "Slå in ditt OCR-nummer. Du hittar det på fakturan."), []),
    ("es input by abbreviation", asks("es", "Marque su código CAE de ocho cifras."), [(At("L308", 4, 33), WARN)]),
    ("es input near miss: says where", asks("es", "Marque su código CUPS. Lo encontrará en su factura."), []),
    ("es input near miss: the caller's own number", asks("es", "Marque los ocho números de su DNI."), []),
    ("en message fixed", message("en", "Switch the panels off at the switch beside the inverter and keep clear."), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_jargon_label(text: str, expected: list[tuple[At, Severity]]) -> None:
    assert [(At(f.code, f.span.line, f.span.column), f.severity) for f in lint(text, select="L308")] == expected


def test_spelled_out_letters_explain_it() -> None:
    text = menu("en", "GPRN and MPRN numbers", "Moving home").replace(
        "press 3.", "press 3. Your G P R N is on your gas bill and your M P R N on your electricity bill.")
    assert lint(text, select="L308") == []


def test_names_in_the_line_s_own_name_are_known() -> None:
    text = menu("en", "BMW and MINI servicing", "Moving home").replace(
        'prompt: "For BMW', 'prompt: "Welcome to Riverside BMW and MINI. For BMW')
    assert lint(text, select="L308") == []
    assert [f.severity for f in lint(menu("en", "BMW and MINI servicing", "Moving home"), select="L308")] == [WARN]


def test_message_names_the_abbreviations_and_the_node() -> None:
    (finding,) = lint(menu("en", "Fibre ONT and GPON faults", "Moving home"), select="L308")
    assert finding.node_id == "main"
    assert '"ONT", "GPON"' in finding.message and "never says what they stand for" in finding.message
    assert "everyday words" in finding.help


def test_option_ignore_silences_it() -> None:
    text = menu("en", "Fibre ONT and GPON faults", "Moving home").replace("main:\n", "main:\n    ignore: [L308]\n")
    text = text.replace("          main:\n", "          main:\n            ignore: [L308]\n")
    assert lint(text, select="L308") == []


def test_settings_change_the_threshold() -> None:
    text = menu("en", "Fibre ONT and GPON faults", "Moving home")
    (finding,) = lint(text, select="L308", rules={"L308": {"per_option": 3}})
    assert finding.severity is INFO
