"""Word lists shipped as data files under ``policy_parser/data/``, loaded once.

Every list is one concept (organ names, organ suffixes, document kinds, page-chrome words …)
in a text file of its own, so that a user who wants to know which words the parser knows, or
to add one, edits data and not code. The format, stated again in each file's header:

* lines starting with ``#`` are comments, blank lines are skipped;
* one entry per line: ``WORD`` or ``WORD<TAB>TAGS``, where ``TAGS`` is a comma-separated list
  (``委员会	rank,signature``). A stage selects the entries of one use by tag, so that one list
  serves every stage that needs the concept instead of a copy per stage.

Stages import this module (it imports nothing of the pipeline), which keeps the imports
forward: a word list used by ``segment`` and ``bodies`` alike lives here, not in either.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex

__all__ = ["entries", "lexicon", "one_of", "words"]


@cache
def entries(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Return the entries of ``policy_parser/data/<name>.txt`` as ``(word, tags)``, in order.

    Args:
        name: the file's stem, e.g. ``"organ_suffixes"``.

    Raises:
        FileNotFoundError: no such list is shipped.
        ValueError: an entry is written twice (a list names each word once).
    """
    text = resources.files("policy_parser").joinpath("data", f"{name}.txt").read_text("utf-8")
    seen: set[str] = set()
    out: list[tuple[str, frozenset[str]]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, tags = line.partition("\t")
        word = word.strip()
        if word in seen:
            raise ValueError(f"{name}.txt names {word!r} twice (at line {number})")
        seen.add(word)
        out.append((word, frozenset(t.strip() for t in tags.split(",") if t.strip())))
    return tuple(out)


@cache
def words(name: str, tag: str | None = None) -> tuple[str, ...]:
    """Return the words of list ``name`` (those carrying ``tag`` when one is given), in order.

    >>> "委员会" in words("organ_suffixes")  # doctest: +SKIP
    True
    """
    return tuple(w for w, tags in entries(name) if tag is None or tag in tags)


@cache
def lexicon() -> dict[str, str]:
    """Return the organ lexicon ``data/organs.txt``: name → kind (``organ``/``generic``/``people``).

    The kind is the entry's single tag; an entry with none is an ``organ``.
    """
    return {w: next(iter(tags), "organ") for w, tags in entries("organs")}


def one_of(alternatives: Iterable[str]) -> str:
    """Return a regex group matching any of ``alternatives`` (words of a data file), longest first.

    Longest first, so that where one word starts another (委 / 委员会, 各 / 各类) the longer is
    tried first whatever the order of the file's lines; ties keep the given order.

    >>> one_of(["委", "委员会"])
    '(?:委员会|委)'
    """
    ordered = sorted(alternatives, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w) for w in ordered) + ")"
