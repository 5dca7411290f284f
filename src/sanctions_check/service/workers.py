"""What one worker process owns: the rule set, the designations list in use, and the lock
that lets one request at a time drive the rule engine.

durable-rules is not thread-safe and its rulesets are never freed (engine/durable.py), so
a process builds its engine once, at start-up, and requests take turns on it: FastAPI runs
each check in its thread pool, and this lock makes them wait. Concurrency comes from
worker processes (`serve --workers N`), each with its own engine.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sanctions_check.api import checker_for, load_rules, party_screen
from sanctions_check.errors import ListError
from sanctions_check.lists import DesignationList, load_designations
from sanctions_check.lists.store import active_list_path, default_list_path
from sanctions_check.model.ruleset import RuleSet
from sanctions_check.parties import PartyScreen
from sanctions_check.screening import Screener
from sanctions_check.lists.model import EntryType
from sanctions_check.service.body import BodyEvents
from sanctions_check.service.checking import CheckOptions, Rendered, write_report
from sanctions_check.service.settings import Settings

log = logging.getLogger("sanctions_check.service")

Signature = tuple[str, int, int, int]  # path, inode, size, mtime (ns)


def _signature(path: Path) -> Signature:
    stat = path.stat()
    return str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class ListInUse:
    designations: DesignationList
    screen: PartyScreen
    screener: Screener
    origin: str  # "imported list" or "shipped default"
    file: str  # its file name only: a client has no business with the server's paths
    sha256: str
    signature: Signature
    loaded_at: float

    def describe(self, today: date | None = None) -> dict[str, object]:
        listed = self.designations
        today = today or date.today()
        return {
            "origin": self.origin, "file": self.file, "source": listed.source,
            "generated_on": listed.generated_on.isoformat() if listed.generated_on else None,
            "age_days": (today - listed.generated_on).days if listed.generated_on else None,
            "imported_on": listed.imported_on.isoformat() if listed.imported_on else None,
            "sha256": self.sha256, "entries": listed.counts(),
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at)),
        }


def load_list() -> ListInUse:
    """The list `lists show` names: the imported one, else the shipped default."""
    path = active_list_path()
    signature = _signature(path)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    designations = load_designations()
    # Built here, once per list: PartyScreen and Screener normalise every listed name.
    return ListInUse(designations, party_screen(designations), Screener(designations),
                     "shipped default" if path == default_list_path() else "imported list",
                     path.name, sha256, signature, time.time())


class Worker:
    """Built once per process, at start-up (the app's lifespan), before it takes requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ruleset: RuleSet = load_rules(settings.rules_dir)
        self.engine_lock = threading.Lock()  # one request at a time drives the rule engine
        self._list_lock = threading.Lock()
        self._screen_lock = threading.Lock()  # the Screener keeps a cache of scored names
        self._list = load_list()
        self.list_error: str | None = None
        self._failed: Signature | None = None  # a broken list file, not read again until it changes
        self.pid = os.getpid()
        # Build the engine now, so the first request does not pay for it and /readyz means ready.
        checker_for(self.ruleset, "durable", False, self._list.screen)

    def current_list(self) -> ListInUse:
        """The list in use, moved to a newly imported one when its file changed (one stat a
        request, so every worker follows `lists import` at its next request)."""
        try:
            signature = _signature(active_list_path())
        except OSError:
            signature = None
        if signature == self._list.signature or (signature is not None and signature == self._failed):
            return self._list
        return self.reload()[0]

    def reload(self) -> tuple[ListInUse, bool]:
        """Read the active list again if its file changed; on a broken file keep the old one."""
        with self._list_lock:
            signature: Signature | None = None
            try:
                signature = _signature(active_list_path())
                if signature == self._list.signature:
                    return self._list, False
                fresh = load_list()
            except (OSError, ListError) as error:
                self._failed = signature
                self.list_error = getattr(error, "message", None) or str(error)
                log.error("designations list not reloaded, the previous one stays in use: %s", self.list_error)
                raise ListError(f"the designations list could not be reloaded: {self.list_error}",
                                "fix or re-import the list (`sanctions-check lists import FILE`); "
                                "the previous list stays in use") from None
            # A Checker is kept per screen by api.checker_for (one per reload: a list's
            # worth of memory); the engine rulesets it uses are shared, built once.
            self._list, self.list_error, self._failed = fresh, None, None
            log.info("designations list reloaded: %s (sha256 %s)", fresh.file, fresh.sha256)
            return fresh, True

    def _list_or_previous(self) -> ListInUse:
        try:
            return self.current_list()
        except ListError:
            return self._list  # a failed reload is reported by /readyz and in the log

    def check(self, events: BodyEvents, options: CheckOptions, fmt: str) -> Rendered:
        screen = self._list_or_previous().screen if options.screening else None
        with self.engine_lock:
            return write_report(events, self.ruleset, options, screen, fmt)

    def screen_name(self, name: str, entry_type: EntryType | None, on_date: date | None, imo: str | None,
                    threshold: float | None) -> str:
        """What `screen NAME --json` prints."""
        screener = self._list_or_previous().screener
        with self._screen_lock:
            result = screener.check(name, entry_type, on_date, imo, threshold)
        return result.model_dump_json(indent=2) + "\n"
