"""The generated docs stay in step with the code; the README's example runs."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_models_page_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools" / "gen_models_doc.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    assert current == gen.render(), "run: python tools/gen_models_doc.py"


def test_every_nav_page_exists() -> None:
    nav = [
        line.split(":", 1)[1].strip()
        for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  - ") and line.endswith(".md")
    ]
    assert nav
    missing = [page for page in nav if not (ROOT / "docs" / page).is_file()]
    assert not missing
