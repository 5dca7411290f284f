"""What the operator chose at `serve` time, passed to worker processes through the environment.

uvicorn starts its workers as fresh (spawned) processes that import the app by name, so
the environment is the one channel that reaches them; the token never goes on a command
line, where `ps` would show it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

TOKEN_ENV = "SANCTIONS_CHECK_API_TOKEN"
MAX_BODY_ENV = "SANCTIONS_CHECK_MAX_BODY"
MAX_EVENTS_ENV = "SANCTIONS_CHECK_MAX_EVENTS"
RULES_ENV = "SANCTIONS_CHECK_RULES"

DEFAULT_MAX_BODY = 10 * 1024 * 1024  # 10 MB, the default
DEFAULT_MAX_EVENTS = 50_000


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    max_events: int = DEFAULT_MAX_EVENTS
    rules_dir: str | None = None

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            token=os.environ.get(TOKEN_ENV) or None,
            max_body=_positive(MAX_BODY_ENV, DEFAULT_MAX_BODY),
            max_events=_positive(MAX_EVENTS_ENV, DEFAULT_MAX_EVENTS),
            rules_dir=os.environ.get(RULES_ENV) or None,
        )

    def to_env(self) -> dict[str, str]:
        """The variables that give a worker process these settings."""
        env = {MAX_BODY_ENV: str(self.max_body), MAX_EVENTS_ENV: str(self.max_events)}
        if self.token:
            env[TOKEN_ENV] = self.token
        if self.rules_dir:
            env[RULES_ENV] = self.rules_dir
        return env


def _positive(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name}={value!r} is not a positive whole number; unset it or fix it")
    return int(value)
