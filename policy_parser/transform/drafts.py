"""Nodes → drafts: each sibling group read together, headings decided by the group.

Sibling items are written alike, so a run-in title stands when the group says so
(:func:`_group_titled`); glued titles are split where the siblings agree (``unglue.py``).
"""

from __future__ import annotations

from functools import lru_cache

from policy_parser.drafts import Draft
from policy_parser.models import Span, path_key
from policy_parser.normalize import TrackedText
from policy_parser.transform.headings import VOTES, Reading, Tier, read_marker_line
from policy_parser.transform.nodes import Node
from policy_parser.transform.phrases import same_subject
from policy_parser.transform.tab_tables import tab_table
from policy_parser.transform.tails import run_together, trailing_to_parent
from policy_parser.transform.unglue import unglue_titles

__all__ = ["to_drafts"]


# One node of a sibling group as :func:`to_drafts` first reads it, before the group votes: its
# reading, its stripped lines (marker line first), its path and the drafts of its table. A
# plain tuple, not a class: one is built per section and never leaves this module.
_Item = tuple[Reading, list[TrackedText], str, list[Draft]]


def _read_item(node: Node, body: TrackedText, prefix: str, level: int) -> _Item:
    """Read one item's marker line and own lines, as if it stood alone.

    ``（一）加强领导。各区要…`` reads as a run-in title with its text; whether the title stands
    is for the whole sibling group to decide (:func:`_group_titled`).
    """
    marker = node.marker.marker
    assert marker is not None
    key = _path_key(marker.marker)
    path = f"{prefix}/{key}" if prefix else key
    # A table stands among the section's own lines: most sections have none.
    table = tab_table(node, body, path, level) if node.texts else []
    # Only a list of two or more items leaves paragraphs to its parent: most nodes are leaves.
    tail = trailing_to_parent(node.children, body) if len(node.children) > 1 else []
    # The tails read the line of a list's items alone already (（一）甲；).
    rest, alone = node.alone or (body.strip_slice(marker.end, node.marker.end), None)
    following = (
        [body.strip_slice(seg.start, seg.end) for seg in node.texts + tail]
        if node.texts or tail
        else []
    )
    if following or alone is None:
        reading = read_marker_line(marker.kind, rest, following, bool(node.children))
    else:
        reading = alone
    return reading, [rest, *following], path, table


# The same few markers come back in every list (1．, 2．, …): their path keys are kept.
_path_key = lru_cache(maxsize=4096)(path_key)


def _group_titled(readings: list[Reading]) -> bool:
    """Whether the run-in titles of a sibling group stand.

    Sibling items are written alike: run-in titles stand when most items have one, or when
    every item opens with a short sentence (（二）优化管理，落实自主权。…).
    """
    # Reading.vote, read from the table: no property call per item.
    votes = [VOTES.get(r.tier, 0) for r in readings]
    return sum(votes) > 0 or (min(votes) >= 0 and any(r.tier is _LENIENT for r in readings))


_STANDING = frozenset((Tier.TITLE, Tier.TASK))  # headings that stand whatever the siblings do
# Read per item from module constants: an enum member looked up on its class costs a call.
_TITLE, _LENIENT, _NONE = Tier.TITLE, Tier.LENIENT, Tier.NONE


def to_drafts(
    nodes: list[Node], body: TrackedText, prefix: str = "", level: int = 1
) -> list[Draft]:
    """Read the headings and own texts of ``nodes`` and their descendants.

    Call :func:`trailing_to_parent` on the top-level group first; this function does it for
    every group below.

    Args:
        nodes: The nodes at one level.
        body: The lexed text with its offsets.
        prefix: The path of the parent.
        level: The level of these nodes.

    Returns:
        The drafts, each with its heading, own text, span, path and children.
    """
    if not nodes:
        return []  # a leaf's children: most calls
    items = [_read_item(node, body, prefix, level) for node in nodes]
    readings = [item[0] for item in items]
    # Items that all open with one subject (（一）各区要…（二）各区要…) are its duties, no titles.
    sentences = not any(r.tier is _TITLE for r in readings) and same_subject(
        [item[1][0].text for item in items]
    )
    titled = not sentences and _group_titled(readings)
    if nodes[0].marker.marker is not None and not sentences:
        readings = unglue_titles(
            nodes[0].marker.marker.kind,
            readings,
            [item[1] for item in items],
            flat=run_together(nodes, body),
        )
    return [
        _draft(node, reading, item, body, level, titled)
        for node, reading, item in zip(nodes, readings, items, strict=True)
    ]


def _draft(
    node: Node, reading: Reading, item: _Item, body: TrackedText, level: int, titled: bool
) -> Draft:
    """Build one item's draft, its children read first."""
    marker = node.marker.marker
    assert marker is not None
    _, lines, path, table = item
    if reading.heading is not None and not titled and reading.tier not in _STANDING:
        # A list item or an item whose first sentence is its substance after all: its
        # marker line, its own lines and the paragraphs taken back from its last child.
        reading = Reading(None, None, TrackedText.join(lines), _NONE)
    # The span runs from the marker's first character to the subtree's last.
    start, end = body.source_span(marker.start, node.last_end())
    # A leaf (most nodes) has no children to read.
    children = to_drafts(node.children, body, path, level + 1) if node.children else []
    if table:
        children += table
    # Positional, in the order of Draft's fields (a fifth cheaper than by keyword, per section):
    # level, marker, kind, number, heading, span, path, own, run_in, children.
    return Draft(
        level,
        marker.marker,
        marker.kind,
        marker.number,
        reading.heading,
        Span(start, max(start, end)),
        path,
        reading.own,
        reading.run_in,
        tuple(children),
    )
