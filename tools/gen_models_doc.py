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

GUIDE = """
## Getting a Document

```python
import tempfile
from pathlib import Path

import policy_parser as pp
from policy_parser import Role

folder = Path(tempfile.mkdtemp())
plan = folder / "plan.txt"
plan.write_text(
    "关于印发甲方案的通知\\n各单位：\\n现将《甲方案》印发给你们。\\n"
    "附件\\n甲方案\\n一、总体要求\\n（一）市科协牵头，市教委配合。\\n",
    encoding="utf-8",
)
doc = pp.parse_file(plan)              # a file, named by a Path or a str
light = pp.parse_file(plan, bodies=False)   # the structure only: no clauses, no bodies
docs = list(pp.parse_many(["一、甲\\n二、乙\\n", plan]))   # str: a text; Path: a file
[len(d.main.sections) for d in docs]   # [2, 1]
names = [str(plan)]                    # file names held as str (glob.glob)
docs = list(pp.parse_files(names, bodies=False))   # every item is a file, str too
```

- `parse(text)` takes the text itself; `parse_file(path)` reads a file (`str` or `Path`).
- `parse_many(items, jobs=N)` takes both: a `str` is a **text**, a `pathlib.Path` (any
  `os.PathLike`) is a **file**. A `str` that names an existing `.txt`/`.pdf`/`.docx`/`.html`
  file raises `TypeError` instead of being parsed as a one-line text; `parse_files(names)`
  takes every item as a file name.
- `bodies=False` (on `parse`, `parse_file`, `parse_many`, `parse_files`) skips clauses and
  responsible bodies: the section tree only, faster.

## The document you are after: `doc.main`

A notice that issues a plan (`关于印发…的通知`) has no sections of its own; the plan is its
first attachment. `doc.main` is that attachment, and the document itself for anything else:

```python
doc.sections                           # []
doc.main.title                         # '甲方案'
doc.main.find("一/（一）").text        # '市科协牵头，市教委配合。'
```

## Roles and the responsibility table

`Role` has four values: `lead` (牵头), `responsible` (负责), `cooperate` (配合) and
`encouraged` (鼓励). Wherever a role is expected, its Chinese words work too
(`policy_parser/data/role_aliases.txt`: 牵头单位, 责任部门, 协助, 引导, …): `Role("牵头")`,
`doc.clauses(role="牵头")`; `Role.of(word)` does the same and says which words exist when one
is unknown.

```python
Role.of("牵头"), Role("配合"), Role.of("Lead")   # (Role.LEAD, Role.COOPERATE, Role.LEAD)
rows = doc.responsibilities()          # pp.Responsibilities: a list of Responsibility rows
[(r.body, r.role.value) for r in rows]   # [('市科协', 'lead'), ('市教委', 'cooperate')]
rows[0].path                           # '附件1/一/（一）'
csv_text = rows.to_csv()               # path, heading, body, role, clause, span_start, span_end
len(doc.clauses(role="牵头"))          # 1
```

`rows.to_dataframe()` gives the same table as a pandas DataFrame (`policy-parser[pandas]`).

## JSON

`doc.model_dump_json()` writes `source` once: an attachment that shares its parent's text
leaves `source` out, and `Document.model_validate_json` gives it back, at any depth, so every
span still indexes it.

```python
import json

data = json.loads(doc.model_dump_json())
"source" in data, "source" in data["attachments"][0]   # (True, False)
again = pp.Document.model_validate_json(doc.model_dump_json())
again.attachments[0].source == doc.source   # True
```
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
    parts = [HEADER, GUIDE]
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
