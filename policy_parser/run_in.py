"""Whether a group of sibling items is run together: most of them begin on a line already begun.

Two stages ask it of the same text: ``transform`` reads such a group's titles and last item by
the rules of run-together text (a newspaper page or a PDF cut that ran a plan into one line),
and ``render`` writes the group's titles in a form that reads back the same once each section
has a line of its own. One answer for both, so that the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["run_together"]


def run_together(starts: Sequence[int], text: str) -> bool:
    """Return whether most items after the first begin partway through a line of ``text``.

    Made-up example: in ``一、目标…。二、任务…。三、保障…`` the items at 二、 and 三、 follow
    text on their line, so the group is run together; in ``一、目标`` ⏎ ``二、任务`` it is not.
    The first item may open the text or a line of its own whatever the layout, so only its
    followers count (a group of one counts itself).

    Args:
        starts: Where each item's marker begins in ``text``, in order.
        text: The text the offsets index.

    Returns:
        True when more than half of the counted items begin after another character of
        their line.
    """
    later = starts[1:] or starts
    begun = sum(1 for at in later if at > 0 and text[at - 1] != "\n")
    return 2 * begun > len(later)
