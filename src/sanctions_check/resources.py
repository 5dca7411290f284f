"""Where the bundled rules and designations list are, however the package was installed.

A wheel carries a copy of the repository's `rules/` inside the package (`sanctions_check/_rules`,
put there by setup.py at build time); an editable install or a source checkout reads `rules/`
at the top of the repository. `--rules` and $SANCTIONS_CHECK_RULES override both.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from sanctions_check.errors import RuleError

RULES_ENV = "SANCTIONS_CHECK_RULES"
_PACKAGED = "_rules"


def bundled_rules_root() -> Path:
    """The `rules/` folder shipped with this installation (tables, designations, rule sets)."""
    packaged = Path(str(resources.files("sanctions_check").joinpath(_PACKAGED)))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError("the bundled rules are missing from this installation",
                    f"reinstall sanctions-check, or pass --rules DIR / set {RULES_ENV}")


def configured_rules() -> Path | None:
    configured = os.environ.get(RULES_ENV)
    return Path(configured) if configured else None
