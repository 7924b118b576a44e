"""The command line's progress bar: on a terminal's standard error only, and only when slow.

A run over a folder of PDFs, or one 5 MB text, takes seconds with nothing on screen; a bar
says the command is at work. It must never reach a file or a pipe
(``policy-parser parse … 2> log``): it is drawn only when standard error is a terminal and rich
is installed (``pip install "policy-parser[cli]"``), it appears only once a run has taken
:data:`SHOW_AFTER` seconds (a fast run shows nothing, not a flicker), and it is erased when the
run ends.

>>> with Bar(total=2, console=None) as bar:  # no terminal: a bar that draws nothing
...     bar.advance("a.txt")
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import Any

__all__ = ["SHOW_AFTER", "Bar", "terminal_console"]

#: Seconds a run must last before the bar appears: under one second a bar is only a flicker.
SHOW_AFTER = 1.0


def terminal_console() -> Any | None:
    """Return a rich Console on standard error, or None when that is no terminal or no rich."""
    if not sys.stderr.isatty():
        return None
    try:
        from rich.console import Console
    except ImportError:
        return None
    return Console(stderr=True)


class Bar:
    """A progress bar over ``total`` inputs, shown after :data:`SHOW_AFTER` seconds.

    Use as a context manager; call :meth:`advance` after each input. With ``console=None``
    nothing is drawn. One input (``total == 1``) shows a running bar and the elapsed time:
    its parse is one call, so there is nothing to count.

    Args:
        total: How many inputs.
        console: A rich Console to draw on (:func:`terminal_console`), or None.
        description: The words before the bar.
    """

    def __init__(self, total: int, console: Any | None, description: str = "parsing") -> None:
        self._lock = threading.Lock()
        self._progress: Any | None = None
        self._timer: threading.Timer | None = None
        self._task: Any = None
        if console is None:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        columns: list[Any] = ["{task.description}", BarColumn()]
        if total > 1:
            columns.append(MofNCompleteColumn())
        columns.append(TimeElapsedColumn())
        self._progress = Progress(*columns, console=console, transient=True)
        self._task = self._progress.add_task(description, total=total if total > 1 else None)

    def _show(self) -> None:
        with self._lock:
            if self._progress is not None:
                self._progress.start()

    def __enter__(self) -> Bar:
        if self._progress is None:
            return self
        if SHOW_AFTER <= 0:
            self._show()
        else:
            self._timer = threading.Timer(SHOW_AFTER, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def advance(self, name: str = "") -> None:
        """Count one input as done; ``name`` is shown as the last one read."""
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=f"parsing {name}".strip())

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
                self._progress = None
