"""Which report format to answer with: `?format=` first, else the Accept header, else JSON."""

from __future__ import annotations

from fastapi import HTTPException

from sanctions_check.service.checking import available_formats

MEDIA = {
    "json": "application/json", "text": "text/plain; charset=utf-8", "markdown": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8", "sarif": "application/sarif+json",
}


def media_type(fmt: str) -> str:
    return MEDIA.get(fmt, "application/octet-stream")


def choose_format(asked: str | None, accept: str | None) -> str:
    formats = available_formats()
    if asked:
        return asked  # validated against the same registry by the query parameter's type
    if not accept:
        return "json"
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            wanted.append((-quality, position, media.lower()))
    by_media = {MEDIA[f].split(";")[0]: f for f in formats if f in MEDIA}
    for _, _, media in sorted(wanted):
        if media in by_media:
            return by_media[media]
        if media in ("*/*", "application/*"):
            return "json"
    raise HTTPException(406, f"cannot answer in any of the types accepted ({accept}); "
                             f"accept one of {', '.join(by_media)}, or pass ?format= ({', '.join(formats)})")
