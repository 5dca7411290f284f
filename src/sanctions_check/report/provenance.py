"""Provenance lines shared by the text, Markdown and HTML reports."""

from __future__ import annotations

from sanctions_check.model.report import DesignationsInfo


def designations_line(info: DesignationsInfo) -> str:
    """'the list <source>, generated D (N days before this report), E entries, sha256 H'."""
    when = f"generated {info.generated_on}" if info.generated_on else "generation date unknown"
    age = f" ({info.age_days} days before this report)" if info.age_days is not None else ""
    return f"{info.source}, {when}{age}, {info.entries} entries, sha256 {info.sha256[:12]}"
