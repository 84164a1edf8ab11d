"""Callers step: what a caller lives through, read off the graph analysis.

Sits after graph and before score: it may import load, model, graph and language, never
rules, score, report or cli. `tasks` is the offline tree test (with its scent in `scent`),
`timing` the weighted time to a person, `order` the seconds saved by offering popular
options first, `diff` what a change to a menu does to its callers.
"""
