"""The progress bar on standard error, and the tally of the run it shows."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from typing import TextIO


@attrs.define
class Tally:
    """How far the run has gone: inputs met, inputs that failed, quotes written."""

    inputs: int = 0
    failed: int = 0
    quotes: int = 0


class Progress:
    """tqdm's progress bar on standard error, and the writes that must not garble it."""

    def __init__(self, *, enabled: bool, total: int | None, out: TextIO) -> None:
        """A bar over *total* inputs (unknown if None) while results go to *out*."""
        # tqdm comes with spaCy; imported here, since only a run draws a bar.
        from tqdm import tqdm  # noqa: PLC0415 - only when a bar is shown

        self._tqdm: Any = tqdm
        # disable=None: tqdm draws the bar only when standard error is a terminal.
        self._bar: Any = tqdm(
            total=total, unit=" texts", disable=None if enabled else True, file=sys.stderr
        )
        # Results on the same terminal would run into the bar: it is cleared around them.
        self._shares_terminal: bool = not self._bar.disable and out.isatty()

    def advance(self, tally: Tally) -> None:
        """Count one more input, and show the quotes found (and failures) so far."""
        if not self._bar.disable:
            failed = f", failed={tally.failed}" if tally.failed else ""
            self._bar.set_postfix_str(f"quotes={tally.quotes}{failed}", refresh=False)
        self._bar.update()

    def report(self, message: str) -> None:
        """Write ``quoteattr: error: MESSAGE`` on standard error, above the bar."""
        line = f"quoteattr: error: {message}"
        if self._bar.disable:
            sys.stderr.write(line + "\n")
        else:
            self._tqdm.write(line, file=sys.stderr)

    def paused(self) -> contextlib.AbstractContextManager[object]:
        """A context in which standard output can be written without garbling the bar."""
        if not self._shares_terminal:
            return contextlib.nullcontext()
        clearing: contextlib.AbstractContextManager[object] = self._tqdm.external_write_mode(
            file=sys.stdout
        )
        return clearing

    def close(self) -> None:
        """Leave the bar's final state on the terminal."""
        self._bar.close()
