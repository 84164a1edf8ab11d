"""R5xx robustness rules: silence, mistakes and failed recognition are handled."""

from ivrcheck.rules.robustness import (
    disconnect_on_error, no_invalid_handling, no_keypad_fallback, no_more_time, no_repeat, no_text_alternative,
    no_timeout_handling, no_tty_path, short_timeout, too_many_retries,
)

RULES: tuple = (no_timeout_handling, no_invalid_handling, disconnect_on_error, too_many_retries, no_repeat,
                no_keypad_fallback, short_timeout, no_more_time, no_text_alternative,
                no_tty_path)
