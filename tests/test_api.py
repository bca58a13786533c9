"""The public surface: names, types, errors and pipeline resolution, without parsing."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import attrs
import pytest
import spacy

import quoteattr
from quoteattr import (
    AttributionMethod,
    Cue,
    MissingComponentError,
    MissingParseError,
    ModelNotFoundError,
    Quote,
    QuoteAttrError,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
    _pipeline,
)
from quoteattr._cues import CueCategory, CueLexicon, default_lexicon
from quoteattr.lang.en import regular_forms


def test_public_names_are_exported_and_sorted() -> None:
    """__all__ lists the public API, sorted (constants first), and every name exists."""
    assert quoteattr.__all__ == sorted(
        quoteattr.__all__, key=lambda name: (not name.isupper(), name)
    )
    for name in quoteattr.__all__:
        assert hasattr(quoteattr, name)
    for required in ("extract_quotes", "QuoteExtractor", "find_quote_marks", "Quote"):
        assert required in quoteattr.__all__


def test_version_comes_from_the_package_metadata() -> None:
    """quoteattr.__version__ is the installed distribution's version."""
    assert quoteattr.__version__ == version("quoteattr")


def test_import_does_not_load_spacy() -> None:
    """import quoteattr stays cheap: spaCy loads on first use."""
    code = "import sys, quoteattr; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_records_are_frozen() -> None:
    """Results cannot be changed after the fact."""
    cue = Cue(text="said", start=0, end=4, lemma="say")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cue.start = 1  # type: ignore[misc]


def test_records_check_their_offsets() -> None:
    """A record whose text does not fit its range is refused."""
    with pytest.raises(ValueError, match="characters"):
        Speaker(text="he", start=0, end=3)
    with pytest.raises(ValueError, match="must not exceed"):
        Cue(text="", start=5, end=4, lemma="say")
    with pytest.raises(ValueError, match=r">= 0"):
        Quote(text="x", start=-1, end=0, kind=QuoteKind.DIRECT)


def test_confidence_must_be_a_probability() -> None:
    """confidence is None or a float in [0, 1]."""
    with pytest.raises(ValueError, match=r"<= 1\.0"):
        Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT, confidence=1.5)


def test_to_dict_turns_enums_into_strings() -> None:
    """to_dict() gives JSON-ready values: enum members become their string values."""
    quote = Quote(
        text="Go",
        start=1,
        end=3,
        kind=QuoteKind.PARTIAL,
        speaker=Speaker(
            text="she",
            start=5,
            end=8,
            name="Ida Brenner",
            kind=SpeakerKind.PERSON,
            resolution=Resolution.PRONOUN,
            entity_id=0,
        ),
        cue=Cue(text="said", start=9, end=13, lemma="say"),
        method=AttributionMethod.EMBEDDED,
    )
    as_json = json.dumps(quote.to_dict())
    assert json.loads(as_json)["kind"] == "partial"
    assert json.loads(as_json)["method"] == "embedded"
    assert json.loads(as_json)["speaker"] == {
        "text": "she",
        "start": 5,
        "end": 8,
        "name": "Ida Brenner",
        "label": None,
        "entity_id": 0,
        "title": None,
        "kind": "person",
        "resolution": "pronoun",
        "parts": [],
    }


def test_lexicon_has_at_least_150_verbs_and_their_forms() -> None:
    """The cue lexicon is large and recognises inflected forms by spelling."""
    lexicon = default_lexicon()
    assert len(lexicon) >= 150
    for word, lemma in [
        ("told", "tell"),
        ("says", "say"),
        ("warned", "warn"),
        ("cautioning", "caution"),
        ("criticized", "criticize"),
        ("denies", "deny"),
        ("quipped", "quip"),
        ("vowed", "vow"),
    ]:
        assert lexicon.lemma_of(word, word) == lemma
    assert lexicon.category("say") is CueCategory.SPEECH
    assert lexicon.lemma_of("table", "table") is None


def test_ambiguous_verbs_count_only_next_to_a_quote() -> None:
    """ "continue", "go", "put" report a quote only beside it, never from afar."""
    lexicon = default_lexicon()
    assert not lexicon.governs_at_distance("continue")
    assert not lexicon.governs_at_distance("go")
    assert lexicon.governs_at_distance("say")


def test_lexicon_answers_stay_right_and_bounded_over_a_long_stream() -> None:
    """The lexicon remembers its answers, but a stream of new words never grows it unbounded."""
    lexicon = CueLexicon(categories={"say": CueCategory.SPEECH}, forms={"said": "say"})
    for number in range(120_000):
        assert lexicon.lemma_of(f"word{number}", f"word{number}") is None
    assert lexicon.lemma_of("said", "said") == "say"
    assert lexicon.lemma_of("Said", "say") == "say"
    assert len(lexicon._answers) <= 50_000


def test_regular_forms_cover_spelling_rules() -> None:
    """-s/-es/-ies, -ed/-d/-ied, -ing with e-dropping and doubling."""
    assert {"denies", "denied", "denying"} <= regular_forms("deny")
    assert {"argues", "argued", "arguing"} <= regular_forms("argue")
    assert {"admits", "admitted", "admitting"} <= regular_forms("admit")
    assert {"stresses", "stressed", "stressing"} <= regular_forms("stress")


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_wrong_text_types_raise_type_error(bad: object) -> None:
    """A non-str text is a TypeError naming the type (bytes: how to decode)."""
    with pytest.raises(TypeError, match=type(bad).__name__) as info:
        quoteattr.extract_quotes(bad)  # type: ignore[arg-type]
    if isinstance(bad, bytes):
        assert "decode" in str(info.value)


def test_missing_pipeline_is_a_clear_error() -> None:
    """An unknown pipeline name says how to install one, and is also an OSError."""
    with pytest.raises(ModelNotFoundError, match="spacy download") as info:
        QuoteExtractor("no_such_pipeline_xyz")
    assert isinstance(info.value, OSError)
    assert isinstance(info.value, QuoteAttrError)


def test_missing_pipeline_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """QUOTEATTR_MODEL names the default pipeline; a wrong name is a clear error."""
    monkeypatch.setattr(_pipeline, "_default", None)
    monkeypatch.setenv("QUOTEATTR_MODEL", "no_such_pipeline_xyz")
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline_xyz"):
        QuoteExtractor()


def test_pipeline_without_parser_is_refused() -> None:
    """A pipeline that cannot parse is a MissingComponentError naming what it has."""
    with pytest.raises(MissingComponentError, match="parser"):
        QuoteExtractor(spacy.blank("en"))


def test_nlp_of_the_wrong_type_is_a_type_error() -> None:
    """nlp must be a Language, a name or path, or None."""
    with pytest.raises(TypeError, match="int"):
        QuoteExtractor(3)  # type: ignore[arg-type]


@pytest.mark.model
def test_doc_without_parse_is_refused(default_extractor: QuoteExtractor) -> None:
    """from_doc() on an unparsed Doc is a MissingParseError, also a ValueError."""
    doc = spacy.blank("en")('"It is done," she said.')
    with pytest.raises(MissingParseError) as info:
        default_extractor.from_doc(doc)
    assert isinstance(info.value, ValueError)
