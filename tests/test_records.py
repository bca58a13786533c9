"""``to_records``: one flat row per quote, the same columns in every row.

Hand-built quotes, so these run without a spaCy pipeline.
"""

from __future__ import annotations

import json

import pytest

from quoteattr import (
    RECORD_COLUMNS,
    AttributionMethod,
    Cue,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    to_records,
)

LIBRARY = '"We will not close the library," Councillor Amir Haddad told residents on Monday.'
NICKNAME = 'Locals call the old footbridge "the Needle" for its shape.'


def span(text: str, part: str) -> tuple[int, int]:
    """The offsets of the first *part* of *text*."""
    start = text.index(part)
    return start, start + len(part)


def attributed_quote() -> Quote:
    """A direct quote with everything: speaker, cue, method and confidence."""
    content = "We will not close the library,"
    mention = "Councillor Amir Haddad"
    speaker = Speaker(
        mention,
        *span(LIBRARY, mention),
        name="Amir Haddad",
        label="PERSON",
        entity_id=0,
        title="Councillor",
        kind=SpeakerKind.PERSON,
        resolution=Resolution.MENTION,
    )
    cue = Cue("told", *span(LIBRARY, "told"), lemma="tell")
    return Quote(
        content,
        *span(LIBRARY, content),
        QuoteKind.DIRECT,
        speaker,
        cue,
        AttributionMethod.CUE_AFTER,
        0.9,
    )


def unattributed_quote() -> Quote:
    """A scare quote: no speaker, cue, method or confidence."""
    return Quote("the Needle", *span(NICKNAME, "the Needle"), QuoteKind.PARTIAL)


def test_columns_are_the_documented_ones_in_order() -> None:
    assert RECORD_COLUMNS == (
        "quote_index",
        "kind",
        "text",
        "start",
        "end",
        "speaker_text",
        "speaker_start",
        "speaker_end",
        "speaker_name",
        "speaker_kind",
        "speaker_entity_id",
        "cue_text",
        "cue_start",
        "cue_end",
        "cue_lemma",
        "method",
        "confidence",
    )


def test_an_attributed_quote_fills_every_column_with_plain_values() -> None:
    (record,) = to_records([attributed_quote()])
    assert record == {
        "quote_index": 0,
        "kind": "direct",
        "text": "We will not close the library,",
        "start": 1,
        "end": 31,
        "speaker_text": "Councillor Amir Haddad",
        "speaker_start": 33,
        "speaker_end": 55,
        "speaker_name": "Amir Haddad",
        "speaker_kind": "person",
        "speaker_entity_id": 0,
        "cue_text": "told",
        "cue_start": 56,
        "cue_end": 60,
        "cue_lemma": "tell",
        "method": "cue_after",
        "confidence": 0.9,
    }
    assert type(record["kind"]) is str  # the value, not the str-valued enum member
    assert type(record["method"]) is str


def sliced(text: str, record: dict[str, object], prefix: str) -> str:
    """The part of *text* between the record's ``{prefix}start`` and ``{prefix}end``."""
    start, end = record[f"{prefix}start"], record[f"{prefix}end"]
    assert isinstance(start, int)
    assert isinstance(end, int)
    return text[start:end]


def test_offsets_slice_back_into_the_text() -> None:
    (record,) = to_records([attributed_quote()])
    assert sliced(LIBRARY, record, "") == record["text"]
    assert sliced(LIBRARY, record, "speaker_") == record["speaker_text"]
    assert sliced(LIBRARY, record, "cue_") == record["cue_text"]


def test_a_quote_without_speaker_or_cue_has_none_in_their_columns() -> None:
    (record,) = to_records([unattributed_quote()])
    assert list(record) == list(RECORD_COLUMNS)
    absent = [name for name in RECORD_COLUMNS if name.startswith(("speaker_", "cue_"))]
    assert all(record[name] is None for name in absent)
    assert record["method"] is None
    assert record["confidence"] is None
    assert (record["kind"], record["text"]) == ("partial", "the Needle")


def test_quotes_are_numbered_in_order_from_zero() -> None:
    records = to_records([attributed_quote(), unattributed_quote(), attributed_quote()])
    assert [record["quote_index"] for record in records] == [0, 1, 2]
    assert [record["kind"] for record in records] == ["direct", "partial", "direct"]


def test_extra_columns_come_first_in_every_row() -> None:
    records = to_records([attributed_quote(), unattributed_quote()], doc_id="a1", page=3)
    for record in records:
        assert list(record) == ["doc_id", "page", *RECORD_COLUMNS]
        assert (record["doc_id"], record["page"]) == ("a1", 3)


def test_no_quotes_give_no_records() -> None:
    assert to_records([], doc_id="empty") == []


def test_any_iterable_of_quotes_is_accepted() -> None:
    records = to_records(iter([unattributed_quote()]))
    assert [record["text"] for record in records] == ["the Needle"]


@pytest.mark.parametrize("name", ["text", "quote_index", "speaker_name"])
def test_an_extra_column_that_shadows_a_record_column_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        to_records([attributed_quote()], **{name: "x"})


def test_records_are_json_ready() -> None:
    records = to_records([attributed_quote(), unattributed_quote()], doc_id="a1")
    assert json.loads(json.dumps(records)) == records
