"""H2xx human-access rules: a caller can reach a person, quickly and at any hour."""

from ivrcheck.rules.human import (
    advice_hangs_up,
    callback_no_time, callback_unconfirmed, charged_contract_call, closed_dead_end, emergency_delayed, human_too_far,
    no_human,
    no_person_in_main_menu, no_wait_estimate, no_zero_out, person_language_mismatch, repeat_request, slow_answer,
    wait_hangs_up, zero_misused,
)

RULES: tuple = (no_human, human_too_far, no_zero_out, zero_misused, closed_dead_end, callback_unconfirmed,
                no_wait_estimate, repeat_request, callback_no_time, no_person_in_main_menu, wait_hangs_up,
                person_language_mismatch, charged_contract_call, slow_answer, emergency_delayed,
                advice_hangs_up)
