"""What a batch input is: one rule for :func:`~policy_parser.parse_many` and ``policy_parser.dask``.

An :class:`os.PathLike` (``pathlib.Path``) is a file to read; a ``str`` is a text to parse.
A ``str`` is never silently taken for a file name, nor a file name for a text: the classic slip
``parse_many(glob.glob("*.txt"))`` passes file names as ``str``, which would parse each name
as a (structureless) text. A ``str`` that names an existing file with a suffix the loaders read
(``"plan.txt"`` when ``plan.txt`` exists) therefore raises :class:`TypeError` saying what to
pass instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from policy_parser.loaders import SUPPORTED_SUFFIXES

__all__ = ["Input", "classify"]

#: A text to parse (``str``) or a file to read and parse (:class:`os.PathLike`).
Input: TypeAlias = "str | os.PathLike[str]"

# A file name is one short line; a text longer than this is never stat()ed.
_MAX_NAME = 4096


def _names_a_file(text: str) -> bool:
    """Return whether ``text`` reads as the name of an existing file the loaders know.

    ``"docs/plan.txt"`` when that file exists is a file name; ``"一、总体要求"`` or a whole
    text is not, and neither is ``"plan.txt"`` when there is no such file.
    """
    if len(text) > _MAX_NAME or "\n" in text:
        return False
    if Path(text).suffix.lower() not in SUPPORTED_SUFFIXES:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):  # an embedded NUL, a name too long for the system
        return False


def classify(item: object, caller: str) -> str | Path:
    """Return ``item`` as a text (``str``) or a file (``Path``), by the one rule above.

    Args:
        item: One input.
        caller: The public function's name, for messages (``"parse_many()"``).

    Raises:
        TypeError: ``item`` is neither ``str`` nor path-like, or is a ``str`` naming an
            existing file (wrap it in ``Path``, or use ``parse_files``).
    """
    if isinstance(item, str):
        if _names_a_file(item):
            raise TypeError(
                f"{caller} takes str as text to parse, but {item!r} names a file: "
                "pass pathlib.Path objects for files (e.g. map(Path, glob.glob(...))) "
                "or use policy_parser.parse_files()"
            )
        return item
    if isinstance(item, os.PathLike):
        return Path(item)
    raise TypeError(f"{caller} takes str texts or path-like files, not {type(item).__name__}")
