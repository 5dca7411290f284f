"""Bearer-token check for `/v1/*`, when the operator set SANCTIONS_CHECK_API_TOKEN."""

from __future__ import annotations

import hashlib
import hmac

from fastapi import HTTPException, Request

from sanctions_check.service.settings import TOKEN_ENV


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison. Both sides are hashed first, so that even the token's
    length does not show in the timing (compare_digest returns early on unequal lengths)."""
    return hmac.compare_digest(hashlib.sha256(given.encode()).digest(), hashlib.sha256(expected.encode()).digest())


def require_token(request: Request) -> None:
    """FastAPI dependency: 401 unless `Authorization: Bearer <token>` carries the token."""
    expected: str | None = request.app.state.settings.token
    if expected is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given or not token_matches(given.strip(), expected):
        raise HTTPException(
            status_code=401,
            detail=f"missing or wrong bearer token; send `Authorization: Bearer <token>` with the value of {TOKEN_ENV}",
            headers={"WWW-Authenticate": 'Bearer realm="sanctions-check"'},
        )
