"""What the readers give the extractor: an item (a text, or why there is none) per input."""

from __future__ import annotations

import attrs

STDIN_NAME = "<stdin>"
# What a directory is searched for, by the input format; suffixes match in any case.
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@attrs.frozen
class Item:
    """One text to find quotes in, or why there is none, with the name to report it by."""

    name: str
    text: str = ""
    #: Why the input gave no text (unreadable, not UTF-8, a bad JSONL record); the text is
    #: then empty, and the item still goes through the extractor to keep its place in order.
    error: str | None = None


@attrs.frozen
class ReadOptions:
    """How inputs are read: the --input-format, --text-field and --id-field options."""

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str | None = None

    def reads_jsonl(self, name: str) -> bool:
        """Whether the input *name* holds JSONL records rather than one text."""
        if self.input_format == "auto":
            return name.lower().endswith(JSONL_SUFFIXES)
        return self.input_format == "jsonl"

    @property
    def directory_suffixes(self) -> tuple[str, ...]:
        """The files a directory is searched for."""
        return JSONL_SUFFIXES if self.input_format == "jsonl" else TEXT_SUFFIXES
