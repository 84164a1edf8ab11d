"""P4xx prompt rules."""

RULES: tuple = ()
