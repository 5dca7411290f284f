"""One exception tree. Each error carries the exit code the CLI uses and a hint for the user."""

from __future__ import annotations

EXIT_CLEAR = 0
EXIT_FLAGGED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class SanctionsCheckError(Exception):
    """Base class: a message for the user, an exit code and what to do next."""

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(SanctionsCheckError):
    """An input file cannot be read at all (missing, unreadable, unknown format)."""


class OutputError(SanctionsCheckError):
    """The report cannot be written (disk full, closed pipe); the previous file is kept."""


class RuleError(SanctionsCheckError):
    """A rule file is invalid; the message names the file and the provision."""


class ListError(SanctionsCheckError):
    """A designations list cannot be read, imported or downloaded."""


class EngineError(SanctionsCheckError):
    """The rule engine failed in a way that could lose findings: never ignored."""

    exit_code = EXIT_INTERNAL
