"""The repository stands alone: no file points outside it, and bundled data is found."""

from __future__ import annotations

import re
from pathlib import Path

from sanctions_check.resources import bundled_rules_root

ROOT = Path(__file__).resolve().parents[1]
# Built from parts so that this file does not match itself.
OUTSIDE = re.compile("|".join([r"\.\./" + "shared", "/" + "work/", "/" + "home/[a-z]+/", "/" + "root/"]))


def test_nothing_in_the_repository_refers_to_a_sibling_folder_or_a_machine_path() -> None:
    offenders = []
    for top in ("README.md", "pyproject.toml", "setup.py", "docs", "rules", "src", "tests", "benchmarks", "fixtures"):
        for path in [ROOT / top] if (ROOT / top).is_file() else (ROOT / top).rglob("*"):
            if not path.is_file() or path.suffix not in {".md", ".py", ".yaml", ".yml", ".toml", ".json", ".csv", ".txt"}:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if OUTSIDE.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_the_bundled_rules_are_found_without_any_setting() -> None:
    root = bundled_rules_root()
    assert (root / "unsc-dprk" / "ruleset.yaml").is_file()
    assert (root / "designations" / "unsc-1718.yaml").is_file()
