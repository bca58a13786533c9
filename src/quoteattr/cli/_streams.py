"""Standard output and errors: writing results; ending a run with one line, not a traceback.

An input that fails is the readers' business (it becomes an item with an error); what is here
is for the run as a whole: a usage or model error, a standard output that is closed or full,
and a reader that went away.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

from quoteattr.errors import QuoteAttrError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


class InputError(Exception):
    """An input cannot be used; the message names it and says what to do."""


class OutputError(Exception):
    """Standard output cannot take the results: it is closed, or its disk is full."""


def reported(command: Callable[[], int]) -> int:
    """Run *command*; an error it ends with is one ``quoteattr: error:`` line, not a traceback."""
    try:
        return command()
    except (InputError, QuoteAttrError) as error:
        return fail(str(error))
    except OutputError as error:
        fail(str(error))
        return abandon_stdout()
    except BrokenPipeError:
        return closed_pipe()
    except KeyboardInterrupt:
        return 130  # the shell's convention: 128 + SIGINT


def write_stdout(text: str) -> None:
    """Write *text* to standard output and flush it, so a failure shows here, not at exit."""
    out = utf8_stdout()
    with writing_stdout():
        out.write(text)
        out.flush()


@contextlib.contextmanager
def output_errors(name: str) -> Iterator[None]:
    """Turn a failure to write *name* into an input error that names it."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot write {name!r}: {reason}") from None


def utf8_stdout() -> TextIO:
    """Standard output as UTF-8, whatever the locale, and never failing to encode.

    A lone surrogate (escaped in a JSON record, or from a file name that is not UTF-8) is
    written as its backslash escape, so one odd input cannot end a long run.

    Raises:
        OutputError: standard output is closed (``quoteattr … >&-``).
    """
    stream = sys.stdout
    if stream is None:  # Python's stand-in for a standard output closed when it started
        raise OutputError("cannot write to standard output: it is closed")
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream


def exit_status(exiting: SystemExit) -> int:
    """The status a ``SystemExit`` carries (argparse always passes an int)."""
    if exiting.code is None:
        return 0
    return exiting.code if isinstance(exiting.code, int) else 1


def fail(message: str) -> int:
    """Report a user-facing error the way argparse does, and return exit status 1."""
    sys.stderr.write(f"quoteattr: error: {message}\n")
    return 1


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Turn a failure to write standard output (a full disk, an I/O error) into an OutputError.

    A closed pipe stays a BrokenPipeError: the reader went away, which is not worth a message.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {reason(error)}") from None


def closed_pipe() -> int:
    """The reader went away (``quoteattr … | head``): stop quietly, as Unix tools do."""
    return abandon_stdout()


def abandon_stdout() -> int:
    """Stop writing standard output, whatever it still holds; return exit status 1.

    Standard output is pointed at the null device, so that the interpreter's final flush of
    what could not be written does not fail again (with an "Exception ignored" traceback).
    """
    if sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):  # no file descriptor to point anywhere
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
    return 1


def reason(error: OSError) -> str:
    """The operating system's words for *error* ("No such file or directory")."""
    return error.strerror or str(error)
