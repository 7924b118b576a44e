"""The generated docs stay in step with the code; the README's example runs."""

import ast
import datetime
import importlib.util
import io
import re
import tokenize
from pathlib import Path

import pytest

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


# --- every ```python block of README.md and docs/*.md runs ---------------------------------
#
# The blocks of one page run in order in one namespace, in a scratch folder that sees the
# repository's examples/ and tests/ (so a page may read examples/… and write plan.csv). A line
# ``expr  # <Python literal>`` must evaluate to that literal (a string's ``…`` stands for
# an elided middle); ``stmt  # SomeError: …`` must
# raise SomeError; a ``test_*`` function a block defines is called. A block is skipped only
# with a visible marker line ``# docs-test: skip — <reason>``.

SKIP_MARKER = "# docs-test: skip"
PAGES = [
    page
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    if "```python" in page.read_text(encoding="utf-8")
]


def _python_blocks(page: Path) -> list[tuple[int, str]]:
    """Return (first line number, code) of each ```python block of ``page``."""
    blocks: list[tuple[int, str]] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    start: int | None = None
    for number, line in enumerate(lines, 1):
        if start is None and line.strip() == "```python":
            start = number
        elif start is not None and line.strip() == "```":
            blocks.append((start + 1, "\n".join(lines[start : number - 1]) + "\n"))
            start = None
    return blocks


def _comments(code: str) -> dict[int, str]:
    """Line number → the text of the comment on that line."""
    found = {}
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT:
            found[tok.start[0]] = tok.string[1:].strip()
    return found


def _claim(comment: str) -> tuple[str, object] | None:
    """What a trailing comment claims: ("value", literal), ("raises", name), or None."""
    if match := re.match(r"([A-Z]\w*(?:Error|Exception)):", comment):
        return "raises", match.group(1)
    # The claim is the whole comment, or what comes before two spaces ('[]  (none here)').
    for claim in dict.fromkeys([comment, comment.split("  ")[0]]):
        if re.fullmatch(r"datetime\.date\(\d+, \d+, \d+\)", claim):
            return "value", eval(claim, {"datetime": datetime})
        try:
            return "value", ast.literal_eval(claim)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return None


def _matches(got: object, claimed: object) -> bool:
    # A claimed string may elide its middle: '综合保税区是…高质量发展。' (head, then tail).
    if isinstance(claimed, str) and "…" in claimed and isinstance(got, str):
        head, _, tail = claimed.partition("…")
        return got.startswith(head) and got.endswith(tail.rpartition("…")[2])
    return got == claimed


def _run_block(code: str, where: str, namespace: dict[str, object]) -> None:
    tree = ast.parse(code)
    comments = _comments(code)
    for stmt in tree.body:
        claim = _claim(comments.get(stmt.end_lineno or stmt.lineno, ""))
        label = f"{where}+{stmt.lineno - 1}: {ast.unparse(stmt)[:60]}"
        if claim and claim[0] == "raises":
            with pytest.raises(Exception) as caught:  # the name is checked below
                exec(compile(ast.Module([stmt], []), where, "exec"), namespace)
            assert type(caught.value).__name__ == claim[1], label
        elif claim and isinstance(stmt, ast.Expr):
            got = eval(compile(ast.Expression(stmt.value), where, "eval"), namespace)
            assert _matches(got, claim[1]), f"{label}: got {got!r}, the page says {claim[1]!r}"
        else:
            exec(compile(ast.Module([stmt], []), where, "exec"), namespace)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_python_blocks_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _python_blocks(page)
    assert blocks
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_block"}
    for line, code in blocks:
        if SKIP_MARKER in code:
            assert re.search(re.escape(SKIP_MARKER) + r" — \S", code), "a skip says why"
            continue
        _run_block(code, f"{page.relative_to(ROOT)}:{line}", namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value):
                value()
                del namespace[name]


def test_block_checker_catches_a_wrong_comment(tmp_path: Path) -> None:
    # The checker itself: a claimed value that is wrong fails, a claimed error must be raised.
    with pytest.raises(AssertionError, match="the page says"):
        _run_block("len('ab')   # 3\n", "x", {})
    _run_block("len('ab')   # 2\nint('x')   # ValueError: invalid literal\n", "x", {})
    with pytest.raises(pytest.fail.Exception):
        _run_block("int('1')   # ValueError: no\n", "x", {})
