"""The spaCy pipeline component: registration, extensions, errors and serialisation.

Each test pipeline is loaded afresh for the module (the tests change it) and gets the
component with its default settings; tests that need other settings make a component of
their own, or add one and remove it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

import pytest
import spacy
from spacy.tokens import Doc, DocBin, Span

from quoteattr import MissingComponentError, QuoteExtractor, QuoteKind
from quoteattr.component import QuoteComponent, make_quote_component

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from spacy.language import Language

pytestmark = pytest.mark.model

PIER = 'Ida Brenner was elected mayor in May. "We will rebuild the pier," Brenner told reporters.'
FERRY = "The harbour master said the ferry would run again in June."
FRAGMENT = 'Councillor Nadia Fell said the budget was "a disgrace" and voted against it.'
TEXTS = (PIER, FERRY, FRAGMENT, "The council met on Tuesday.", "")


@pytest.fixture(scope="module")
def nlp(pipeline_name: str) -> Language:
    """Each test pipeline, loaded afresh, with the component added last as add_pipe does."""
    try:
        pipeline = spacy.load(pipeline_name)
    except OSError as error:
        pytest.skip(f"{pipeline_name} is not installed: {error}")
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.fixture
def early_component(nlp: Language) -> Iterator[str]:
    """A second quoteattr component placed first, before the parser; removed afterwards."""
    config = {"doc_attr": "early_quotes", "span_attr": None}
    nlp.add_pipe("quoteattr", name="early", first=True, config=config)
    yield "early"
    nlp.remove_pipe("early")


def test_entry_point_names_the_factory() -> None:
    """The installed package declares the factory in the spacy_factories group."""
    (point,) = [
        point for point in entry_points(group="spacy_factories") if point.name == "quoteattr"
    ]
    assert point.load() is make_quote_component


def test_spacy_finds_the_factory_without_an_import_of_quoteattr() -> None:
    """A fresh process that never imports quoteattr can add the component by name."""
    code = (
        "import spacy\n"
        "from spacy.language import Language\n"
        "spacy.blank('en')\n"
        "print(Language.has_factory('quoteattr'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True"


def test_doc_quotes_are_the_extractors_quotes_of_the_doc(nlp: Language) -> None:
    """doc._.quotes holds what QuoteExtractor.from_doc finds in the same parse."""
    extractor = QuoteExtractor(nlp)
    for text in TEXTS:
        doc = nlp(text)
        assert doc._.quotes == extractor.from_doc(doc)


def test_doc_quotes_attribute_a_quote(nlp: Language) -> None:
    """A direct quote comes with its speaker, resolved to the full name, and its cue."""
    (quote,) = nlp(PIER)._.quotes
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text == "We will rebuild the pier,"
    assert quote.speaker is not None
    assert quote.speaker.name == "Ida Brenner"
    assert quote.cue is not None
    assert quote.cue.lemma == "tell"


def test_doc_without_quotes_has_an_empty_list(nlp: Language) -> None:
    """A parsed text without quotes, or an empty one, has [] (the component ran)."""
    assert nlp("The council met on Tuesday.")._.quotes == []
    assert nlp("")._.quotes == []


def test_doc_quotes_are_none_when_the_component_never_ran(nlp: Language) -> None:
    """None tells a Doc the component never saw from one without quotes."""
    assert nlp.make_doc(PIER)._.quotes is None


def test_span_quote_is_the_quote_the_span_lies_in(nlp: Language) -> None:
    """span._.quote: the quote whose range holds the span's characters, else None."""
    doc = nlp(PIER)
    (quote,) = doc._.quotes
    inside = doc.char_span(PIER.index("rebuild"), PIER.index(" the pier"))
    whole = doc.char_span(quote.start, quote.end)
    outside = doc.char_span(0, len("Ida Brenner"))
    assert inside is not None
    assert whole is not None
    assert outside is not None
    assert inside._.quote == quote
    assert whole._.quote == quote
    assert outside._.quote is None


def test_kinds_config_keeps_to_the_kinds_asked_for(nlp: Language) -> None:
    """kinds=["direct", "partial"] leaves the reported speech out."""
    component = QuoteComponent(
        nlp, "marked", kinds=["direct", "partial"], doc_attr="marked_quotes", span_attr=None
    )
    doc = component(nlp(FRAGMENT))
    assert {quote.kind for quote in doc._.quotes} == {QuoteKind.MIXED}
    assert [quote.kind for quote in doc._.marked_quotes] == [QuoteKind.PARTIAL]
    assert [quote.text for quote in doc._.marked_quotes] == ["a disgrace"]


def test_unknown_kind_is_refused_when_the_component_is_added(nlp: Language) -> None:
    with pytest.raises(ValueError, match="unknown quote kind 'quoted'"):
        nlp.add_pipe("quoteattr", name="bad", config={"kinds": ["quoted"]})
    assert "bad" not in nlp.component_names


def test_pipeline_without_a_parser_is_refused_when_the_component_is_added() -> None:
    """A blank pipeline has no parser: adding the component is a MissingComponentError."""
    blank = spacy.blank("en")
    with pytest.raises(MissingComponentError, match="needs a dependency parser"):
        blank.add_pipe("quoteattr")


def test_component_before_the_parser_fails_at_the_first_doc(
    nlp: Language, early_component: str
) -> None:
    """A Doc that reaches the component unparsed is a MissingComponentError naming it."""
    with pytest.raises(MissingComponentError, match=f"'{early_component}'.*parser must run"):
        nlp(PIER)


def test_disabled_parser_fails_at_the_first_doc(nlp: Language) -> None:
    with nlp.select_pipes(disable=["parser"]), pytest.raises(MissingComponentError):
        nlp(PIER)


def test_adding_the_component_again_reuses_the_extensions(nlp: Language) -> None:
    """Registering the same extensions twice is no error (another pipeline, a reload)."""
    QuoteComponent(nlp, "again")
    assert Doc.has_extension("quotes")
    assert Span.has_extension("quote")


def test_extension_taken_by_another_library_is_refused(nlp: Language) -> None:
    """An extension of that name with another getter is left alone, and nothing registered."""
    Doc.set_extension("taken_quotes", getter=lambda _doc: "theirs")
    try:
        with pytest.raises(ValueError, match=r"Doc\._\.taken_quotes .* another library's"):
            QuoteComponent(nlp, "clash", doc_attr="taken_quotes", span_attr="taken_quote")
        assert not Span.has_extension("taken_quote")
    finally:
        Doc.remove_extension("taken_quotes")


def test_span_extension_of_another_component_is_refused(nlp: Language) -> None:
    """Two components with their own doc_attr cannot share one span_attr."""
    with pytest.raises(ValueError, match=r"Span\._\.quote .* quoteattr component's"):
        QuoteComponent(nlp, "second", doc_attr="second_quotes")
    assert not Doc.has_extension("second_quotes")


def test_doc_with_quotes_survives_to_bytes_and_docbin(nlp: Language) -> None:
    """The stored quotes are plain data: Doc.to_bytes and DocBin keep them."""
    doc = nlp(PIER)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes
    docs = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (restored,) = DocBin().from_bytes(docs).get_docs(nlp.vocab)
    assert restored._.quotes == doc._.quotes


def test_pipe_with_worker_processes_gives_the_same_quotes(nlp: Language) -> None:
    """spaCy sends each Doc back from its workers as bytes; the quotes come through."""
    alone = [doc._.quotes for doc in nlp.pipe(TEXTS)]
    with_workers = [doc._.quotes for doc in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
    assert with_workers == alone


def test_quotes_serialise_to_json(nlp: Language) -> None:
    """The quotes a Doc holds are the library's records, ready for JSON."""
    doc = nlp(FRAGMENT)
    assert json.loads(json.dumps([quote.to_dict() for quote in doc._.quotes]))


def test_pipeline_saved_and_loaded_keeps_the_component_and_its_config(
    nlp: Language, tmp_path: Path
) -> None:
    """nlp.to_disk then spacy.load gives a pipeline whose component works the same way."""
    config = {
        "kinds": ["direct", "partial"],
        "doc_attr": "marked_quotes",
        "span_attr": None,
        "language": "en",
    }
    nlp.add_pipe("quoteattr", name="marked", config=config)
    try:
        nlp.to_disk(tmp_path)
        expected = [nlp(text)._.marked_quotes for text in TEXTS]
    finally:
        nlp.remove_pipe("marked")
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names[-2:] == ["quoteattr", "marked"]
    assert dict(loaded.config["components"]["marked"]) == {"factory": "quoteattr", **config}
    assert [loaded(text)._.marked_quotes for text in TEXTS] == expected
    assert {quote.kind for quote in loaded(FRAGMENT)._.quotes} == {QuoteKind.MIXED}
