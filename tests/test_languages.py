"""Language profiles: the registry, the error for a language without one, and language=."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import QuoteAttrError, QuoteExtractor, UnsupportedLanguageError
from quoteattr._extractor import attribute_doc
from quoteattr.component import QuoteComponent
from quoteattr.lang import (
    Gender,
    LanguageProfile,
    available_languages,
    profile_for,
    resolve_language,
)

TEXT = '"We will go on," the mayor said. Officials said the talks had failed.'


def test_english_is_available() -> None:
    """The registry names English, and its profile says so."""
    assert "en" in available_languages()
    english = profile_for("en")
    assert (english.code, english.name) == ("en", "English")
    assert profile_for(" EN ") is english  # made once, found by any spelling of the code


def test_a_language_without_a_profile_names_those_there_are() -> None:
    """The error is a QuoteAttrError and a ValueError, and lists the languages."""
    with pytest.raises(UnsupportedLanguageError, match=r"the languages there are: .*en") as info:
        profile_for("tlh")
    assert isinstance(info.value, QuoteAttrError)
    assert isinstance(info.value, ValueError)
    assert "UnsupportedLanguageError" in quoteattr.__all__


def test_language_must_be_a_code_or_a_profile() -> None:
    """A number where a language goes is a TypeError that says what goes there."""
    with pytest.raises(TypeError, match="code such as 'en'"):
        resolve_language(42, "en")


def test_the_english_profile_reads_its_files() -> None:
    """Cues, pronouns with gender, titles, places and the word lists are all filled."""
    english = profile_for("en")
    assert english.cues.lemma_of("said", "say") == "say"
    assert {"claim", "claims"} <= english.noun_cue_forms
    assert english.according_to == (("according", "to"),)
    assert {"she", "her"} <= english.feminine_pronouns
    assert "they" in english.plural_pronouns
    assert next(p for p in english.pronouns if p.form == "him").gender is Gender.MASCULINE
    assert {"sen", "mayor"} <= english.titles
    assert "Washington" in english.places
    assert "monday" in english.calendar_words
    assert "who" in english.relative_pronouns
    assert english.quotes is None  # quotation conventions: the marks layer's, wired later


def test_an_unknown_section_in_a_word_list_is_an_error() -> None:
    """A misspelt section header fails loudly instead of leaving a list empty."""
    from quoteattr.lang._loading import word_lists  # noqa: PLC0415

    with pytest.raises(ValueError, match=r"\[relative_pronoun\] is no word list"):
        word_lists("[relative_pronoun]\nwho\n")


@pytest.mark.model
def test_a_doc_of_a_language_without_a_profile_is_refused() -> None:
    """attribute_doc reads the Doc's language, and names the languages there are."""
    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("de")("„Wir machen weiter“, sagte sie.")
    with pytest.raises(UnsupportedLanguageError, match="'de'"):
        attribute_doc(doc, [])


@pytest.mark.model
def test_language_keyword_chooses_the_profile(extractor: QuoteExtractor) -> None:
    """language="en" (or the profile itself) gives what the pipeline's own language gives."""
    expected = extractor(TEXT)
    assert QuoteExtractor(extractor.nlp, language="en")(TEXT) == expected
    english = profile_for("en")
    chosen = QuoteExtractor(extractor.nlp, language=english)
    assert chosen.profile is english
    assert chosen(TEXT) == expected
    assert quoteattr.extract_quotes(TEXT, nlp=extractor.nlp, language="en") == expected


@pytest.mark.model
def test_language_keyword_without_a_profile_is_refused(extractor: QuoteExtractor) -> None:
    """The extractor and the component refuse a language with no profile when made."""
    with pytest.raises(UnsupportedLanguageError):
        QuoteExtractor(extractor.nlp, language="tlh")
    with pytest.raises(UnsupportedLanguageError):
        QuoteComponent(extractor.nlp, "quoteattr_tlh", language="tlh")


@pytest.mark.model
def test_a_custom_profile_changes_what_the_rules_read(extractor: QuoteExtractor) -> None:
    """The rules know no word of their own: a profile without "according to" finds none."""
    text = "The talks had failed, according to the ministry."
    english = profile_for("en")
    found = QuoteExtractor(extractor.nlp, language=english)(text)
    assert any(quote.cue is not None and quote.cue.lemma == "according to" for quote in found)
    import attrs  # noqa: PLC0415

    without: LanguageProfile = attrs.evolve(english, according_to=())
    found = QuoteExtractor(extractor.nlp, language=without)(text)
    assert not any(quote.cue is not None and quote.cue.lemma == "according to" for quote in found)
