"""Compare a parsed document with a golden file (the format ``shared/tools/score.py`` reads).

Each mismatch is a short string, so a test can show exactly what differs and list the
differences it knows about, with a reason, instead of hiding them behind a score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import policy_parser as pp

DATA = Path(__file__).parent / "data"
GOLDEN = sorted((DATA / "golden").glob("*.json"))
_WS = re.compile(r"\s+")


def norm(value: object) -> str:
    return _WS.sub("", "" if value is None else str(value))


def _key(marker: str) -> str:
    return norm(marker).translate(str.maketrans({"(": "（", ")": "）"})).rstrip("、.．")


def flatten(sections: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for s in sections or []:
        marker = s["marker"] if isinstance(s, dict) else s.marker
        path = f"{prefix}/{_key(marker)}" if prefix else _key(marker)
        yield path, s
        yield from flatten(s["children"] if isinstance(s, dict) else s.children, path)


def load(path: Path) -> tuple[dict[str, Any], pp.Document]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (DATA / gold["source"]).read_bytes().decode("utf-8")
    return gold, pp.parse(text)


def structure_mismatches(gold: dict[str, Any], doc: pp.Document, where: str = "") -> list[str]:
    """Sections missing, extra, or with another number, heading or own text."""
    out: list[str] = []
    want = dict(flatten(gold.get("sections", [])))
    got = dict(flatten(doc.sections))
    if "sections" in gold:
        for path, g in want.items():
            s = got.get(path)
            if s is None:
                out.append(f"{where}{path}: missing")
                continue
            if s.number != g["number"]:
                out.append(f"{where}{path}: number {s.number} != {g['number']}")
            if norm(s.heading) != norm(g.get("heading")):
                out.append(f"{where}{path}: heading {s.heading!r} != {g.get('heading')!r}")
            if "text" in g and norm(s.text) != norm(g["text"]):
                out.append(f"{where}{path}: text differs")
        out.extend(f"{where}{path}: extra" for path in got.keys() - want.keys())
    for i, attachment in enumerate(gold.get("attachments") or []):
        if i >= len(doc.attachments):
            out.append(f"{where}attachment {i + 1}: missing")
        else:
            out.extend(structure_mismatches(attachment, doc.attachments[i], f"{where}附件{i + 1}:"))
    return sorted(out)


def frame_mismatches(gold: dict[str, Any], doc: pp.Document, where: str = "") -> list[str]:
    """Metadata checks that fail: title, doc number, issuers, date, addressees, preamble …"""
    out: list[str] = []
    for key in ("title", "preamble", "doc_number"):
        if key in gold and norm(getattr(doc, key)) != norm(gold[key]):
            out.append(f"{where}{key}: {getattr(doc, key)!r}")
    if "date" in gold and str(doc.date) != gold["date"]:
        out.append(f"{where}date: {doc.date}")
    if "issuers" in gold and sorted(map(norm, doc.issuers)) != sorted(map(norm, gold["issuers"])):
        out.append(f"{where}issuers: {doc.issuers}")
    if "addressees_text" in gold:
        strip = re.compile(r"[，、,：:\s]")
        if strip.sub("", "".join(doc.addressees)) != strip.sub("", gold["addressees_text"]):
            out.append(f"{where}addressees: {doc.addressees}")
    for term, meaning in (gold.get("defined_terms") or {}).items():
        if norm(doc.defined_terms.get(term)) != norm(meaning):
            out.append(f"{where}defined_terms: {term}")
    kept = norm(doc.preamble) + "".join(
        norm(s.heading) + norm(s.text) for _, s in flatten(doc.sections)
    )
    out.extend(
        f"{where}foreign text kept: {x}" for x in gold.get("not_in_document", []) if norm(x) in kept
    )
    for i, attachment in enumerate(gold.get("attachments") or []):
        if i < len(doc.attachments):
            out.extend(frame_mismatches(attachment, doc.attachments[i], f"{where}附件{i + 1}:"))
    return sorted(out)


def bodies_mismatches(gold: dict[str, Any], doc: pp.Document, where: str = "") -> list[str]:
    """Required (path, body, role) triples missing, and triples found that are not allowed."""
    out: list[str] = []
    bodies = gold.get("bodies")
    if bodies:
        required = bodies.get("required", {})
        extra = bodies.get("acceptable_extra", {})
        any_extra = extra == "*"
        got = {
            path: {(norm(b.name), b.role.value) for c in s.clauses for b in c.bodies}
            for path, s in flatten(doc.sections)
        }

        def names(entry: dict[str, Any]) -> set[str]:
            n = entry["name"]
            return {norm(x) for x in (n if isinstance(n, list) else [n])}

        for path in sorted(set(required) | {p for p, g in got.items() if g}):
            found, want = got.get(path, set()), required.get(path, [])
            for w in want:
                if not any((n, w["role"]) in found for n in names(w)):
                    out.append(f"{where}{path}: missing {w['name']}/{w['role']}")
            if any_extra:
                continue
            allowed = {(n, e["role"]) for e in want + extra.get(path, []) for n in names(e)}
            out.extend(f"{where}{path}: extra {n}/{r}" for n, r in sorted(found - allowed))
    for i, attachment in enumerate(gold.get("attachments") or []):
        if i < len(doc.attachments):
            out.extend(bodies_mismatches(attachment, doc.attachments[i], f"{where}附件{i + 1}:"))
    return sorted(out)
