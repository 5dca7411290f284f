"""Pydantic contracts: events (input), rules (the law as data) and reports (output)."""
