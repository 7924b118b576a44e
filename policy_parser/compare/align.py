"""Pair the sections of two versions of a document.

Two versions of a regulation share most sections, but an inserted or deleted article renumbers
the ones after it: the old 第五条 is the new 第四条 once 第三条 is deleted, and the old and the
new 第四条 are different articles. So a section is paired by what it says, not by its path:

1. **Unchanged in place**: same path, heading and text, and its parent paired the same way
   (pre-order, so a parent is paired before its children). ``diff(d, d)`` ends here.
2. **Same words elsewhere**: a heading and text that only one old and one new section have
   pair those two (the old 第五条 is the new 第四条 word for word). Most sections of a
   renumbered regulation pair here, so step 3 compares only what was really edited.
3. **Best similarity**: of the sections left, every old × new pair whose heading and text are
   at least ``threshold`` alike (``difflib.SequenceMatcher.ratio``), or that share path and a
   non-empty heading (一、总体要求 rewritten from top to bottom is still 一、总体要求), is a
   candidate. The candidates are taken greedily, best first, each section once. Ties go to the
   pair whose parents say the same (two articles listing the item ``（一）其他情形。``), then
   to the same path, then to the nearer position. Greedy is not the optimum of the assignment
   problem, but with a threshold well above one half a section rarely has two good partners.

4. **Where the children went**: a section still alone whose paired children are, more than
   half of all its children, in one new section also alone is paired with it (第二章　登记
   retitled 第二章　申请与受理, its articles untouched): a chapter is its articles more than
   its title.

Sections with neither heading nor text (a bare ``三、`` over its items) are paired only in
step 1 or by path: their similarity says nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from policy_parser.models import Document, Section

__all__ = ["Node", "flatten", "pair"]


@dataclass(frozen=True, slots=True)
class Node:
    """One section of a version, with what the pairing reads of it.

    ``parent`` is the index of the parent node, or the attachment prefix (``''`` for the
    document itself, ``'附件1/'``) for a top-level section.
    """

    index: int
    path: str
    section: Section
    parent: int | str
    content: str

    @property
    def heading(self) -> str:
        """The heading, '' when there is none."""
        return self.section.heading or ""


def _content(section: Section) -> str:
    # The heading and the own text: what the section says, without its children.
    return "\n".join(part for part in (section.heading, section.text) if part)


def flatten(doc: Document) -> list[Node]:
    """Return the sections of ``doc`` and its attachments in pre-order.

    Paths are written as ``doc.responsibilities()`` writes them: ``附件1/二/（三）`` in the
    first attachment.
    """
    nodes: list[Node] = []

    def add(section: Section, prefix: str, parent: int | str) -> None:
        index = len(nodes)
        nodes.append(Node(index, prefix + section.path, section, parent, _content(section)))
        for child in section.children:
            add(child, prefix, index)

    def add_document(document: Document, prefix: str) -> None:
        for section in document.sections:
            add(section, prefix, prefix)
        for number, attachment in enumerate(document.attachments, start=1):
            add_document(attachment, f"{prefix}附件{number}/")

    add_document(doc, "")
    return nodes


def _parent_paired(old: Node, new: Node, pairs: dict[int, int]) -> bool:
    if isinstance(old.parent, str) or isinstance(new.parent, str):
        return old.parent == new.parent
    return pairs.get(old.parent) == new.parent


def _pair_in_place(old: Sequence[Node], new: Sequence[Node]) -> dict[int, int]:
    # Step 1. Equal keys are paired in order, so a document with two 一、 (a lenient parse of
    # 一、甲 一、乙) pairs with itself one to one.
    waiting: dict[tuple[str, str, str], list[Node]] = defaultdict(list)
    for node in reversed(new):
        waiting[(node.path, node.heading, node.content)].append(node)
    pairs: dict[int, int] = {}
    for node in old:
        stack = waiting.get((node.path, node.heading, node.content))
        if stack and _parent_paired(node, stack[-1], pairs):
            pairs[node.index] = stack.pop().index
    return pairs


def _pair_unique_content(old: Sequence[Node], new: Sequence[Node]) -> dict[int, int]:
    # Step 2. Content written more than once (（二）其他情形。 under several articles) is left
    # to step 3, whose ties look at the parents.
    def unique(nodes: Sequence[Node]) -> dict[str, Node]:
        seen: dict[str, list[Node]] = defaultdict(list)
        for node in nodes:
            if node.content:
                seen[node.content].append(node)
        return {content: group[0] for content, group in seen.items() if len(group) == 1}

    new_by_content = unique(new)
    return {
        node.index: new_by_content[content].index
        for content, node in unique(old).items()
        if content in new_by_content
    }


def _similarity(matcher: SequenceMatcher[str], threshold: float) -> float:
    """``matcher.ratio()``, or 0.0 as soon as a cheap upper bound is under ``threshold``."""
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    old: Node
    new: Node

    def key(self, old: Sequence[Node], new: Sequence[Node]) -> tuple[float, bool, bool, float]:
        a, b = self.old.parent, self.new.parent
        if isinstance(a, int) and isinstance(b, int):
            parents_agree = old[a].content == new[b].content
        else:
            parents_agree = a == b
        distance = abs(self.old.index / len(old) - self.new.index / len(new))
        return (-self.score, not parents_agree, self.old.path != self.new.path, distance)


def _candidates(old: list[Node], new: list[Node], threshold: float) -> Iterator[_Candidate]:
    # One matcher per new section: SequenceMatcher indexes its second text once (b2j), and
    # the autojunk heuristic is off, since in a short article 的 and 应当 are words, not junk.
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    for b in new:
        matcher.set_seq2(b.content)
        for a in old:
            same_heading = a.path == b.path and bool(a.heading) and a.heading == b.heading
            if not a.content or not b.content:
                if a.path == b.path and not a.content and not b.content:
                    yield _Candidate(1.0, a, b)
                continue
            matcher.set_seq1(a.content)
            score = _similarity(matcher, 0.0 if same_heading else threshold)
            if score >= threshold or same_heading:
                yield _Candidate(score, a, b)


def pair(
    old: Sequence[Node], new: Sequence[Node], threshold: float
) -> dict[int, tuple[int, float]]:
    """Pair old and new nodes; return old index → (new index, similarity).

    Args:
        old: The old version's nodes (:func:`flatten`).
        new: The new version's nodes.
        threshold: The least similarity of a pair found by similarity alone.
    """
    exact = _pair_in_place(old, new)
    taken = set(exact.values())
    rest_old = [node for node in old if node.index not in exact]
    rest_new = [node for node in new if node.index not in taken]
    exact.update(_pair_unique_content(rest_old, rest_new))
    pairs = {a: (b, 1.0) for a, b in exact.items()}
    taken = set(exact.values())
    rest_old = [node for node in rest_old if node.index not in exact]
    rest_new = [node for node in rest_new if node.index not in taken]
    found = sorted(_candidates(rest_old, rest_new, threshold), key=lambda c: c.key(old, new))
    for candidate in found:
        if candidate.old.index in pairs or candidate.new.index in taken:
            continue
        pairs[candidate.old.index] = (candidate.new.index, candidate.score)
        taken.add(candidate.new.index)
    _pair_by_children(old, new, pairs, taken)
    return pairs


def _pair_by_children(
    old: Sequence[Node], new: Sequence[Node], pairs: dict[int, tuple[int, float]], taken: set[int]
) -> None:
    """Step 4: pair a lone old section with the lone new one most of its children went to."""
    children: dict[int, list[int]] = defaultdict(list)
    for node in old:
        if isinstance(node.parent, int):
            children[node.parent].append(node.index)
    # Children first (reversed pre-order), so a part pairs after the chapters under it.
    for node in reversed(old):
        kids = children.get(node.index)
        if node.index in pairs or not kids:
            continue
        went = [new[pairs[kid][0]].parent for kid in kids if kid in pairs]
        counted = {parent: went.count(parent) for parent in went if isinstance(parent, int)}
        if not counted:
            continue
        target, count = max(counted.items(), key=lambda item: (item[1], -item[0]))
        if target not in taken and 2 * count > len(kids):
            score = SequenceMatcher(None, node.content, new[target].content, autojunk=False)
            pairs[node.index] = (target, score.ratio())
            taken.add(target)
