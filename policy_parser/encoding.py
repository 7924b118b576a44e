"""Mojibake: Chinese UTF-8 that was decoded with the wrong code page somewhere upstream.

A scraper or an editor that reads UTF-8 bytes as GBK, Windows-1252, Mac Roman or Mac Cyrillic
and saves the result turns ``一、总体要求`` into ``涓€銆佹€讳綋瑕佹眰``, ``ä¸€ã€æ€»ä½“è¦æ±‚``
or ``дЄАгАБжАїдљУи¶Бж±В``. The damage is mechanical, so it can be both detected and undone:
encoding the text back with the wrong code page gives the original bytes, and those decode
as UTF-8 into common Chinese characters. Real Chinese text almost never does that: its GBK
bytes are not valid UTF-8, and Latin or Cyrillic words never form three-byte UTF-8 sequences
that land on common hanzi.

:func:`detect_mojibake` finds the damaged runs (for a ``mojibake`` diagnostic);
:func:`repair` returns the repaired text only when the whole text round-trips, so a repair is
never a guess. :func:`policy_parser.mojibake.repair_runs` (``policy_parser.repair``) goes run
by run when the whole text does not round-trip: one stray ``U+00A0`` (``&nbsp;``) or one line
of correct Chinese stops the whole-text proof, but each damaged run still proves its own repair.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

__all__ = ["MojibakeReport", "detect_mojibake", "repair"]

# The wrong code pages seen in practice, most common first. Python's ``gbk`` lacks the 0x80 →
# '€' of Windows code page 936, which most GBK mojibake shows ('涓€'); the error handler below
# restores it.
CODECS: tuple[str, ...] = ("gbk", "cp1252", "mac_roman", "mac_cyrillic", "cp1251")
# Leading bytes of three-byte UTF-8: E3 (、。「」), E4–E9 (the CJK ideographs), EF (，：（）).
_LEADS = bytes([0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF])
_HANDLER = "policy_parser.mojibake"
# At least this many characters must come back as hanzi, and this share of them be common,
# before a run counts as mojibake: a short accented word or one rare character never does.
_MIN_HANZI = 2
_MIN_COMMON = 0.8


def _encode_back(exc: UnicodeError) -> tuple[bytes, int]:
    """Encode what a Windows decoder produced but Python's codec does not map back."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = bytearray()
    for ch in exc.object[exc.start : exc.end]:
        if ch == "€" and exc.encoding in ("gbk", "cp936"):
            out.append(0x80)  # cp936 puts the euro sign on the lone byte 0x80
        elif ord(ch) < 0x100:
            out.append(ord(ch))  # cp1252's five undefined bytes decode to C1 controls
        else:
            raise exc
    return bytes(out), exc.end


codecs.register_error(_HANDLER, _encode_back)


@dataclass(frozen=True, slots=True)
class MojibakeReport:
    """Where a text looks like UTF-8 read with the wrong code page.

    Attributes:
        codec: The wrong code page the text was decoded with (``gbk``, ``cp1252``, …).
        start: Offset of the first damaged run in the text.
        end: Offset just after it.
        runs: How many damaged runs were found.
        chars: How many characters they hold.
        sample: The first run as it reads (``涓€銆佹€讳綋``).
        repaired: The first run as it should read (``一、总体``).
    """

    codec: str
    start: int
    end: int
    runs: int
    chars: int
    sample: str
    repaired: str

    @property
    def message(self) -> str:
        """A sentence for the diagnostic."""
        return (
            f"text looks like UTF-8 decoded as {self.codec}: {self.sample[:12]!r} reads "
            f"{self.repaired[:8]!r} ({self.runs} damaged run(s), {self.chars} characters)"
        )


@cache
def _common_hanzi() -> frozenset[str]:
    # GB2312 level 1, the 3,755 characters that make up >95 % of any Chinese text.
    return frozenset(
        bytes([lead, trail]).decode("gb2312")
        for lead in range(0xB0, 0xD8)
        for trail in range(0xA1, 0xFF)
        if not (lead == 0xD7 and trail > 0xF9)
    )


@cache
def _run_pattern(codec: str) -> regex.Pattern[str]:
    """The characters a three-byte UTF-8 sequence turns into under ``codec``."""
    if codec == "gbk":
        # Two-byte GBK pairs straddle the UTF-8 sequences, so any GBK character can take part:
        # take runs of non-ASCII, non-space characters and let the round trip decide.
        return regex.compile(r"[^\x00-\x7f\s]{3,}")
    leads = "".join(_decode_byte(b, codec) for b in _LEADS)
    conts = "".join(_decode_byte(b, codec) for b in range(0x80, 0xC0))
    return regex.compile(f"(?:[{regex.escape(leads)}][{regex.escape(conts)}]{{2}})+")


# A GBK run is a run of any non-ASCII, non-space characters: all Chinese text is made of them.
# One counts only if its own hanzi are mostly rare or it has none (see _convincing), so only
# the runs that hold a rare hanzi, or no hanzi at all, need the round trip.
_RUN_BACK = regex.compile(r"(?r)[^\x00-\x7f\s]*")  # the run characters before a position
_HANZI_FREE_RUN = regex.compile(
    r"(?<![^\x00-\x7f\s])[^\x00-\x7f\s\u4e00-\u9fff]{3,}(?![^\x00-\x7f\s])"
)


@cache
def _rare_hanzi() -> re.Pattern[str]:
    """A hanzi outside GB2312 level 1.

    Compiled with the standard ``re``, which turns a class of thousands of ranges into a bitmap;
    ``regex`` tries the ranges one by one, a thousand times slower on a long text.
    """
    ranges: list[str] = []
    rare_from = 0x4E00  # the first code point not yet known to be common
    for cp in [*sorted(map(ord, _common_hanzi())), 0xA000]:
        if cp > rare_from:
            ranges.append(f"{chr(rare_from)}-{chr(cp - 1)}")
        rare_from = cp + 1
    return re.compile(f"[{''.join(ranges)}]")


@cache
def _foreign_leads() -> re.Pattern[str]:
    """Any character that starts a run of a code page other than GBK.

    Chinese text holds none, so one scan (``re``: several times faster than ``regex`` on one
    class) stands for four run searches.
    """
    leads = {_decode_byte(b, codec) for codec in CODECS if codec != "gbk" for b in _LEADS}
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}]")


def _gbk_suspects(text: str) -> list[tuple[int, int]]:
    """Return the spans of the GBK runs of ``text`` that hold a rare hanzi or no hanzi."""
    pattern = _run_pattern("gbk")
    spans = {m.span() for m in _HANZI_FREE_RUN.finditer(text)}
    covered = 0  # end of the last run found: rare hanzi come in order
    for rare in _rare_hanzi().finditer(text):
        if rare.start() < covered:
            continue
        back = _RUN_BACK.match(text, 0, rare.start())
        run = pattern.match(text, back.start()) if back else None
        if run:
            spans.add(run.span())
            covered = run.end()
    return sorted(spans)


def _decode_byte(byte: int, codec: str) -> str:
    try:
        return bytes([byte]).decode(codec)
    except UnicodeDecodeError:
        return chr(byte)  # cp1252's holes: browsers and Python's latin-1 give the C1 control


def _hanzi_evidence(text: str) -> tuple[int, int]:
    """Return (hanzi, common hanzi) counts in ``text``."""
    common = _common_hanzi()
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return len(hanzi), sum(ch in common for ch in hanzi)


def _undo(run: str, codec: str, strict: bool) -> str | None:
    try:
        raw = run.encode(codec, errors=_HANDLER)
    except UnicodeEncodeError:
        return None
    if not strict:
        # A GBK run's last pair may hold half of a UTF-8 sequence whose rest was lost (it was
        # paired with a newline and replaced): keep what decodes. (Valid UTF-8 decodes the
        # same either way, so there is no strict attempt first: a failed one costs a raise.)
        return raw.decode("utf-8", errors="ignore")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _convincing(before: str, after: str) -> bool:
    hanzi, common = _hanzi_evidence(after)
    if hanzi < _MIN_HANZI or common < _MIN_COMMON * hanzi:
        return False
    old_hanzi, old_common = _hanzi_evidence(before)
    # GBK mojibake is made of hanzi too, but rare ones; real text is made of common ones.
    return old_hanzi == 0 or old_common < 0.6 * old_hanzi


def detect_mojibake(text: str) -> MojibakeReport | None:
    """Find runs of ``text`` that read as UTF-8 decoded with a wrong code page.

    Args:
        text: Any text.

    Returns:
        A report on the code page that explains the most damaged characters, or None if the
        text shows no mojibake.

    Example:
        >>> detect_mojibake("涓€銆佹€讳綋瑕佹眰").repaired
        '一、总体要求'
        >>> detect_mojibake("一、总体要求") is None
        True
    """
    if text.isascii():
        return None  # the damage always leaves non-ASCII characters behind
    best: MojibakeReport | None = None
    foreign = _foreign_leads().search(text) is not None
    for codec in CODECS:
        if codec != "gbk" and not foreign:
            continue
        runs: list[tuple[int, int, str]] = []
        spans: Iterable[tuple[int, int]] = (
            _gbk_suspects(text)
            if codec == "gbk"
            else (m.span() for m in _run_pattern(codec).finditer(text))
        )
        for start, end in spans:
            run = text[start:end]
            repaired = _undo(run, codec, strict=False)
            if repaired is not None and _convincing(run, repaired):
                runs.append((start, end, repaired))
        if not runs:
            continue
        chars = sum(end - start for start, end, _ in runs)
        if best is None or chars > best.chars:
            start, end, repaired = runs[0]
            best = MojibakeReport(codec, start, end, len(runs), chars, text[start:end], repaired)
    return best


def repair(text: str) -> str | None:
    """Return ``text`` with its mojibake undone, only when the repair is certain.

    The whole text must encode back with one wrong code page and those bytes must be valid
    UTF-8 whose hanzi are common ones; a text that is only partly damaged, or damaged beyond
    a round trip (bytes replaced by ``�``), is left alone.

    Args:
        text: A decoded text.

    Returns:
        The repaired text, or None when there is nothing to repair or no proof.

    Example:
        >>> repair("一、总体要求，加强科普工作。".encode().decode("mac_roman"))
        '一、总体要求，加强科普工作。'
        >>> repair("一、总体要求") is None
        True
    """
    report = detect_mojibake(text)
    if report is None:
        return None
    repaired = _undo(text, report.codec, strict=True)
    if repaired is None or repaired == text or not _convincing(text, repaired):
        return None
    return repaired
