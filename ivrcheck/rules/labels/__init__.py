"""L3xx label rules."""

from ivrcheck.rules.labels import (
    ambiguous_labels, inconsistent_key, inconsistent_label, jargon_label, language_choice_late,
    language_not_read, prompt_language_mismatch, vague_label,
)

RULES: tuple = (ambiguous_labels, vague_label, inconsistent_label, inconsistent_key, language_choice_late,
                prompt_language_mismatch, language_not_read, jargon_label)
