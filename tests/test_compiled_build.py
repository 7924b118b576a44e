"""The opt-in mypyc build (hatch_build.py, docs/compiled.md): its module list stays true.

The list of compiled modules lives in pyproject.toml only; these checks make a rename or a move
of a hot module break a test here instead of a compiled build much later.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Modules mypyc must not compile: pydantic models, runtime Protocols, cold or dynamic code.
NEVER = (
    "policy_parser/models",
    "policy_parser/views.py",
    "policy_parser/export.py",
    "policy_parser/cli",
    "policy_parser/akn",
    "policy_parser/loaders",
    "policy_parser/dask.py",
)


def _compile_list() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entries = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]
    assert isinstance(entries, list)
    return entries


def test_every_compiled_entry_names_an_existing_module() -> None:
    missing = [e for e in _compile_list() if not (ROOT / e).exists()]
    assert not missing, f"compile entries that name no module: {missing}"
    for entry in _compile_list():
        path = ROOT / entry
        assert path.suffix == ".py" or (path / "__init__.py").is_file(), entry


def test_no_model_or_protocol_module_is_compiled() -> None:
    listed = [e for e in _compile_list() if any(e.startswith(n) for n in NEVER)]
    assert not listed, f"these must stay pure Python: {listed}"


def test_the_hook_and_its_list_travel_with_the_sdist() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "hatch_build.py" in config["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert (ROOT / "hatch_build.py").is_file()


def test_marker_token_builds_without_mypy_extensions() -> None:
    from policy_parser.lex.levels import MarkerToken

    token = MarkerToken("MARKER", "一、")
    assert token == "一、" and token.type == "MARKER"


def test_the_compiled_install_is_what_runs_when_ci_says_so() -> None:
    # .ci/run sets this when it runs the suite against the compiled wheel: the hot modules
    # must then come from extension modules, not from the source tree's .py files.
    import os

    import pytest

    if os.environ.get("POLICY_PARSER_EXPECT_COMPILED") != "1":
        pytest.skip("only the compiled-wheel run of .ci/run checks this")
    import policy_parser.lex.levels
    import policy_parser.normalize

    for module in (policy_parser.normalize, policy_parser.lex.levels):
        assert module.__file__ is not None and module.__file__.endswith((".so", ".pyd"))
