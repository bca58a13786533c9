"""JSONL input: a record per line, its text in --text-field, named FILE:LINE or by --id-field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quoteattr.cli._decoding import undecodable
from quoteattr.cli._items import Item
from quoteattr.cli._streams import reason

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from quoteattr.cli._items import ReadOptions


def jsonl_file_items(path: str, options: ReadOptions) -> Iterator[Item]:
    """The records of the JSONL file *path*, read line by line."""
    try:
        with Path(path).open("rb") as file:
            yield from jsonl_items(path, file, options)
    except OSError as error:  # on opening, or a read that fails part way through
        yield Item(path, error=f"cannot read: {reason(error)}")


def jsonl_items(source: str, lines: Iterable[bytes], options: ReadOptions) -> Iterator[Item]:
    """One item per non-blank line of *lines*, located as ``SOURCE:LINE``."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield line_item(f"{source}:{number}", line, source, options)


def line_item(location: str, line: bytes, source: str, options: ReadOptions) -> Item:
    """The record on one JSONL *line*, or why it is none."""
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Item(location, error=undecodable(error, source, whole_file=False))
    except json.JSONDecodeError as error:
        return Item(location, error=f"not valid JSON ({where_json_fails(error)})")
    except RecursionError:
        return Item(location, error="not valid JSON (nested too deeply)")
    return record_item(location, record, options)


def where_json_fails(error: json.JSONDecodeError) -> str:
    """``Expecting value at column 1``; some of json's messages end in "at" already."""
    at = "" if error.msg.endswith(" at") else " at"
    return f"{error.msg}{at} column {error.colno}"


def record_item(location: str, record: object, options: ReadOptions) -> Item:
    """The text of a decoded JSONL *record*, named by its id field or its *location*."""
    if not isinstance(record, dict):
        return Item(location, error=f"not a JSON object but {json_type(record)}")
    text = record.get(options.text_field)
    if not isinstance(text, str):
        return Item(location, error=field_problem(record, options.text_field, "a string"))
    if options.id_field is None:
        return Item(location, text)
    name = record_name(record.get(options.id_field))
    if name is None:
        # No silent fallback to FILE:LINE: the output would mix two kinds of name.
        return Item(location, error=field_problem(record, options.id_field, "a string or number"))
    return Item(name, text)


def record_name(value: object) -> str | None:
    """An id field's value as a name: a string as is, a number as JSON writes it."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    return None


def field_problem(record: dict[str, Any], field: str, wanted: str) -> str:
    """Why *record*'s *field* is not the *wanted* kind of value."""
    if field not in record:
        return f"no {field!r} field"
    return f"the {field!r} field is {json_type(record[field])}, not {wanted}"


def json_type(value: object) -> str:
    """What kind of JSON value *value* is, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
