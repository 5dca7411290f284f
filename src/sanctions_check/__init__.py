"""sanctions-check: events in, every applicable UN Security Council DPRK provision out."""

__version__ = "0.1.0"

from sanctions_check.api import LoadedEvents, check, load_events, load_rules  # noqa: E402
from sanctions_check.report import FORMATS, render  # noqa: E402

__all__ = ["__version__", "check", "load_events", "load_rules", "render", "FORMATS", "LoadedEvents"]
