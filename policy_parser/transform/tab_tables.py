"""A task table written one row per line with tabs, inside a section's own text."""

from __future__ import annotations

from dataclasses import replace

from policy_parser.drafts import Draft
from policy_parser.normalize import TrackedText
from policy_parser.table_header import TAB_HEADER
from policy_parser.tables import table_drafts
from policy_parser.transform.nodes import Node

__all__ = ["tab_table"]


def tab_table(node: Node, body: TrackedText, path: str, level: int) -> list[Draft]:
    """Take a task table written one row per line with tabs out of a section's text.

    ``二、重点任务`` ⏎ ``序号⇥重点任务⇥牵头单位⇥配合单位`` ⏎ ``1⇥优化企业开办服务⇥市市场监管局⇥…``:
    the rows become the section's children (二/1, 二/2) with their 牵头/配合 bodies. ``path``
    is the section's own path.
    """
    texts = node.texts
    for i, seg in enumerate(texts):
        # A header holds tabs (TAB_HEADER): most lines have none, found without a copy.
        if body.text.find("\t", seg.start, seg.end) < 0:
            continue
        if not TAB_HEADER.fullmatch(body.text[seg.start : seg.end].strip()):
            continue
        j = i + 1
        while j < len(texts) and "\t" in body.text[texts[j].start : texts[j].end]:
            j += 1
        if j == i + 1:
            return []
        header = [body.text[seg.start : seg.end]]
        rows = body.slice(texts[i + 1].start, texts[j - 1].end)
        drafts = table_drafts(rows, header, prefix=path)
        if not drafts:
            return []
        node.texts = texts[:i] + texts[j:]
        return [replace(d, level=level + 1) for d in drafts]
    return []
