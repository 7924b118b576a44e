"""Pausing the cyclic garbage collector while a burst of objects is built (shared helper)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a parse builds its objects.

    A parse allocates many small objects and frees them itself (it makes no reference cycles
    that outlive it); without the pause, Python's collector walks the growing result again and
    again, and a 64 times longer text costs 80 times as long. ``parse_many``'s parent pauses it
    too while it unpickles and rebuilds a chunk of documents (``batch.py``): acyclic as well.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
