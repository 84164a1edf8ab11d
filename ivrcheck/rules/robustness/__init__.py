"""R5xx robustness rules."""

RULES: tuple = ()
