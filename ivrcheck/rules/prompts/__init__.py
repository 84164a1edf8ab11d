"""P4xx prompt rules."""

from ivrcheck.rules.prompts import (
    digit_count_mismatch,
    key_first_phrasing,
    long_greeting,
    long_prompt,
    no_recap,
    phantom_option,
    prompt_label_mismatch,
    unannounced_option,
)

RULES: tuple = (unannounced_option, phantom_option, key_first_phrasing, long_prompt, long_greeting,
                prompt_label_mismatch, no_recap, digit_count_mismatch)
