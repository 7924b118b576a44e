"""Write docs/models.md from the models' JSON Schema: python tools/gen_models_doc.py.

tests/test_docs.py fails when the file is out of date, so the page never drifts from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from policy_parser.models import Document

OUT = Path(__file__).resolve().parent.parent / "docs" / "models.md"

HEADER = """# Models

The result of `parse` is a tree of frozen pydantic v2 models. This page is generated from their
JSON Schema (`policy-parser schema`) by `tools/gen_models_doc.py`; field names are the public
contract of `SPEC.md`.
"""


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if "allOf" in prop:
        return " & ".join(_type(p) for p in prop["allOf"])
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list[{_type(prop.get('items', {}))}]"
    if kind == "object" and "additionalProperties" in prop:
        return f"dict[str, {_type(prop['additionalProperties'])}]"
    if "format" in prop:
        return f"{kind} ({prop['format']})"
    if "enum" in prop:
        return " or ".join(repr(v) for v in prop["enum"])
    return str(kind)


def render() -> str:
    """Return the Markdown page for the models."""
    schema = Document.model_json_schema()
    defs: dict[str, Any] = dict(schema.get("$defs", {}))
    if "Document" not in defs:  # not recursive: the top level is Document itself
        defs["Document"] = {k: v for k, v in schema.items() if k != "$defs"}
    parts = [HEADER]
    for name in ["Document", *sorted(n for n in defs if n != "Document")]:
        model = defs[name]
        parts.append(f"\n## {name}\n")
        if model.get("description"):
            parts.append(model["description"].split("\n\n")[0].strip() + "\n")
        if "enum" in model:
            parts.append("Values: " + ", ".join(f"`{v}`" for v in model["enum"]) + "\n")
            continue
        parts.append("\n| field | type | required |\n|---|---|---|")
        required = set(model.get("required", []))
        for field, prop in model.get("properties", {}).items():
            mark = "yes" if field in required else ""
            parts.append(f"| `{field}` | `{_type(prop)}` | {mark} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
