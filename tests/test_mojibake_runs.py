"""Mojibake repaired run by run: a stray U+00A0 or a correct line no longer blocks the repair.

The text is a made-up regulation saved as UTF-8, read back with a wrong code page (GBK,
Mac Cyrillic, Windows-1252 / Latin-1) the way Windows and browsers do, then a non-breaking
space (``&nbsp;``) and one line of correct Chinese were added: the whole text no longer
round-trips, each damaged run still does.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import policy_parser as pp
from policy_parser.cli import main
from policy_parser.encoding import repair

HEAD = "某市科学普及条例\n第一章　总则\n第一条　为了加强科学普及工作，制定本条例。\n"
TAIL = "第二条　本条例适用于本市行政区域。\n第二章　组织管理\n第三条　市科协负责组织实施。\n"
GOOD = "第四条　各区县要落实责任。\n"
ORIGINAL = HEAD + "\u00a0" + TAIL + GOOD
CODECS = ["gbk", "mac_cyrillic", "cp1252"]


def _windows_decoder(exc: UnicodeError) -> tuple[str, int]:
    # cp936 reads the lone byte 0x80 as '€'; other undefined bytes become their Latin-1 letter.
    assert isinstance(exc, UnicodeDecodeError)
    byte = exc.object[exc.start]
    return ("€" if byte == 0x80 and exc.encoding == "gbk" else chr(byte)), exc.start + 1


codecs.register_error("test.runs-decoder", _windows_decoder)


def damage(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, "test.runs-decoder")


def damaged(codec: str) -> str:
    return damage(HEAD, codec) + "\u00a0" + damage(TAIL, codec) + GOOD


def outline_of(doc: pp.Document) -> list[tuple[str, str | None, str]]:
    return [(s.path, s.heading, s.text) for s in doc.walk()]


@pytest.mark.parametrize("codec", CODECS)
def test_whole_text_repair_fails_but_runs_repair(codec: str) -> None:
    text = damaged(codec)
    assert repair(text) is None  # the whole-text proof is blocked by the nbsp and GOOD
    fixed, done = pp.repair(text)
    assert fixed == ORIGINAL
    assert [r.codec for r in done] == [codec]
    assert done[0].runs >= 2 and done[0].chars > 0 and done[0].left == 0
    assert codec in done[0].message and "run(s)" in done[0].message


@pytest.mark.parametrize("codec", CODECS)
def test_parse_file_repairs_and_says_so(
    codec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rules.txt"
    path.write_text(damaged(codec), encoding="utf-8")
    doc = pp.parse_file(path)
    assert doc.source == ORIGINAL
    assert outline_of(doc) == outline_of(pp.parse(ORIGINAL))
    assert len(outline_of(doc)) >= 4
    notes = [d for d in doc.diagnostics if d.code == "mojibake-repaired"]
    assert len(notes) == 1 and codec in notes[0].message
    assert main(["outline", str(path), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "mojibake-repaired" in err and codec in err


def test_correct_text_is_left_alone() -> None:
    assert pp.repair(ORIGINAL) == (ORIGINAL, [])


def test_a_sequence_that_lost_bytes_is_kept_as_read() -> None:
    # The last byte of 例 was cut off upstream: what round-trips is repaired, the two
    # characters left of 例 ('ä¾') cannot be and stay as they were read; nothing is dropped.
    cut = "某市科学普及条例".encode()[:-1].decode("cp1252", "test.runs-decoder")
    fixed, done = pp.repair(cut + "\n" + damage(TAIL, "cp1252"))
    assert fixed == "某市科学普及条" + cut[-2:] + "\n" + TAIL
    assert cut[-2:] == "ä¾"
    assert [r.codec for r in done] == ["cp1252"]
