"""L3xx label rules."""

RULES: tuple = ()
