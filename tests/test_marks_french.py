"""French quotation conventions in the marks layer: guillemets, dialogue dashes, incises.

Every sentence here is written for these tests. The conventions come from the shipped data
(``quoteattr/lang/fr/quotes.tsv`` and ``incises.tsv``), as the French profile will load them.
"""

from __future__ import annotations

import pytest

from frenchdata import french_conventions, read_french
from quoteattr import find_quote_marks
from quoteattr._conventions import QuoteConventions, quote_conventions
from quoteattr._data import data_lines, table_rows
from quoteattr._types import MarkStyle, QuoteMarkSpan

NBSP = "\N{NO-BREAK SPACE}"
NNBSP = "\N{NARROW NO-BREAK SPACE}"


def french(text: str) -> list[QuoteMarkSpan]:
    """The top-level spans of *text* under the French conventions."""
    return find_quote_marks(text, french_conventions())


def speech(text: str) -> list[str]:
    """The text of each span, from its first to its last character, marks included."""
    return [text[span.start : span.end] for span in french(text)]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_guillemets_with_any_french_space_inside_pair(space: str) -> None:
    """« » pair with an ordinary, a no-break or a narrow no-break space inside."""
    text = f"Le maire a déclaré\u00a0: «{space}Nous rouvrirons l’école lundi{space}», mardi."
    [span] = french(text)
    assert span.style is MarkStyle.GUILLEMET
    assert span.closed
    assert span.text == f"{space}Nous rouvrirons l’école lundi{space}"


def test_english_curly_quotes_as_some_french_papers_print_them() -> None:
    """“ ” pair in French text as in English."""
    text = "La ministre a parlé d’un “budget de combat” devant les députés."
    [span] = french(text)
    assert (span.text, span.style) == ("budget de combat", MarkStyle.CURLY_DOUBLE)


def test_quote_nested_in_guillemets() -> None:
    """« … “ … ” … » is one quote with the curly one inside it."""
    text = "Il a résumé : « Le préfet m’a dit “attendez” et j’ai attendu. » Puis il est parti."
    [span] = french(text)
    assert span.style is MarkStyle.GUILLEMET
    [inner] = span.inner
    assert inner.text == "attendez"


@pytest.mark.parametrize("reopener", ["«", "»"])
def test_quote_continued_over_paragraphs_reopened_either_way(reopener: str) -> None:
    """A quotation over two paragraphs, the second reopened by « or by », is one span."""
    text = (
        "Elle a expliqué : « Nous avons fermé le pont en mai.\n"
        f"{reopener} Nous le rouvrirons quand l’État paiera. »\n"
        "La séance a été levée."
    )
    [span] = french(text)
    assert span.closed
    assert span.paragraphs == 2
    assert text[span.end - 1] == "»"


def test_closing_guillemet_does_not_reopen_under_default_conventions() -> None:
    """Without the French conventions, a paragraph opened by » does not carry a quote on."""
    text = "Elle a expliqué : « Nous avons fermé le pont.\n» Nous le rouvrirons. »"
    assert all(span.paragraphs == 1 for span in find_quote_marks(text))


@pytest.mark.parametrize(
    "word", ["l’État", "aujourd’hui", "d’après", "jusqu’à", "quelqu’un", "entr’ouvert", "l'heure"]
)
def test_french_apostrophes_are_never_quotes(word: str) -> None:
    """Elided words and compounds with an apostrophe give no quote, even several in a row."""
    text = f"Selon {word}, {word} et {word} ne changent rien à l’affaire d’hier."
    assert french(text) == []


def test_apostrophes_inside_guillemets_leave_the_pair_whole() -> None:
    """Apostrophes inside a quote neither close nor open anything."""
    text = "« Aujourd’hui, l’État n’a rien fait jusqu’à présent », dit-il."
    [span] = french(text)
    assert span.text == " Aujourd’hui, l’État n’a rien fait jusqu’à présent "


@pytest.mark.parametrize("dash", ["—", "–", "--"])
def test_paragraph_opened_by_a_dash_is_a_line_of_dialogue(dash: str) -> None:
    """A paragraph opened by —, – or -- is a speaker's line to its end, dash outside content."""
    text = f"Le chat dormait.\n{dash} Il fait froid ce soir.\nPersonne ne répondit."
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    assert span.closed
    assert text[span.start :].startswith(dash)
    assert span.text == "Il fait froid ce soir."
    assert span.end == span.content_end


def test_dash_without_space_after_it() -> None:
    """The content starts right after the dash when no space follows it."""
    [span] = french("--Déjà ?")
    assert span.text == "Déjà ?"


def test_dash_line_with_leading_spaces_and_trailing_spaces() -> None:
    """Spaces before the dash and after the line are outside the span."""
    text = "  — Bonsoir.  \n"
    [span] = french(text)
    assert (span.start, span.text) == (2, "Bonsoir.")


def test_hyphen_or_dash_rule_opens_no_dialogue() -> None:
    """A lone hyphen (a list item) or a rule of dashes is no dialogue line."""
    assert french("- premier point\n——— \n") == []


def test_dashes_are_no_dialogue_under_default_conventions() -> None:
    """Without conventions a dash line is plain text, as in English news."""
    assert find_quote_marks("— Oui, dit la petite, il joue.") == []


def test_incise_is_cut_out_of_a_dialogue_line() -> None:
    """`— Oui, dit la petite, il joue.` is two pieces of speech around the incise."""
    text = "— Oui, dit la petite, il joue."
    assert speech(text) == ["— Oui,", "il joue."]
    first, second = french(text)
    assert first.style is second.style is MarkStyle.DIALOGUE_DASH
    assert first.text == "Oui,"
    assert (second.start, second.content_start) == (second.content_start, text.index("il joue"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("— Non ! répondit-il.", ["— Non !"]),
        ("— Venez, s'écria Jean, venez vite !", ["— Venez,", "venez vite !"]),
        ("— Venez, s’écria-t-elle, venez vite !", ["— Venez,", "venez vite !"]),
        ("— Peut-être, fit-elle", ["— Peut-être,"]),
        (
            "— C’est loin ? demanda l’enfant. Nous marchons depuis midi.",
            ["— C’est loin ?", "Nous marchons depuis midi."],
        ),
        ("— Assez, lui dit-il ; rentrez.", ["— Assez,", "rentrez."]),
        ("— Je l’ignore, répondis-je.", ["— Je l’ignore,"]),
        ("— Bien, ajouta-t-il, très bien.", ["— Bien,", "très bien."]),
        ("— Bonjour, dit M. Martin, asseyez-vous.", ["— Bonjour,", "asseyez-vous."]),
    ],
)
def test_incise_forms(line: str, expected: list[str]) -> None:
    """Inverted incise verbs, with clitics and pronouns, end the speech before them."""
    assert speech(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "— Allons, dis la vérité, et vite.",
        "— Tiens, ajoute du sel, veux-tu ?",
        "— Écoute, demande à ta mère.",
        "— C’est fait, voilà tout.",
    ],
)
def test_imperatives_are_no_incise(line: str) -> None:
    """A bare imperative after a comma (`dis`, `ajoute`) stays speech: no pronoun, no incise."""
    assert speech(line) == [line]


def test_incise_inside_guillemets() -> None:
    """« Entrez, fit-elle, entrez. » is two pieces: the first keeps «, the last keeps »."""
    text = "Elle ouvrit. « Entrez, fit-elle, entrez. » Il entra."
    first, second = french(text)
    assert text[first.start : first.end] == "« Entrez,"
    assert first.end == first.content_end
    assert text[second.start : second.end] == "entrez. »"
    assert second.start == second.content_start
    assert first.closed
    assert second.closed


def test_comma_inside_a_nested_quote_is_no_incise() -> None:
    """An incise-like phrase inside a quote nested in the line is left alone."""
    text = "— Il a crié « Bon, dit-il, partons » sans bouger."
    [span] = french(text)
    assert span.text == "Il a crié « Bon, dit-il, partons » sans bouger."
    assert len(span.inner) == 1


def test_guillemets_inside_a_dash_line_are_its_inner_quotes() -> None:
    """A quote in a dialogue line is nested in the line's span."""
    text = "— Il m’a écrit « à demain » hier soir."
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    [inner] = span.inner
    assert inner.text == " à demain "


def test_dash_lines_carry_on_a_quote_opened_before_them() -> None:
    """« Question ? ¶ — Réponse. ¶ — Autre. » is one quotation over three paragraphs."""
    text = "« Vous venez ?\n— Non.\n— Pourquoi ? »\nIl haussa les épaules."
    [span] = french(text)
    assert span.style is MarkStyle.GUILLEMET
    assert (span.closed, span.paragraphs) == (True, 3)


def test_quote_left_open_in_a_dash_line_ends_with_the_line() -> None:
    """A dialogue line holds whatever it opened: the next paragraph starts afresh."""
    text = "— Il a dit « attendez\nLe soir tomba."
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    assert span.end == text.index("\n")
    assert not span.inner[0].closed


@pytest.mark.parametrize(
    "text",
    [
        "— « Fermez la grille. » Le jardinier obéit sans un mot.",
        "La cloche sonna. Il cria : — « Tous dehors ! » Les élèves sortirent en courant.",
    ],
)
def test_dash_line_opening_with_a_quotation_ends_with_it(text: str) -> None:
    """`— « Entrez. » Il entra.`: what follows the quotation is the narrator's."""
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    assert text[span.start : span.end].endswith("»")
    assert len(span.inner) == 1


def test_dash_line_with_two_quotations_keeps_both() -> None:
    """`— « Oui », dit-il, « demain ».`: the line holds every quotation in it."""
    text = "— « Oui », souffla le vieil homme, « demain »."
    spans = french(text)
    assert [span.text.strip(" «»,.") for span in spans] == ["Oui", "demain"]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_guillemet_glued_to_an_elided_word_opens(apostrophe: str) -> None:
    """`d’« injuste »`: the elided word's apostrophe stands where a space would."""
    text = f"Elle a qualifié la réforme d{apostrophe}« injuste » hier."
    [span] = french(text)
    assert (span.text, span.closed) == (" injuste ", True)


def test_guillemet_after_an_elision_opens_only_under_french_conventions() -> None:
    """Under the default conventions a mark after an apostrophe is read as before."""
    text = "Elle a qualifié la réforme d’« injuste » hier."
    assert [span.text for span in find_quote_marks(text)] != [" injuste "]


def test_speech_in_guillemets_inside_narration() -> None:
    """Narration with a quote in it gives the quote alone."""
    text = "Le vieux marin grommela : « Demain, la mer sera grosse. » Et il se tut."
    assert speech(text) == ["« Demain, la mer sera grosse. »"]


def test_default_conventions_change_nothing() -> None:
    """QuoteConventions() reads text exactly as no conventions do."""
    text = '— Oui, dit-elle.\n« Entrez, fit-il, entrez. »\n"Yes," she said.'
    assert find_quote_marks(text, QuoteConventions()) == find_quote_marks(text)


def test_conventions_must_be_conventions() -> None:
    """Anything but a QuoteConventions or None is a TypeError naming its type."""
    with pytest.raises(TypeError, match="dict"):
        find_quote_marks("— Oui.", {"dialogue_dashes": "—"})  # type: ignore[arg-type]


def test_french_data_loads_into_conventions() -> None:
    """The shipped settings switch the French conventions on and list the incise forms."""
    conventions = french_conventions()
    assert set(conventions.dialogue_dashes) == {"—", "–", "--"}
    assert conventions.dash_continues_quote
    assert conventions.reopen_with_closer
    assert conventions.split_at_incises
    assert {"dit", "répondit", "écria", "fit", "reprit"} <= conventions.incise_verbs
    assert "dis" in conventions.inverted_incise_verbs


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"dialog_dashes": "—"}, "unknown"),
        ({"split_at_incises": "oui"}, "yes or no"),
    ],
)
def test_data_typos_are_errors(settings: dict[str, str], message: str) -> None:
    """A misspelt setting or flag raises rather than silently switching a convention off."""
    with pytest.raises(ValueError, match=message):
        quote_conventions(settings)


def test_unknown_inversion_is_an_error() -> None:
    """An incise row whose inversion is neither optional nor required raises."""
    with pytest.raises(ValueError, match="optional or required"):
        quote_conventions({}, [("dit", "sometimes")])


def test_french_cue_lexicon_has_the_format_of_the_english_one() -> None:
    """cues.tsv: the English header, at least 150 verbs, known categories and scopes."""
    header, rows = table_rows(read_french("cues.tsv"))
    assert header == ["lemma", "category", "scope"]
    lemmas = [row[0] for row in rows]
    assert len(set(lemmas)) == len(lemmas) >= 150
    assert {row[1] for row in rows} <= {"speech", "stance", "evaluation", "manner", "cognition"}
    assert {row[2] for row in rows} <= {"any", "adjacent"}
    assert {"dire", "déclarer", "affirmer", "écrier", "démentir", "penser", "croire"} <= set(lemmas)


@pytest.mark.parametrize("name", ["noun_cues.txt", "titles.txt"])
def test_french_word_lists_are_lowercase_entries(name: str) -> None:
    """noun_cues.txt and titles.txt: one lowercase entry a line, no duplicates."""
    entries = data_lines(read_french(name))
    assert entries
    assert all(entry == entry.lower() for entry in entries)
    assert len(set(entries)) == len(entries)


def test_dash_after_a_colon_opens_a_turn_inside_a_paragraph() -> None:
    """`Il demanda : — Vous ici ?` is narration, then a turn to the paragraph's end."""
    text = "Le garde se pencha et demanda : — Vous venez du village ?\nPersonne ne bougea."
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    assert span.text == "Vous venez du village ?"
    assert text[span.start] == "—"


def test_turns_run_together_in_one_paragraph() -> None:
    """Dashes after sentence ends in a paragraph with several turns each open one."""
    text = "Le vent tomba. — Il pleuvra demain. — Tant mieux, répondit le meunier. — Pourquoi ?"
    assert speech(text) == ["— Il pleuvra demain.", "— Tant mieux,", "— Pourquoi ?"]


def test_single_dash_after_a_full_stop_is_narration() -> None:
    """A lone dash after a full stop is a pause in the narration, not a turn."""
    assert french("Je me tus longtemps. — Ce fut un hiver très long pour nous tous.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Il vint, — disons — un peu tard, et repartit.",
        "Le chemin montait — lentement — vers la ferme. — et rien d'autre.",
    ],
)
def test_parenthetical_dashes_open_no_turn(text: str) -> None:
    """Dashes after a word or a comma, or before a small letter, set off narration."""
    assert french(text) == []


def test_turn_ends_before_the_narrator_introduces_the_next() -> None:
    """`— Oui. Elle reprit :` leaves the introducing sentence out of the turn."""
    text = "Il dit : — Nous partons. Sa sœur haussa les épaules : — Sans moi."
    assert speech(text) == ["— Nous partons.", "— Sans moi."]


def test_quote_holding_a_dash_opens_no_turn_inside_it() -> None:
    """A dash inside guillemets belongs to the quotation."""
    text = "Il lut : « Fin. — Oui. — Non. » puis ferma le livre."
    [span] = french(text)
    assert span.style is MarkStyle.GUILLEMET


def test_guillemets_inside_a_turn_are_its_inner_quotes() -> None:
    """A quotation inside a mid-paragraph turn is nested in it."""
    text = "Elle cria : — Lisez « Attention » sur la porte !"
    [span] = french(text)
    assert span.style is MarkStyle.DIALOGUE_DASH
    [inner] = span.inner
    assert inner.text.strip() == "Attention"


def test_turns_need_the_setting() -> None:
    """Without turn_after, a dash inside a paragraph opens nothing."""
    conventions = quote_conventions({"dialogue_dashes": "—"})
    assert find_quote_marks("Il demanda : — Vous ici ?", conventions) == []


def test_editorial_brackets_are_cut_out_of_speech() -> None:
    """`[Note : …]` inside a line is the editor's: the speech is left on either side."""
    text = "— Passe-moi la galette [Note : l’argent], et vite."
    assert speech(text) == ["— Passe-moi la galette", ", et vite."]


def test_bracket_with_only_punctuation_after_it_leaves_no_piece() -> None:
    """The full stop left after a final note is no speech of its own."""
    text = "— Il a filé en douce [Note : il est parti sans bruit]."
    assert speech(text) == ["— Il a filé en douce"]


def test_parentheses_stay_in_speech() -> None:
    """A speaker's own parentheses are speech."""
    text = "— Mon frère (le cadet) arrive demain."
    assert speech(text) == [text]


def test_asides_must_be_pairs() -> None:
    """An aside setting that is not a pair of two marks is an error."""
    with pytest.raises(ValueError, match="pairs"):
        quote_conventions({"asides": "[[]"})


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "— Bonjour, dit le meunier, en ôtant son chapeau ; entrez donc.",
            ["— Bonjour,", "entrez donc."],
        ),
        ("— Venez, répondit la fermière, qui riait, venez vite.", ["— Venez,", "venez vite."]),
        ("— Oui, dit-il, sans lever les yeux.", ["— Oui,"]),
    ],
)
def test_incise_goes_on_past_a_gerund_or_a_relative(line: str, expected: list[str]) -> None:
    """`, en …` or `, qui …` after the incise's comma is still the narrator's."""
    assert speech(line) == expected
