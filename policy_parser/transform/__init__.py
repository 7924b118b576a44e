"""transform: lark's section tree → drafts of the sections, with headings, own text, spans.

The tree from ``grammars/structure.lark`` (see ``grammar.structure_lark``) holds the tokens of
the PostLex. This stage reads each section's marker line: a title line (``一、总体要求``), a
run-in title (``（一）强化科普经费投入。各区县要…``) or plain text (articles, list items), and
collects the section's own text without its children, as a :class:`TrackedText` so that
clause and body spans can still be mapped to the source.

=================  ==========================================================================
``nodes.py``       the lark Transformer: tree → nodes (marker, texts, children)
``headings.py``    one marker line → heading and own text, with how sure that is (Tier)
``tails.py``       paragraphs after a list's last item: the parent's, or the closing ones
``phrases.py``     what a title is made of: title verbs, open ends, items with one subject
``unglue.py``      titles glued to their text in run-together documents
``tab_tables.py``  a tab-separated task table inside a section's text
``drafts.py``      sibling groups read together → drafts
=================  ==========================================================================
"""

from policy_parser.transform.drafts import to_drafts
from policy_parser.transform.headings import Reading, Tier, read_marker_line
from policy_parser.transform.nodes import Built, Node, NodeBuilder, build_nodes
from policy_parser.transform.tails import closing_paragraphs, trailing_to_parent

__all__ = [
    "Built",
    "Node",
    "NodeBuilder",
    "Reading",
    "Tier",
    "build_nodes",
    "closing_paragraphs",
    "read_marker_line",
    "to_drafts",
    "trailing_to_parent",
]
