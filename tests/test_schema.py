"""The JSON Schemas in docs/schema/ describe the JSON quoteattr really writes.

Real quotes of every kind, with and without a speaker, validate as ``Quote.to_dict()`` and
as the command's ``--format json`` and ``jsonl`` output; the schemas' enums are the
library's enums, so neither can change without the other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from referencing import Registry, Resource

from quoteattr import AttributionMethod, QuoteKind, Resolution, SpeakerKind, cli
from quoteattr.cli import _extraction

if TYPE_CHECKING:
    import enum

    from quoteattr import Quote, QuoteExtractor

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"
QUOTE_SCHEMA = "quote.schema.json"
JSON_OUTPUT_SCHEMA = "json-output.schema.json"
JSONL_RECORD_SCHEMA = "jsonl-record.schema.json"

# Invented sentences whose quotes, together, cover every kind with and without a speaker.
SENTENCES = (
    '"We will rebuild the pier," Mayor Ida Brenner told reporters. "It will take a year."',
    '"It was a long winter." The town council met again on Friday.',
    'The ferry, which locals call "the Old Lady", sank in 1911.',
    'Residents described the new tram as "slow but reliable."',
    "Tomas Varga, the county engineer, said the bridge would reopen in May.",
    "According to the port authority, the channel will be dredged in spring.",
    'Councillor Nadia Fell said the budget was "a disgrace" and voted against it.',
    "Ida Brenner and Tomas Varga said the quay was safe again.",
)


def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for the schema *name* that resolves its references to the other files."""
    resources = [
        (schema["$id"], Resource.from_contents(schema))
        for schema in map(load_schema, (QUOTE_SCHEMA, JSON_OUTPUT_SCHEMA, JSONL_RECORD_SCHEMA))
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(load_schema(name), registry=registry)


@pytest.fixture(scope="module")
def quotes(extractor: QuoteExtractor) -> list[Quote]:
    return [quote for text in SENTENCES for quote in extractor(text)]


@pytest.mark.parametrize("name", [QUOTE_SCHEMA, JSON_OUTPUT_SCHEMA, JSONL_RECORD_SCHEMA])
def test_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    """Each file is itself a valid JSON Schema, draft 2020-12, with an $id of its file name."""
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/docs/schema/{name}")


@pytest.mark.parametrize(
    ("definition", "enum_type"),
    [
        ("quoteKind", QuoteKind),
        ("attributionMethod", AttributionMethod),
        ("speakerKind", SpeakerKind),
        ("resolution", Resolution),
    ],
)
def test_schema_enums_are_the_library_enums(definition: str, enum_type: type[enum.Enum]) -> None:
    """The values the schema allows are exactly the enum's, in the enum's order."""
    allowed = load_schema(QUOTE_SCHEMA)["$defs"][definition]["enum"]
    assert allowed == [member.value for member in enum_type]


@pytest.mark.model
def test_sentences_cover_every_kind_with_and_without_a_speaker(quotes: list[Quote]) -> None:
    """The sample quotes exercise every kind and both an attributed and unattributed quote."""
    assert {quote.kind for quote in quotes} == set(QuoteKind)
    assert {quote.speaker is None for quote in quotes} == {True, False}
    assert any(quote.speaker is not None and quote.speaker.parts for quote in quotes)


@pytest.mark.model
def test_real_quotes_validate_against_the_quote_schema(quotes: list[Quote]) -> None:
    """Quote.to_dict() of real quotes of every kind is valid."""
    check = validator(QUOTE_SCHEMA)
    for quote in quotes:
        check.validate(quote.to_dict())


@pytest.mark.model
def test_json_round_trip_keeps_quotes_valid(quotes: list[Quote]) -> None:
    """What json.dumps writes of a quote (floats, nulls, arrays) is still valid once read."""
    check = validator(QUOTE_SCHEMA)
    for quote in quotes:
        check.validate(json.loads(json.dumps(quote.to_dict())))


def test_schema_refuses_what_quoteattr_never_writes() -> None:
    """The schema is no rubber stamp: an unknown kind, extra key or bad offset fails."""
    good = {
        "text": "We will go,",
        "start": 1,
        "end": 12,
        "kind": "direct",
        "speaker": None,
        "cue": None,
        "method": None,
        "confidence": None,
    }
    check = validator(QUOTE_SCHEMA)
    check.validate(good)
    for bad in (
        {**good, "kind": "quoted"},
        {**good, "start": -1},
        {**good, "confidence": 1.5},
        {**good, "file": "a.txt"},
        {key: value for key, value in good.items() if key != "cue"},
        {**good, "cue": {"text": "said", "start": 14, "end": 18}},
    ):
        assert not check.is_valid(bad), bad


def run_command(
    args: list[str],
    extractor: QuoteExtractor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """Run the command in-process on the session's extractor; return what it wrote."""

    def load(_model: str | None, *_args: object, **_options: object) -> QuoteExtractor:
        return extractor

    monkeypatch.setattr(_extraction, "load_extractor", load)
    status = cli.main([*args, "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """The sample sentences as text files, and one file without a quote."""
    paths = []
    for number, text in enumerate((*SENTENCES, "The council met on Tuesday.")):
        path = tmp_path / f"{number:02}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.model
def test_command_json_output_validates(
    inputs: list[str],
    extractor: QuoteExtractor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The --format json document is valid, an input without quotes included."""
    document = json.loads(run_command(["-f", "json", *inputs], extractor, monkeypatch, capsys))
    validator(JSON_OUTPUT_SCHEMA).validate(document)
    assert len(document) == len(inputs)
    assert document[-1]["quotes"] == []


@pytest.mark.model
def test_command_jsonl_output_validates(
    inputs: list[str],
    extractor: QuoteExtractor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every --format jsonl line is a valid record, and the lines hold every kind."""
    out = run_command(["-f", "jsonl", *inputs], extractor, monkeypatch, capsys)
    records = [json.loads(line) for line in out.splitlines()]
    check = validator(JSONL_RECORD_SCHEMA)
    for record in records:
        check.validate(record)
    assert {record["kind"] for record in records} == {kind.value for kind in QuoteKind}


def test_jsonl_record_schema_needs_the_file_name() -> None:
    """A JSONL record is a quote with "file"; a bare quote is not a record."""
    quote = {
        "text": "a farce",
        "start": 20,
        "end": 27,
        "kind": "partial",
        "speaker": None,
        "cue": None,
        "method": None,
        "confidence": None,
    }
    check = validator(JSONL_RECORD_SCHEMA)
    check.validate({"file": "a.txt", **quote})
    assert not check.is_valid(quote)
    assert not check.is_valid({"file": "a.txt", "line": 3, **quote})
