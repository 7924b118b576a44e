"""Lever (a) of issue 14: the organ lexicon scanned by an Aho-Corasick automaton or the regex.

Run from the repository root (``pip install pyahocorasick``)::

    python benchmarks/lexicon_scan.py [paths …]

It scans the texts for the lexicon's organ names (leftmost-longest, non-overlapping) with the
prefix-tree alternation ``bodies/patterns.py`` compiles (``_patterns()["organ"]``) and with a
pyahocorasick automaton, checks that both find the same names, prints the best CPU time of
each, and counts how often a parse of the same texts runs that pattern at all.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policy_parser as pp  # noqa: E402
from benchmarks.profile import read_texts  # noqa: E402
from policy_parser.bodies.patterns import _patterns  # noqa: E402
from policy_parser.wordlists import lexicon  # noqa: E402


def main(argv: list[str]) -> int:
    import ahocorasick  # type: ignore[import-not-found]

    texts = [t for _, t in read_texts(argv)]
    organs = [n for n, kind in lexicon().items() if kind == "organ" or n.startswith("各")]
    automaton = ahocorasick.Automaton()
    for word in organs:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    regex_scan = _patterns()["organ"]

    def by_regex() -> list[list[tuple[int, int]]]:
        return [[m.span() for m in regex_scan.finditer(t)] for t in texts]

    def by_automaton() -> list[list[tuple[int, int]]]:
        return [[(e + 1 - n, e + 1) for e, n in automaton.iter_long(t)] for t in texts]

    assert by_regex() == by_automaton(), "the two scans disagree"
    for name, scan in (("regex alternation", by_regex), ("Aho-Corasick", by_automaton)):
        best = min(_cpu(scan) for _ in range(7))
        print(f"{name:18} {best * 1000:7.2f} ms over {sum(map(len, texts)):,} characters")

    calls, chars = 0, 0
    patterns = _patterns()

    class Counting:
        def finditer(self, text: str, pos: int = 0) -> object:
            nonlocal calls, chars
            calls, chars = calls + 1, chars + len(text) - pos
            return regex_scan.finditer(text, pos)

    patterns["organ"] = Counting()  # type: ignore[assignment]
    try:
        for text in texts:
            pp.parse(text)
    finally:
        patterns["organ"] = regex_scan
    print(f"a parse of these texts runs the organ pattern {calls} times, on {chars:,} characters")
    return 0


def _cpu(fn: object) -> float:
    start = time.process_time()
    fn()  # type: ignore[operator]
    return time.process_time() - start


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
