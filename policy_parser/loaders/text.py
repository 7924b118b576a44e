"""Plain-text files: find the encoding without being told, never return mojibake.

Chinese policy texts come as UTF-8 (with or without a BOM), as UTF-16 with a BOM (Windows
"Unicode" text) and as GB18030/GBK/GB2312 (older sites, Windows "ANSI" on Chinese systems).
The order of the attempts is what makes the guess sound:

1. A byte-order mark names its encoding outright (UTF-32 is checked before UTF-16 because
   the UTF-32 LE mark begins with the UTF-16 LE one).
2. Strict UTF-8: multi-byte UTF-8 is so constrained that GBK bytes almost never decode as
   UTF-8 by accident, while pure ASCII is valid in both and the answer is the same.
3. Strict GB18030 (a superset of GBK and GB2312), accepted only if the result looks like
   Chinese text: GB18030 maps almost any byte pair somewhere, so Latin-1 or Shift-JIS bytes
   can "decode" into rare characters, private-use code points and control characters.
4. Otherwise :class:`~policy_parser.loaders.LoadError`, naming the file.
"""

from __future__ import annotations

import codecs
import unicodedata

from policy_parser.mojibake import Repair, repair_runs

__all__ = ["DecodeFailure", "decode_bytes", "decode_text", "looks_like_text"]

# (mark, codec) in the order they must be tested.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeFailure(ValueError):
    """The bytes are in no encoding we accept; the loader adds the file name."""


def looks_like_text(text: str) -> bool:
    """Return whether ``text`` is plausible as a decoded Chinese (or ASCII) document.

    Rejects control characters other than whitespace, and requires that at most 2 % of the
    characters lie outside the scripts a policy text uses (ASCII, CJK ideographs and
    punctuation, full-width forms, common symbols; a page's icon-font private-use characters
    count against this share), and that at least 80 % of the ideographs (when there are three
    or more) are among
    the 3,755 common ones of GB2312 level 1. Wrong-codec decodes fail these checks long before
    a real text does.
    """
    if not text:
        return True
    odd = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cc" and ch not in "\t\n\r\f\v":
            return False
        code = ord(ch)
        if not (
            code < 0x80
            or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
            or 0x3000 <= code <= 0x303F  # CJK punctuation 、。〔〕「」
            or 0xFF01 <= code <= 0xFF5E  # full-width forms （）：，１
            or 0xFFE0 <= code <= 0xFFE6  # ￥ ￡
            or 0x2000 <= code <= 0x206F  # general punctuation “”…—
            or 0x2460 <= code <= 0x24FF  # ① ⑴ ⒈
            or 0x3200 <= code <= 0x32FF  # ㈠ ㉑
            or code in (0xA0, 0xB7, 0xD7, 0xF7)  # nbsp · × ÷
        ):
            odd += 1
    if odd > max(2, len(text) // 50):
        return False
    return _common_hanzi_share(text) >= 0.8


def _common_hanzi_share(text: str, sample: int = 5000) -> float:
    # Shift-JIS or Big5 bytes read as GBK give real but rare ideographs (日本語 → 擔杮岅偺).
    # A Chinese text draws >95 % of its hanzi from GB2312 level 1, the 3,755 common ones
    # (first byte 0xB0-0xD7); mojibake draws most from elsewhere.
    total = common = 0
    for ch in text:
        if not 0x4E00 <= ord(ch) <= 0x9FFF:
            continue
        total += 1
        encoded = ch.encode("gb2312", errors="replace")  # outside GB2312: b"?", not common
        common += 0xB0 <= encoded[0] <= 0xD7
        if total >= sample:
            break
    return 1.0 if total < 3 else common / total


def decode_text(data: bytes) -> tuple[str, str, list[Repair]]:
    """Decode a text file's bytes as :func:`decode_bytes`; also say what mojibake was undone.

    Returns:
        ``(text, encoding, repairs)``: one :class:`~policy_parser.encoding.Repair` per wrong
        code page whose runs were repaired (:func:`policy_parser.encoding.repair_runs`).
    """
    text, encoding = _decode(data)
    # Every decode path ends here: undo mojibake saved as UTF-8 (涓€銆… for 一、…) run by run,
    # each run only when its round trip proves it; the rest is kept as decoded.
    fixed, repairs = repair_runs(text)
    return fixed, encoding, repairs


def decode_bytes(data: bytes) -> tuple[str, str]:
    r"""Decode a text file's bytes; return ``(text, encoding)``, mojibake repaired.

    See :func:`decode_text`, which also says what was repaired.
    """
    text, encoding, _ = decode_text(data)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    r"""Decode a text file's bytes; return ``(text, encoding)``.

    Line endings are made ``\n`` (as :meth:`pathlib.Path.read_text` does), so spans index the
    same text whichever platform wrote the file. The BOM is dropped.

    Raises:
        DecodeFailure: The bytes are not UTF-8/16/32 with a BOM, UTF-8, or GB18030 text.
    """
    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(f"has a {codec.upper()} byte-order mark but {exc}") from exc
            name = "utf-8-sig" if codec == "utf-8-sig" else f"{codec}-{_endian(mark)}"
            return _newlines(text.lstrip("\ufeff")), name
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            raise DecodeFailure(
                f"is neither UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                f"nor GB18030 ({gb_error.reason} at byte {gb_error.start})"
            ) from None
        if not looks_like_text(text):
            raise DecodeFailure(
                f"is not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and decodes "
                "as GB18030 only to unlikely characters; convert it to UTF-8 first"
            ) from None
        return _newlines(text), "gb18030"


def _endian(mark: bytes) -> str:
    return "le" if mark in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE) else "be"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
