"""The same documents written differently parse the same: CRLF, indented, blank lines."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from golden import DATA, GOLDEN, frame_mismatches, structure_mismatches

import policy_parser as pp

VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "indented": lambda t: "\n".join(
        "\u3000\u3000" + line for line in t.replace("\r", "").split("\n")
    ),
    # Web text puts a blank line between all lines, wrapped titles included.
    "blank-lines": lambda t: re.sub(r"\n", "\n\n", t.replace("\r", "")),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:3])
def test_variant_parses_like_the_original(path: Path, variant: str) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = VARIANTS[variant]((DATA / gold["source"]).read_text(encoding="utf-8"))
    doc = pp.parse(text)
    assert structure_mismatches(gold, doc) == []
    assert frame_mismatches(gold, doc) == []
