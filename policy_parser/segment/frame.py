"""The frame a segmentation returns: :class:`Field` and :class:`Frame`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """A value read from the text, with the range ``text[start:end]`` it was read from.

    ``value`` is cleaned (lines joined, letter spacing removed: ``国 家 能 源 局`` gives
    ``国家能源局``), so it may differ from the raw slice.
    """

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Frame:
    """One document: its 公文 frame, its body range and the documents it issues.

    Attributes:
        title: 标题, e.g. ``国务院关于促进综合保税区高水平开放高质量发展的若干意见``.
        doc_number: 发文字号, e.g. ``国发〔2019〕3号``.
        issuers: 发文机关署名, one Field per organ.
        addressees: 主送机关 split on ``，``.
        date: 成文日期.
        date_span: where the date was read.
        body: the range holding the preamble and the numbered sections of this document only.
        attachments: documents this one issues or attaches, each a Frame of its own.
        defined_terms: ``{'科普': '科学技术普及'}`` from ``科学技术普及（以下简称科普）``.
        excluded: noise ranges (page chrome, page numbers, 目录, foreign articles …). Ranges that
            lie inside ``body`` (a page number ``— 3 —``, a 目录) must be skipped by later stages.
        table_header: the header row of a table that makes up the body (``序号 工作事项 主要内容
            牵头单位 …``), kept out of ``body`` so it is not read as text; later stages may use
            it to name the table's columns.
        formula: a closing formula after the body (``特此通知。``): in no section, it ends the
            Document's ``closing``.
        claims: on the top frame of a traced segmentation, what each rule claimed as
            ``(start, end, rule)`` in reading order; empty otherwise.
    """

    title: Field | None = None
    doc_number: Field | None = None
    issuers: list[Field] = field(default_factory=list)
    addressees: list[Field] = field(default_factory=list)
    date: datetime.date | None = None
    date_span: tuple[int, int] | None = None
    body: tuple[int, int] = (0, 0)
    attachments: list[Frame] = field(default_factory=list)
    defined_terms: dict[str, str] = field(default_factory=dict)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    table_header: tuple[int, int] | None = None
    claims: list[tuple[int, int, str]] = field(default_factory=list)
    formula: Field | None = None
