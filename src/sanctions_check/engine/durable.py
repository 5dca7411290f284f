"""The durable-rules adapter, shaped so that no finding can be lost quietly.

Measured traps (measured on durable-rules 2.0.28; pinned in tests/core/test_engine_semantics.py) and what this module does about each:
- `post` consumes an event at its first matching rule -> facts are asserted, never posted;
- batched asserts drop firings -> one event per call, every queued action drained;
- fact identity is a 32-bit hash of `id` -> our own fact ids, retry on a collision;
- exceptions in Python actions are swallowed -> rules have no Python actions at all;
- timer threads lose firings -> the C module is driven directly, under one lock;
- an OR whose branches both hold fires twice -> matches are collected into a set;
- more than 64 true tests for one event gives error 303 -> evaluate pre-packed shards;
- ruleset memory is never freed -> each distinct definition is built once per process.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Any

import durable_rules_engine as _engine
from pydantic_core import from_json, to_json

from sanctions_check.engine.compile import compile_provisions, definition_hash, shard
from sanctions_check.errors import EngineError
from sanctions_check.model.rule import Provision

_NOT_HANDLED = 1  # the engine's "no rule matched": the fact is not stored
_OBSERVED = 2  # a fact with the same identity hash is already stored

_handles: dict[str, int] = {}
_build_lock = threading.Lock()


def _handle_for(definition: dict[str, Any]) -> int:
    key = definition_hash(definition)
    with _build_lock:
        if key not in _handles:
            _handles[key] = _engine.create_ruleset(f"sc_{key}", json.dumps(definition))
        return _handles[key]


class DurableEvaluator:
    name = "durable-rules"

    def __init__(self, provisions: list[Provision]) -> None:
        self._handle = _handle_for(compile_provisions(provisions))
        self._shards = [_handle_for(compile_provisions(group)) for group in shard(provisions)]
        self._lock = threading.Lock()
        self._seq = itertools.count()

    def evaluate(self, fact: dict[str, Any]) -> set[str]:
        with self._lock:
            try:
                return self._run(self._handle, fact)
            except EngineError as error:
                if "303" not in error.message:
                    raise
            found: set[str] = set()
            for handle in self._shards:
                found |= self._run(handle, fact)
            return found

    def _run(self, handle: int, fact: dict[str, Any]) -> set[str]:
        for _attempt in range(8):
            # pydantic-core's encoder: a third of json.dumps's time on these flat facts.
            text = to_json(dict(fact, id=f"f{next(self._seq)}", sid="0")).decode()
            try:
                code, state = _engine.assert_fact(handle, text)
            except Exception as error:  # the C module raises bare Exceptions with a code
                raise EngineError(f"durable-rules rejected an event: {error}") from error
            if code == _OBSERVED:
                continue  # identity-hash collision with a stored fact: take a new id
            if code == _NOT_HANDLED:
                return set()
            try:
                return self._drain(handle, state)
            finally:
                _engine.retract_fact(handle, text)
        raise EngineError("durable-rules: fact id collisions persisted after 8 new ids")

    @staticmethod
    def _drain(handle: int, state: int) -> set[str]:
        fired: set[str] = set()
        result = _engine.start_action_for_state(handle, state)
        if not result:
            return fired
        fired.update(from_json(result[1]))
        while True:
            following = _engine.complete_and_start_action(handle, state)
            if not following:
                return fired
            fired.update(from_json(following))
