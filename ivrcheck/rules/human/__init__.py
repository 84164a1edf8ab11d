"""H2xx human-access rules: a caller can reach a person, quickly and at any hour."""

from ivrcheck.rules.human import (
    callback_no_time, callback_unconfirmed, closed_dead_end, human_too_far, no_human, no_wait_estimate, no_zero_out,
    repeat_request, zero_misused,
)

RULES: tuple = (no_human, human_too_far, no_zero_out, zero_misused, closed_dead_end, callback_unconfirmed,
                no_wait_estimate, repeat_request, callback_no_time)
