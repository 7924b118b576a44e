"""A parse that finds nothing says so; bytes of the wrong kind are recognised before decoding.

Each input type goes through the API (``parse`` / ``parse_file``) and the ``policy-parser``
command line, which must say on standard error what it found, and exit 1 under ``--strict``.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.checks import MAX_OWN_TEXT, document_warnings
from policy_parser.cli import main
from policy_parser.loaders import LoadError, load_bytes, load_text

DATA = Path(__file__).parent / "data" / "loaders"
POLICY = "关于加强某项工作的通知\n一、总体要求\n（一）加强领导。\n二、保障措施\n"


def codes(doc: pp.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def zip_bytes(names: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# --- no document structure ---------------------------------------------------------------


def test_an_ordinary_policy_has_none_of_these_warnings() -> None:
    assert document_warnings(pp.parse(POLICY)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["empty-text"]),
        ("  \n\n", ["empty-text"]),
        ("The rules apply to all staff.\n", ["no-chinese", "no-structure"]),
        ("今天天气很好，我们去公园散步。\n", ["no-structure"]),
    ],
)
def test_a_text_without_structure_is_a_warning_saying_which(text: str, expected: list[str]) -> None:
    doc = pp.parse(text)
    assert [c for c in codes(doc) if c in expected] == expected
    for diag in doc.diagnostics:
        assert diag.severity is pp.Severity.WARNING
        assert diag.message


def test_english_only_says_no_chinese_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "english.txt"
    path.write_text("Notice on the work\n1. General\n", encoding="utf-8")
    status, out, err = run(capsys, "parse", str(path), "--no-progress")
    assert status == 0 and out
    assert "no-chinese" in err and str(path) in err
    status, _, err = run(capsys, "parse", str(path), "--strict", "--no-progress")
    assert status == 1 and "no-chinese" in err


def test_empty_file_through_api_and_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert codes(pp.parse_file(path)) == ["empty-text"]
    status, _, err = run(capsys, "outline", str(path), "--no-progress")
    assert status == 0 and "empty-text" in err
    assert run(capsys, "outline", str(path), "--strict", "--no-progress")[0] == 1


def test_strict_fails_on_any_warning_but_keeps_the_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # （三） first: numbering-start, a warning, not an error: printed, but exit 1 under strict.
    path = tmp_path / "excerpt.txt"
    path.write_text("（三）加强领导。\n（四）强化保障。\n", encoding="utf-8")
    status, out, err = run(capsys, "outline", str(path), "--no-progress")
    assert (status, err) == (0, "")
    status, out, err = run(capsys, "outline", str(path), "--strict", "--no-progress")
    assert status == 1 and "numbering-start" in err and "（三）" in out


# --- a part far too long ----------------------------------------------------------------


def test_one_huge_line_is_an_oversized_text_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A flattened text: the first item's tail holds everything after it, on one line.
    line = "（一）加强领导。" + "各地要落实责任，" * (MAX_OWN_TEXT // 8 + 10)
    text = "关于加强某项工作的通知\n一、总体要求\n" + line + "\n"
    doc = pp.parse(text)
    oversized = [d for d in doc.diagnostics if d.code == "oversized-text"]
    assert len(oversized) == 1
    assert "一/（一）" in oversized[0].message
    assert oversized[0].span.slice(text).startswith("（一）")
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "outline", str(path), "--strict", "--no-progress")
    assert status == 1 and "oversized-text" in err


def test_a_long_but_real_section_is_not_oversized() -> None:
    text = "一、总体要求\n" + "各地要落实责任。" * (MAX_OWN_TEXT // 10) + "\n"
    assert "oversized-text" not in codes(pp.parse(text))


# --- bytes of another kind than the name says ------------------------------------------


@pytest.mark.parametrize("name", ["notice", "notice.txt"])
def test_pdf_bytes_without_pdf_suffix_are_read_as_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    pytest.importorskip("pdfplumber")
    path = tmp_path / name
    shutil.copy(DATA / "zbq.pdf", path)
    loaded = load_text(path)
    assert loaded.kind == "pdf"
    expected = pp.parse_file(DATA / "zbq.pdf")
    doc = pp.parse_file(path)
    assert doc.sections == expected.sections
    said = doc.diagnostics[0]
    assert said.code == "content-kind"
    if name.endswith(".txt"):  # the name said text: a warning says what the bytes were
        assert said.severity is pp.Severity.WARNING and "PDF" in said.message
    else:  # no name said anything: only worth knowing, not a warning
        assert said.severity is pp.Severity.INFO and "pdf" in said.message
    status, _, err = run(capsys, "outline", str(path), "--no-progress")
    assert status == 0 and "content-kind" in err
    strict = run(capsys, "outline", str(path), "--no-progress", "--strict")[0]
    assert strict == (1 if name.endswith(".txt") else 0)


def test_docx_bytes_under_txt_name_are_read_as_docx(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    path = tmp_path / "plan.txt"
    shutil.copy(DATA / "zbq.docx", path)
    doc = pp.parse_file(path)
    assert doc.sections == pp.parse_file(DATA / "zbq.docx").sections
    assert "content-kind" in codes(doc)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "convert it to .docx"),
        (zip_bytes({"xl/workbook.xml": "<workbook/>"}), "Excel"),
        (
            zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "a.xml": ""}),
            "convert it to .docx",
        ),
    ],
    ids=["ole-doc", "xlsx", "odt"],
)
@pytest.mark.parametrize("name", ["old.doc", "old.txt", "old"])
def test_office_files_no_loader_reads_say_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, says: str, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=says):
        pp.parse_file(path)
    with pytest.raises(LoadError, match=says):
        load_bytes(data)
    status, out, err = run(capsys, "parse", str(path), "--no-progress")
    assert status == 2 and out == "" and says in err


def test_stdin_recognises_html_but_a_txt_file_of_markup_stays_text(tmp_path: Path) -> None:
    markup = "<html><body><p>一、总体要求</p></body></html>".encode()
    pytest.importorskip("selectolax")
    assert load_bytes(markup, "auto").kind == "html"
    path = tmp_path / "source.txt"
    path.write_bytes(markup)
    assert load_text(path).kind == "text"
