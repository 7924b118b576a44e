"""The public entry points; the only place the pipeline stages are wired together."""

from __future__ import annotations

from pathlib import Path

from policy_parser.models import Document

__all__ = ["parse", "parse_file"]


def parse(text: str, *, strict: bool = False) -> Document:
    """Parse a policy text (placeholder until the pipeline lands)."""
    return Document(source=text)


def parse_file(path: str | Path, *, strict: bool = False) -> Document:
    """Read a file and parse it (placeholder until the loaders land)."""
    return parse(Path(path).read_text(encoding="utf-8"), strict=strict)
