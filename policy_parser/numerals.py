"""Chinese numerals ↔ int.

Markers count in Chinese (一、 （十八） 第一百二十三条), in circled digits (①) and in Arabic
digits, full-width or half-width. :func:`to_int` reads all of them.
"""

from __future__ import annotations

__all__ = ["CIRCLED", "DIGITS", "from_int", "to_int"]

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_WAN: dict[str, int] = {"万": 10_000, "萬": 10_000}

# ①…⑳, ㉑…㉟, ㊱…㊿: the circled numbers Unicode has.
CIRCLED: dict[str, int] = {
    **{chr(0x2460 + i): i + 1 for i in range(20)},
    **{chr(0x3251 + i): i + 21 for i in range(15)},
    **{chr(0x32B1 + i): i + 36 for i in range(15)},
}
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _small(text: str, digit_runs: bool = True) -> int | None:
    # Below 10 000: 一百零八, 二十四, 十一, 三千零五十; also digit strings 二〇二三.
    if all(ch in DIGITS for ch in text):
        if not digit_runs and len(text) > 1:
            return None  # a count ('一二' is no month), not a number written digit by digit
        # 二〇二三 written digit by digit; a lone 〇 is zero.
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total, digit = 0, None
    last_unit = 10_000
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                return None  # 二三十 is not a number
            digit = DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None  # 十百, 百百
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def to_int(text: str, *, digit_runs: bool = True) -> int | None:
    """Return the integer a numeral stands for, or None if ``text`` is not one.

    Args:
        text: A Chinese numeral (一百零八, 两, 〇), Arabic digits (full- or half-width) or a
            circled number (①).
        digit_runs: Whether Chinese digits written one by one, without a unit, are a number
            (``二〇二三`` → 2023, as years are written). False for counts such as months and
            days, where ``一二`` is not a number.

    Returns:
        The value, or None.

    >>> to_int("二十四"), to_int("一百零八"), to_int("１２"), to_int("⑤")
    (24, 108, 12, 5)
    """
    text = text.strip()
    if not text:
        return None
    if text in CIRCLED:
        return CIRCLED[text]
    ascii_digits = text.translate(_FULL_DIGITS)
    if ascii_digits.isascii() and ascii_digits.isdigit():
        return int(ascii_digits)
    for wan, scale in _WAN.items():
        if wan in text:
            high, _, low = text.partition(wan)
            hi = _small(high, digit_runs) if high else 1
            lo = _small(low.lstrip("零〇"), digit_runs) if low.lstrip("零〇") else 0
            if hi is None or lo is None:
                return None
            return hi * scale + lo
    return _small(text, digit_runs)


_CN = "〇一二三四五六七八九"


def from_int(value: int) -> str:
    """Return the Chinese numeral for ``0 <= value < 100000`` as markers write it: 24 → 二十四."""
    if value < 0 or value >= 100_000:
        raise ValueError(f"cannot write {value} as a Chinese numeral")
    if value < 10:
        return _CN[value]
    parts: list[str] = []
    zero = False
    for unit, name in ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(_CN[digit] + name)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text
