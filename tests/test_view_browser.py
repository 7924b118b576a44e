"""The view page in a real browser: Chromium driven by Playwright.

Playwright comes with the ``view`` extra (pulled in by ``test``); the browser is the system's
Chromium (``chromium`` on the PATH, or ``POLICY_PARSER_CHROMIUM``), so nothing is
downloaded. Without either the tests skip, saying which is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import policy_parser as pp
from policy_parser.export import section_label

sync_api = pytest.importorskip(
    "playwright.sync_api", reason='playwright not installed: pip install "policy-parser[view]"'
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Made up: two levels, a body named twice, a character outside the BMP (𠀀, two UTF-16 units)
# before the sections so that a wrong offset conversion would shift every highlight.
PLAN = (
    "关于𠀀事项的实施方案\n"
    "一、总体要求\n"
    "（一）加强领导。甲市教育局要负责统筹𠀁工作。\n"
    "（二）落实责任。乙市财政局牵头，甲市教育局配合。\n"
    "二、保障措施\n"
    "（一）强化督查。丙市科技局要加强督查，见<script>alert(1)</script>。\n"
    "（二）加强宣传。乙市财政局要做好宣传。\n"
)


def _chromium() -> str | None:
    return os.environ.get("POLICY_PARSER_CHROMIUM") or next(
        (p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium found: put `chromium` on the PATH (apt install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


def _open(browser: Any, doc: pp.Document, tmp_path: Path) -> Any:
    path = tmp_path / "view.html"
    path.write_text(pp.view_html(doc), encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    assert not errors, errors
    return page


def _node(page: Any, path: str) -> Any:
    return page.locator(f'#tree li[data-path="{path}"]')


def test_the_tree_shows_every_section(browser: Any, tmp_path: Path) -> None:
    doc = pp.parse(PLAN)
    page = _open(browser, doc, tmp_path)
    paths = [s.path for s in doc.walk()]
    assert page.locator("#tree li").count() == len(paths) == 6
    assert page.locator("#tree li").evaluate_all("els => els.map(e => e.dataset.path)") == paths
    assert _node(page, "一/（一）").locator(":scope > .node").text_content() == "（一）加强领导"
    assert page.locator("#doc-title").text_content() == doc.title


def test_a_node_collapses_and_expands(browser: Any, tmp_path: Path) -> None:
    page = _open(browser, pp.parse(PLAN), tmp_path)
    child = _node(page, "二/（一）").locator(":scope > .node")
    assert child.is_visible()
    _node(page, "二").locator(":scope > .toggle").click()
    assert child.is_hidden()
    assert _node(page, "一/（一）").locator(":scope > .node").is_visible()
    _node(page, "二").locator(":scope > .toggle").click()
    assert child.is_visible()
    page.click("#collapse-all")
    assert child.is_hidden()
    page.click("#expand-all")
    assert child.is_visible()


def test_clicking_a_node_highlights_its_span(browser: Any, tmp_path: Path) -> None:
    doc = pp.parse(PLAN)
    page = _open(browser, doc, tmp_path)
    for section in doc.walk():
        _node(page, section.path).locator(":scope > .node").click()
        assert page.locator("#source mark").count() == 1
        assert page.locator("#highlight").text_content() == section.span.slice(doc.source)
        assert page.locator("#highlight").is_visible()
    # The rest of the text stays, and the <script> it quotes is text, not an element.
    assert page.locator("#source").text_content() == doc.source
    assert page.locator("#source script").count() == 0


def test_the_table_filters_by_body(browser: Any, tmp_path: Path) -> None:
    doc = pp.parse(PLAN)
    page = _open(browser, doc, tmp_path)
    rows = page.locator("#table tbody tr:not(.hidden)")
    table = doc.responsibilities()
    assert rows.count() == len(table) >= 4
    page.select_option("#body-select", "甲市教育局")
    assert rows.count() == sum(r.body == "甲市教育局" for r in table) == 2
    assert set(rows.locator('td[data-column="body"]').all_text_contents()) == {"甲市教育局"}
    page.select_option("#body-select", "")
    page.fill("#body-filter", "财政")
    assert rows.count() == sum("财政" in r.body for r in table) == 2
    rows.first.click()
    first = next(r for r in table if "财政" in r.body)
    assert page.locator("#highlight").text_content() == first.span.slice(doc.source)


def test_the_example_document(browser: Any, tmp_path: Path) -> None:
    text = (EXAMPLES / "guofa-2019-3-opinion.txt").read_text(encoding="utf-8")
    doc = pp.parse(text)
    page = _open(browser, doc, tmp_path)
    sections = list(doc.walk())
    assert page.locator("#tree li").count() == len(sections) > 20
    deepest = max(sections, key=lambda s: (s.level, s.span.start))
    _node(page, deepest.path).locator(":scope > .node").click()
    assert page.locator("#highlight").text_content() == deepest.span.slice(text)
    body = doc.responsibilities()[0].body
    page.select_option("#body-select", body)
    expected = sum(r.body == body for r in doc.responsibilities())
    assert page.locator("#table tbody tr:not(.hidden)").count() == expected > 1
    assert page.locator("#row-count").text_content() == (
        f"{expected} of {len(doc.responsibilities())} rows"
    )


def _click_char(page: Any, source: str, at: int) -> None:
    """Click with the mouse on the character at code-point offset ``at`` of the source."""
    units = len(source[:at].encode("utf-16-le")) // 2
    box = page.evaluate(
        """(u) => {
            const walker = document.createTreeWalker(document.getElementById("source"), 4);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (u < n.length) {
                    const r = document.createRange();
                    r.setStart(n, u); r.setEnd(n, u + 1);
                    r.startContainer.parentElement.scrollIntoView({ block: "center" });
                    const b = r.getClientRects()[0];
                    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
                }
                u -= n.length;
            }
            return null;
        }""",
        units,
    )
    assert box is not None
    page.mouse.click(box["x"], box["y"])


def test_clicking_the_text_selects_its_section(browser: Any, tmp_path: Path) -> None:
    doc = pp.parse(PLAN)
    page = _open(browser, doc, tmp_path)
    # In the own text of 二/（一）, then 一/（二） (before the mark), then 二/（二） (after it).
    for needle, path in (
        ("丙市科技局", "二/（一）"),
        ("牵头", "一/（二）"),
        ("做好宣传", "二/（二）"),
    ):
        _click_char(page, doc.source, doc.source.index(needle) + 1)
        section = doc.find(path)
        assert section is not None
        assert page.locator(".node.selected").text_content() == section_label(section)
        assert page.locator("#highlight").text_content() == section.span.slice(doc.source)


def test_clicking_a_row_marks_its_body_and_section(browser: Any, tmp_path: Path) -> None:
    doc = pp.parse(PLAN)
    page = _open(browser, doc, tmp_path)
    page.click("#collapse-all")
    row = doc.responsibilities()[-1]
    page.locator("#table tbody tr").last.click()
    assert page.locator("#highlight").text_content() == row.body == "乙市财政局"
    selected = page.locator(".node.selected")
    assert selected.is_visible()  # its collapsed parent was opened
    assert selected.get_attribute("title") == row.path == "二/（二）"
