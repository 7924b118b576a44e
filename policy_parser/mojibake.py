"""Mojibake undone run by run, when the whole text does not round-trip.

:func:`policy_parser.encoding.repair` repairs a text only when all of it encodes back with one
wrong code page into valid UTF-8. One character that was never damaged stops that proof: a
``U+00A0`` a web page added (``&nbsp;``), a line typed in correctly later. Here each damaged run
(``ä¸€ã€æ€»ä½“`` between ASCII, spaces and correct Chinese) proves its own repair instead,
under the same test: the exact round trip, and common hanzi out of rare or non-Chinese ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policy_parser.encoding import (
    _HANDLER,
    CODECS,
    _convincing,
    _gbk_suspects,
    _run_pattern,
    _undo,
    detect_mojibake,
    repair,
)

__all__ = ["Repair", "repair_runs"]


@dataclass(frozen=True, slots=True)
class Repair:
    """What :func:`repair_runs` undid for one wrong code page.

    Attributes:
        codec: The wrong code page (``gbk``, ``cp1252``, ``mac_cyrillic``, …).
        runs: How many damaged runs were repaired.
        chars: How many damaged characters they held.
        left: How many runs looked damaged but did not round-trip, and were kept as they were.
        sample: The first repaired run as it read (``ä¸€ã€æ€»``).
        repaired: The same run repaired (``一、总``).
    """

    codec: str
    runs: int
    chars: int
    left: int
    sample: str
    repaired: str

    @property
    def message(self) -> str:
        """A sentence for the diagnostic."""
        kept = f"; {self.left} run(s) did not round-trip and were kept" if self.left else ""
        return (
            f"repaired UTF-8 decoded as {self.codec}: {self.runs} run(s), {self.chars} "
            f"characters ({self.sample[:12]!r} → {self.repaired[:8]!r}){kept}"
        )


# GBK pairs can land on A1 A1, the ideographic space U+3000, in the middle of a damaged run
# (第三条　 → 绗涓夋潯…): for repair, a GBK run reaches across such a space.
_GBK_WIDE_RUN = regex.compile(r"[^\x00-\x7f\s]+(?:\u3000[^\x00-\x7f\s]+)*")


def _codec_spans(text: str, codec: str) -> list[tuple[int, int]]:
    """The candidate runs of ``codec`` mojibake, widest first where they overlap."""
    if codec != "gbk":
        return [m.span() for m in _run_pattern(codec).finditer(text)]
    narrow = _gbk_suspects(text)
    spans: list[tuple[int, int]] = []
    for wide in _GBK_WIDE_RUN.finditer(text):
        inside = [(a, b) for a, b in narrow if wide.start() <= a and b <= wide.end()]
        if inside and wide.span() not in inside:
            spans.append(wide.span())
        spans += inside
    return spans


def _undo_lone_bytes(run: str) -> str | None:
    """Undo a GBK run whose Latin-1 letters stand for lone bytes, not for GBK's own pairs.

    A Windows decoder turns a byte that starts no GBK pair into the Latin-1 letter of that
    byte (A7 → '§'), but GBK also has '§' as the pair A1 EC, which is what encoding back gives.
    """
    raw = bytearray()
    for ch in run:
        if 0x80 <= ord(ch) < 0x100:
            raw.append(ord(ch))
        else:
            try:
                raw += ch.encode("gbk", errors=_HANDLER)
            except UnicodeEncodeError:
                return None
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _repair_codec(text: str, codec: str) -> tuple[str, Repair | None]:
    """Repair every run of ``codec`` mojibake that round-trips on its own."""
    pieces: list[str] = []
    done = last = chars = left = 0
    first: tuple[str, str] | None = None
    for start, end in _codec_spans(text, codec):
        if start < last:
            continue  # inside a wider run already repaired
        run = text[start:end]
        fixed = _undo(run, codec, strict=True)
        if fixed is None and codec == "gbk":
            fixed = _undo_lone_bytes(run)
        if fixed is None or not _convincing(run, fixed):
            lossy = _undo(run, codec, strict=False)  # damaged, but bytes were lost upstream
            left += lossy is not None and _convincing(run, lossy)
            continue
        pieces += [text[last:start], fixed]
        last, done, chars = end, done + 1, chars + len(run)
        first = first or (run, fixed)
    if first is None:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), Repair(codec, done, chars, left, *first)


def repair_runs(text: str) -> tuple[str, list[Repair]]:
    r"""Undo mojibake in ``text`` run by run; return the text and what was repaired.

    The whole text is tried first (:func:`policy_parser.encoding.repair`); when it does not
    round-trip (a stray ``U+00A0``, a line that was never damaged, a second code page), each
    damaged run is
    repaired on its own, and only when it round-trips exactly and its hanzi are common ones.
    A run that does not (bytes lost upstream) is kept as it was and counted in ``left``.

    Args:
        text: A decoded text.

    Returns:
        The repaired text (``text`` itself when nothing was repaired) and one :class:`Repair`
        per wrong code page found.

    Example:
        >>> damaged = "一、总体要求".encode().decode("mac_cyrillic")  # 'дЄАгАБжАїдљУи¶Бж±В'
        >>> fixed, done = repair_runs(damaged + "\u00a0" + damaged + "\n二、保障措施")
        >>> fixed
        '一、总体要求\xa0一、总体要求\n二、保障措施'
        >>> [(r.codec, r.runs) for r in done]
        [('mac_cyrillic', 2)]
    """
    report = detect_mojibake(text)
    if report is None:
        return text, []
    whole = repair(text)
    if whole is not None:
        return whole, [Repair(report.codec, 1, len(text), 0, report.sample, report.repaired)]
    done: list[Repair] = []
    for codec in CODECS:
        text, found = _repair_codec(text, codec)
        if found is not None:
            done.append(found)
    return text, done
