"""Bodymap domain: regions, figure, knowledge, ranking and triage (no web imports)."""
