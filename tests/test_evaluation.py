"""The evaluator: the brat loader, direct quotations, matching, metrics and the report.

Every text and annotation here is invented for the test. Scoring tests build ``Quote``
records by hand, so nothing here needs a spaCy pipeline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import attrs
import pytest

from quoteattr import AttributionMethod, Cue, Quote, QuoteKind, Speaker
from quoteattr.evaluation import (
    ALL,
    DIRECT,
    INDIRECT,
    INDIRECT_SPEECH,
    SUBSETS,
    CorpusStats,
    ErrorCategory,
    EvaluationReport,
    Failure,
    GoldAttribution,
    GoldDataError,
    GoldDocument,
    MethodPrecision,
    Ratio,
    SubsetScores,
    evaluate,
    format_comparison,
    is_direct,
    is_speech_cue,
    load_brat_corpus,
    load_brat_document,
    pooled_methods,
    run_extractor,
    score,
    subset_named,
    write_confidence_table,
)
from quoteattr.evaluation._matching import counted_characters
from quoteattr.evaluation._mentions import normalize_mention

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from pathlib import Path

    from quoteattr.evaluation import ErrorRecord


def span(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """The offsets of the *occurrence*-th *part* of *text*."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def t_line(identifier: str, label: str, text: str, *parts: str) -> str:
    """A brat text-bound line for *parts* of *text* (one fragment each)."""
    fragments = [span(text, part) for part in parts]
    offsets = ";".join(f"{start} {end}" for start, end in fragments)
    stored = " ".join(text[start:end] for start, end in fragments)
    return f"{identifier}\t{label} {offsets}\t{stored}\n"


def make_quote(
    text: str,
    content: str,
    *,
    kind: QuoteKind = QuoteKind.DIRECT,
    speaker: str | None = None,
    cue: str | None = None,
    method: AttributionMethod | None = None,
    occurrence: int = 0,
) -> Quote:
    """A Quote of *content* in *text*, with the speaker mention and cue found by their words."""
    start, end = span(text, content, occurrence)
    found_speaker = None if speaker is None else Speaker(speaker, *span(text, speaker))
    found_cue = None if cue is None else Cue(cue, *span(text, cue), lemma=cue)
    return Quote(content, start, end, kind, found_speaker, found_cue, method)


def make_gold(
    text: str,
    content: Sequence[str],
    *,
    source: str | None = None,
    cue: str | None = None,
    occurrence: int = 0,
) -> GoldAttribution:
    """A gold attribution of the *content* fragments, classed as direct or not by is_direct.

    The cue's words are kept as the loader keeps them.
    """
    fragments = [span(text, part, occurrence) for part in content]
    return GoldAttribution(
        content=fragments,
        source=None if source is None else [span(text, source)],
        cue=None if cue is None else [span(text, cue)],
        direct=is_direct(text, fragments),
        cue_text=cue,
    )


def score_one(
    text: str,
    golds: Sequence[GoldAttribution],
    quotes: Sequence[Quote],
    *,
    min_jaccard: float = 0.5,
) -> EvaluationReport:
    return score([GoldDocument("doc", text, golds)], [quotes], min_jaccard=min_jaccard)


def categories(scores: SubsetScores) -> list[ErrorCategory]:
    return [error.category for error in scores.errors]


def errors_of(scores: SubsetScores, category: ErrorCategory) -> list[ErrorRecord]:
    return [error for error in scores.errors if error.category is category]


# -- loading brat --------------------------------------------------------------------------

PIER = '"We will rebuild the pier by spring," Mayor Ida Brenner said on Monday.\n'
PIER_ANN = (
    t_line("T1", "Content", PIER, '"We will rebuild the pier by spring,"')
    + t_line("T2", "Source", PIER, "Mayor Ida Brenner")
    + t_line("T3", "Cue", PIER, "said")
    + t_line("T4", "Attribution", PIER, "said")
    + "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
)


def write_plain(directory: Path, name: str, text: str, ann: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (directory / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")


def test_plain_layout_loads_each_text_with_its_annotation(tmp_path: Path) -> None:
    """NAME.txt next to NAME.ann: one document per text, sorted by name."""
    write_plain(tmp_path, "pier", PIER, PIER_ANN)
    write_plain(tmp_path, "empty", "Nothing was said here.\n", "")
    documents = load_brat_corpus(tmp_path)
    assert [document.name for document in documents] == ["empty", "pier"]
    assert documents[0].attributions == ()
    (attribution,) = documents[1].attributions
    assert attribution == GoldAttribution(
        content=[span(PIER, '"We will rebuild the pier by spring,"')],
        source=[span(PIER, "Mayor Ida Brenner")],
        cue=[span(PIER, "said")],
        direct=True,
        cue_text="said",
    )


def test_polnear_layout_takes_the_first_annotator_file(tmp_path: Path) -> None:
    """text/NAME.txt with attributions/NAME_XXXX.ann; of several, the first sorted one."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "harbour_news.txt").write_text(PIER, encoding="utf-8")
    (tmp_path / "attributions" / "harbour_news_b7c1.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "harbour_news_a093.ann").write_text(PIER_ANN, encoding="utf-8")
    # A text whose name is a prefix of the other's must not take its annotation.
    (tmp_path / "text" / "harbour.txt").write_text("No quotes.\n", encoding="utf-8")
    (tmp_path / "attributions" / "harbour_ffff.ann").write_text("", encoding="utf-8")
    documents = load_brat_corpus(tmp_path)
    assert [document.name for document in documents] == ["harbour", "harbour_news"]
    assert len(documents[0].attributions) == 0
    assert len(documents[1].attributions) == 1


def test_discontinuous_content_and_content2_are_one_sorted_content(tmp_path: Path) -> None:
    """Fragments separated by ';' and a Content2 role all join the content, sorted."""
    text = '"The tide is high," the warden said, "and rising." She added that "nobody" left.\n'
    first, second, third = (
        span(text, '"The tide is high,"'),
        span(text, '"and rising."'),
        span(text, "nobody"),
    )
    ann = (
        f"T1\tContent {second[0]} {second[1]};{first[0]} {first[1]}\t"
        f"{text[slice(*second)]} {text[slice(*first)]}\n"
        + t_line("T2", "Content", text, "nobody")
        + t_line("T3", "Source", text, "the warden")
        + t_line("T4", "Cue", text, "said")
        + "E1\tAttribution:T4 Content2:T2 Content:T1 Cue:T4 Source:T3\n"
    )
    write_plain(tmp_path, "tide", text, ann)
    (attribution,) = load_brat_corpus(tmp_path)[0].attributions
    assert attribution.content == (first, second, third)


def test_events_without_source_keep_none_and_without_content_are_dropped(
    tmp_path: Path,
) -> None:
    """Attribution-no-source has source None; a trigger with no content is not gold."""
    text = "Officials fear the bridge will close. Critics worried.\n"
    ann = (
        t_line("T1", "Content", text, "the bridge will close")
        + t_line("T2", "Cue", text, "fear")
        + t_line("T3", "Cue", text, "worried")
        + t_line("T4", "Source", text, "Critics")
        + "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n"
        + "E2\tAttribution:T3 Cue:T3 Source:T4\n"
    )
    write_plain(tmp_path, "bridge", text, ann)
    (attribution,) = load_brat_corpus(tmp_path)[0].attributions
    assert attribution.source is None
    assert attribution.cue == (span(text, "fear"),)
    assert attribution.direct is False


def test_stored_text_over_several_lines_and_other_lines_are_skipped(tmp_path: Path) -> None:
    """A stored text holding newlines continues below its T line; notes and relations pass."""
    text = 'The chair wrote: "First line.\n\nSecond line." Then she left.\n'
    content = '"First line.\n\nSecond line."'
    start, end = span(text, content)
    ann = (
        f"T1\tContent {start} {end}\t{content}\n"
        + t_line("T2", "Cue", text, "wrote")
        + t_line("T3", "Source", text, "The chair")
        + "#1\tAnnotatorNotes T1\tspans a paragraph\n"
        + "A1\tNegated E1\n"
        + "R1\tRelated Arg1:T2 Arg2:T3\n"
        + t_line("T4", "Discuss", text, "Then")
        + "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
    )
    write_plain(tmp_path, "chair", text, ann)
    (attribution,) = load_brat_corpus(tmp_path)[0].attributions
    assert attribution.content == ((start, end),)
    assert attribution.direct is True


def test_offsets_count_characters_with_line_ends_unchanged(tmp_path: Path) -> None:
    """A CRLF text keeps both characters, and curly quotes count as one character each."""
    text = "Headline\r\n“Café is open,” said Zoë.\r\n"
    ann = t_line("T1", "Content", text, "“Café is open,”") + "E1\tAttribution:T1 Content:T1\n"
    write_plain(tmp_path, "cafe", text, ann)
    (document,) = load_brat_corpus(tmp_path)
    assert document.text == text
    assert document.attributions[0].content == ((10, 25),)


def test_offsets_outside_the_text_name_the_file_and_line(tmp_path: Path) -> None:
    """An annotation past the end of its text is a GoldDataError naming file and line."""
    write_plain(
        tmp_path, "short", "Too short.\n", "E1\tAttribution:T1 Content:T1\nT1\tContent 5 90\tx\n"
    )
    with pytest.raises(GoldDataError, match=r"short\.ann, line 2: T1 range 5-90 lies outside"):
        load_brat_corpus(tmp_path)


def test_offsets_that_slice_other_words_are_rejected(tmp_path: Path) -> None:
    """Offsets counted another way (bytes, CRLF as one) slice the wrong words: an error."""
    text = "“Oui,” dit-elle.\n"
    # Byte offsets of "dit": three bytes per curly quote shift it.
    ann = "T1\tCue 11 14\tdit\n"
    write_plain(tmp_path, "oui", text, ann)
    with pytest.raises(GoldDataError, match="does not slice out its stored text 'dit'"):
        load_brat_corpus(tmp_path)


def test_an_event_naming_a_missing_annotation_is_an_error(tmp_path: Path) -> None:
    """A role pointing at an id that no T line defines is reported, with its line."""
    text = "Nobody spoke.\n"
    write_plain(tmp_path, "ghost", text, "E1\tAttribution:T9 Content:T9\n")
    with pytest.raises(GoldDataError, match=r"line 1: the event refers to T9"):
        load_brat_corpus(tmp_path)


@pytest.mark.parametrize("layout", ["missing", "empty", "file"])
def test_a_directory_without_documents_is_an_error(tmp_path: Path, layout: str) -> None:
    """No directory, or no documents in it, is a clear GoldDataError (also a ValueError)."""
    path = tmp_path / "gold"
    if layout == "empty":
        path.mkdir()
    elif layout == "file":
        path.write_text("not a directory", encoding="utf-8")
    with pytest.raises(ValueError, match=r"not a directory|no documents found") as raised:
        load_brat_corpus(path)
    assert isinstance(raised.value, GoldDataError)


def test_a_text_without_annotation_file_is_an_error(tmp_path: Path) -> None:
    """Every text needs its .ann; a missing one is named rather than skipped."""
    write_plain(tmp_path, "pier", PIER, PIER_ANN)
    (tmp_path / "stray.txt").write_text("No annotation.\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"stray\.txt' has no annotation file"):
        load_brat_corpus(tmp_path)


def test_load_brat_document_names_the_document_after_its_text(tmp_path: Path) -> None:
    """One text and one annotation file, with any file names."""
    text_path, ann_path = tmp_path / "story.txt", tmp_path / "story_by_ann.ann"
    text_path.write_text(PIER, encoding="utf-8")
    ann_path.write_text(PIER_ANN, encoding="utf-8")
    document = load_brat_document(text_path, ann_path)
    assert document.name == "story"
    assert len(document.attributions) == 1


def test_cue_words_are_loaded_joined_by_one_space(tmp_path: Path) -> None:
    """cue_text is the cue's fragments in text order, one space apart; None without a cue."""
    text = "In a memo, the engineers warned on Friday that the bridge will close. Rain fell.\n"
    warned, memo = span(text, "warned"), span(text, "In a memo")
    ann = (
        t_line("T1", "Content", text, "the bridge will close")
        + f"T2\tCue {warned[0]} {warned[1]};{memo[0]} {memo[1]}\twarned In a memo\n"
        + t_line("T3", "Source", text, "the engineers")
        + "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
        + t_line("T4", "Content", text, "Rain fell")
        + "E2\tAttribution-no-source:T4 Content:T4\n"
    )
    write_plain(tmp_path, "memo", text, ann)
    warning, rain = load_brat_corpus(tmp_path)[0].attributions
    assert warning.cue == (memo, warned)
    assert warning.cue_text == "In a memo warned"
    assert is_speech_cue(warning.cue_text)
    assert (rain.cue, rain.cue_text) == (None, None)


# -- direct quotations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        pytest.param("“We are ready,” she said.", ["“We are ready,”"], True, id="curly"),
        pytest.param('"We are ready," she said.', ['"We are ready,"'], True, id="straight"),
        pytest.param("''We are ready,'' she said.", ["''We are ready,''"], True, id="nyt"),
        pytest.param("‘We are ready,’ she said.", ["‘We are ready,’"], True, id="single-curly"),
        pytest.param("'We are ready,' she said.", ["'We are ready,'"], False, id="single-straight"),
        pytest.param("“We are ready,” she said.", ["We are ready,"], True, id="marks-outside"),
        pytest.param("''We are ready,'' she said.", ["'We are ready,'"], True, id="nyt-straddled"),
        pytest.param('He said "no".', ['"no".'], True, id="trailing-punctuation"),
        pytest.param('It was "A" or "B" then.', ['"A" or "B"'], False, id="word-between"),
        pytest.param('It was "A." "B." then.', ['"A." "B."'], True, id="two-quotes-no-word"),
        pytest.param(
            "She said the plan was “a disaster” for all.",
            ["the plan was “a disaster” for all"],
            False,
            id="partial-inside-indirect",
        ),
        pytest.param(
            "“He called it “a farce” twice,” she said.",
            ["“He called it “a farce” twice,”"],
            True,
            id="nested-curly",
        ),
        pytest.param('“We won," he said.', ['“We won,"'], True, id="mixed-double-marks"),
        pytest.param(
            "“The sea rose.\n\n“Then it fell.” That was all.",
            ["“The sea rose.\n\n“Then it fell.”"],
            True,
            id="two-paragraphs",
        ),
        pytest.param(
            "“The sea rose.\n\n“Then it fell.” That was all.",
            ["“The sea rose."],
            True,
            id="paragraph-left-open",
        ),
        pytest.param(
            "“The sea rose.” That was all.\n\nOr so.",
            ["“The sea rose.” That was all."],
            False,
            id="ends-outside-the-quote",
        ),
    ],
)
def test_is_direct(text: str, content: list[str], expected: bool) -> None:
    """The corpus's definition of a direct quotation, case by case."""
    assert is_direct(text, [span(text, part) for part in content]) is expected


def test_fragments_joined_by_whitespace_form_one_quotation() -> None:
    """“A. / B.” annotated as two fragments with a space between is direct."""
    text = "“The road is shut. The ferry is not.” she said."
    fragments = [span(text, "“The road is shut."), span(text, "The ferry is not.”")]
    assert is_direct(text, fragments)


def test_one_quoted_fragment_makes_mixed_content_direct() -> None:
    """A quoted fragment next to an unquoted one (``"A," he said, adding B``) is direct."""
    text = "“We are ready,” he said, adding that the crews had trained all week."
    fragments = [span(text, "“We are ready,”"), span(text, "the crews had trained all week")]
    assert is_direct(text, fragments)


def test_fragments_separated_by_words_are_not_joined() -> None:
    """Fragments with words between them are not one run, even inside one pair of marks."""
    text = "“The road is shut for now.”"
    fragments = [span(text, "“The road"), span(text, "for now.”")]
    assert not is_direct(text, fragments)


# -- characters and matching ---------------------------------------------------------------


def test_quotation_marks_and_whitespace_are_not_counted() -> None:
    """Only characters that are neither whitespace nor a quotation mark count."""
    text = "“It’s  fine,” ''ok'' `x'"
    assert counted_characters(text, [(0, len(text))]) == {
        i for i, character in enumerate(text) if character in "Itsfine,okx"
    }


FERRY = (
    "“The ferry will run again by June,” Hana Okafor told reporters. "
    "“The hull is sound,” she said. “The engines are not.”\n"
)


def test_quotes_without_their_marks_match_gold_with_marks_exactly() -> None:
    """The gold keeps the marks, quoteattr does not: the match is still perfect."""
    gold = make_gold(
        FERRY, ["“The ferry will run again by June,”"], source="Hana Okafor", cue="told"
    )
    quote = make_quote(
        FERRY, "The ferry will run again by June,", speaker="Hana Okafor", cue="told"
    )
    report = score_one(FERRY, [gold], [quote], min_jaccard=1.0)
    assert report.scores("direct").matched == 1


def test_pieces_of_one_unit_match_a_discontinuous_gold_once() -> None:
    """Two quotes sharing speaker and cue are one prediction for a two-fragment content."""
    gold = make_gold(
        FERRY, ["“The hull is sound,”", "“The engines are not.”"], source="she", cue="said"
    )
    quotes = [
        make_quote(FERRY, "The hull is sound,", speaker="she", cue="said"),
        make_quote(FERRY, "The engines are not.", speaker="she", cue="said"),
    ]
    scores = score_one(FERRY, [gold], quotes).scores("all")
    assert (scores.gold, scores.predicted, scores.matched, scores.false_positives) == (1, 1, 1, 0)


def test_pieces_of_one_unit_can_match_two_golds() -> None:
    """A unit whose pieces the gold splits into two attributions matches both."""
    golds = [
        make_gold(FERRY, ["“The hull is sound,”"], source="she", cue="said"),
        make_gold(FERRY, ["“The engines are not.”"], source="she", cue="said"),
    ]
    quotes = [
        make_quote(FERRY, "The hull is sound,", speaker="she", cue="said"),
        make_quote(FERRY, "The engines are not.", speaker="she", cue="said"),
    ]
    scores = score_one(FERRY, golds, quotes).scores("all")
    assert (scores.matched, scores.false_positives) == (2, 0)


def test_leftover_pieces_of_a_unit_are_one_false_positive() -> None:
    """What a unit has left after matching counts once, however many pieces it is."""
    gold = make_gold(FERRY, ["“The ferry will run again by June,”"], source="Hana Okafor")
    quotes = [
        make_quote(FERRY, "The ferry will run again by June,", speaker="she", cue="said"),
        make_quote(FERRY, "The hull is sound,", speaker="she", cue="said"),
        make_quote(FERRY, "The engines are not.", speaker="she", cue="said"),
    ]
    scores = score_one(FERRY, [gold], quotes).scores("all")
    assert (scores.matched, scores.false_positives, scores.predicted) == (1, 1, 2)
    (false_positive,) = errors_of(scores, ErrorCategory.FALSE_POSITIVE)
    assert false_positive.predicted is not None
    assert false_positive.predicted.content == "The hull is sound, The engines are not."


def test_quotes_lacking_speaker_or_cue_are_units_of_their_own() -> None:
    """Without both a speaker and a cue there is nothing to group by: one unit per quote."""
    quotes = [
        make_quote(FERRY, "The hull is sound,", cue="said"),
        make_quote(FERRY, "The engines are not.", cue="said"),
    ]
    scores = score_one(FERRY, [], quotes).scores("all")
    assert scores.false_positives == 2


def test_each_gold_is_matched_once() -> None:
    """Two units claiming the same gold: one matches, the other is a false positive."""
    gold = make_gold(FERRY, ["“The hull is sound,”"], source="she", cue="said")
    quotes = [
        make_quote(FERRY, "The hull is sound,", speaker="she", cue="said"),
        make_quote(FERRY, "hull is sound", speaker="Hana Okafor", cue="told"),
    ]
    scores = score_one(FERRY, [gold], quotes).scores("all")
    assert (scores.matched, scores.false_positives) == (1, 1)


def test_the_best_similarity_wins_whatever_the_order() -> None:
    """Greedy matching takes the best Jaccard first, not the first unit in the text."""
    text = "“Alpha beta gamma delta epsilon zeta,” said Ines. Then Ines left."
    gold = make_gold(text, ["“Alpha beta gamma delta epsilon zeta,”"], source="Ines", cue="said")
    worse = make_quote(text, "Alpha beta", speaker="Ines", cue="said")
    better = make_quote(text, "beta gamma delta epsilon zeta,", speaker="Ines", cue="left")
    # The worse unit comes first, in the list and in the text; it must not take the gold.
    scores = score_one(text, [gold], [worse, better], min_jaccard=0.1).scores("all")
    assert scores.matched == 1
    (false_positive,) = errors_of(scores, ErrorCategory.FALSE_POSITIVE)
    assert false_positive.predicted is not None
    assert false_positive.predicted.content == "Alpha beta"


def test_a_quote_goes_to_the_gold_it_fits_best() -> None:
    """One quote overlapping two golds matches the one with the higher Jaccard only."""
    text = "“Six seven.” “One two three four five.” said Ines."
    golds = [
        make_gold(text, ["“Six seven.”"], source="Ines", cue="said"),
        make_gold(text, ["“One two three four five.”"], source="Ines", cue="said"),
    ]
    quote = make_quote(text, "seven.” “One two three four five.", speaker="Ines", cue="said")
    # Both pairs pass this threshold; the first gold, in the list and the text, fits worse.
    scores = score_one(text, golds, [quote], min_jaccard=0.05).scores("all")
    assert scores.matched == 1
    (extent,) = errors_of(scores, ErrorCategory.WRONG_EXTENT)
    assert extent.gold is not None
    assert extent.gold.content == "“Six seven.”"


def test_a_unit_that_lost_a_piece_competes_with_the_rest() -> None:
    """A piece taken by a better match leaves the unit's other pieces free to match."""
    text = "“Alpha beta gamma delta.” “Epsilon zeta eta.” said Ines."
    golds = [
        make_gold(text, ["“Alpha beta gamma delta.”"], source="Ines", cue="said"),
        make_gold(text, ["“Epsilon zeta eta.”"], source="Ines", cue="said"),
    ]
    quotes = [
        make_quote(text, "Alpha beta gamma", speaker="Ines", cue="said"),
        # Straddles both golds, mostly the second: that pair is the best and goes first.
        make_quote(text, "delta.” “Epsilon zeta eta.", speaker="Ines", cue="said"),
    ]
    scores = score_one(text, golds, quotes).scores("all")
    assert (scores.matched, scores.false_positives) == (2, 0)


def test_a_match_needs_the_minimum_jaccard() -> None:
    """Below the threshold a quote is a wrong extent and a false positive; the keyword moves it."""
    gold = make_gold(FERRY, ["“The ferry will run again by June,”"], source="Hana Okafor")
    quote = make_quote(FERRY, "by June", speaker="Hana Okafor", cue="told")
    strict = score_one(FERRY, [gold], [quote]).scores("all")
    assert (strict.matched, strict.false_positives) == (0, 1)
    assert categories(strict) == [ErrorCategory.WRONG_EXTENT, ErrorCategory.FALSE_POSITIVE]
    assert strict.errors[0].jaccard == pytest.approx(6 / 27)
    loose = score_one(FERRY, [gold], [quote], min_jaccard=0.2).scores("all")
    assert (loose.matched, loose.false_positives) == (1, 0)


RHEE = "Council member Rhee said the plan was “a disaster for the town” and left early.\n"


def test_a_partial_quote_inside_an_indirect_attribution_is_neutral_for_direct() -> None:
    """The direct subset does not score it; the all subset does."""
    gold = make_gold(
        RHEE,
        ["the plan was “a disaster for the town”"],
        source="Council member Rhee",
        cue="said",
    )
    assert gold.direct is False
    quote = make_quote(
        RHEE,
        "a disaster for the town",
        kind=QuoteKind.PARTIAL,
        speaker="Council member Rhee",
        cue="said",
    )
    report = score_one(RHEE, [gold], [quote])
    direct = report.scores("direct")
    assert (direct.gold, direct.predicted, direct.neutral, direct.false_positives) == (0, 0, 1, 0)
    assert direct.errors == ()
    every = report.scores("all")
    assert (every.gold, every.matched, every.neutral) == (1, 1, 0)


def test_a_false_positive_outside_all_gold_is_not_neutral() -> None:
    """Neutral needs half the characters inside an attribution outside the subset."""
    text = "Rhee said the plan was sound. Later, “nobody came,” a guard said.\n"
    gold = make_gold(text, ["the plan was sound"], source="Rhee", cue="said")
    quote = make_quote(text, "nobody came,", speaker="a guard", cue="said", occurrence=0)
    direct = score_one(text, [gold], [quote]).scores("direct")
    assert (direct.neutral, direct.false_positives) == (0, 1)


# -- subsets of the gold ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue_text", "expected"),
    [
        ("said", True),
        ("told", True),
        ("says", True),
        ("argued", True),  # stance
        ("denied", True),  # stance
        ("whispered", True),  # manner
        ("According to", True),
        ("according to the memo", True),
        ("said in a statement", True),
        ("think", False),  # cognition
        ("believes", False),  # cognition
        ("criticized", False),  # evaluation: a judgment, not a report of words
        ("praised", False),  # evaluation
        ("show", False),  # not in the lexicon
        ("found", False),  # not in the lexicon
        (":", False),
        ("to", False),
        ("", False),
        (None, False),
    ],
)
def test_is_speech_cue(cue_text: str | None, expected: bool) -> None:
    """Speech, stance and manner verbs and "according to"; not judgments or thoughts."""
    assert is_speech_cue(cue_text) is expected


SUBSET_TEXT = (
    "“We are ready,” the chief said. The mayor said the dam was safe. Residents think it "
    "will hold. Critics criticized the plan. Figures show costs rose. According to the "
    "memo, work starts soon. Prices will fall.\n"
)
#: Gold of every sort, by name: content, cue (None: no cue).
SUBSET_GOLD = {
    "direct_said": ("“We are ready,”", "said"),
    "said_that": ("the dam was safe", "said"),
    "think": ("it will hold", "think"),
    "criticized": ("the plan", "criticized"),
    "show": ("costs rose", "show"),
    "according_to": ("work starts soon", "According to"),
    "no_cue": ("Prices will fall", None),
}


@pytest.mark.parametrize(
    ("name", "members"),
    [
        ("direct_said", {"direct", "all"}),
        ("said_that", {"indirect_speech", "indirect", "all"}),
        ("think", {"indirect", "all"}),
        ("criticized", {"indirect", "all"}),
        ("show", {"indirect", "all"}),
        ("according_to", {"indirect_speech", "indirect", "all"}),
        ("no_cue", {"indirect", "all"}),
    ],
)
def test_subset_membership(name: str, members: set[str]) -> None:
    """Direct gold is direct only; indirect gold is indirect_speech too when its cue says so."""
    content, cue = SUBSET_GOLD[name]
    gold = make_gold(SUBSET_TEXT, [content], cue=cue)
    assert {subset.name for subset in SUBSETS if subset.includes(gold)} == members


def test_default_subsets_and_the_kinds_that_answer_them() -> None:
    """Quotes in marks answer for direct quotations, reported speech for indirect gold."""
    assert [subset.name for subset in SUBSETS] == ["direct", "indirect_speech", "indirect", "all"]
    assert DIRECT.kinds == {QuoteKind.DIRECT, QuoteKind.PARTIAL}
    assert INDIRECT_SPEECH.kinds == INDIRECT.kinds == {QuoteKind.INDIRECT, QuoteKind.MIXED}
    assert ALL.kinds == set(QuoteKind)


def test_a_cue_without_its_words_is_no_speech_cue() -> None:
    """The indirect_speech subset reads cue_text: cue offsets alone do not qualify."""
    gold = attrs.evolve(make_gold(SUBSET_TEXT, ["the dam was safe"], cue="said"), cue_text=None)
    assert INDIRECT.includes(gold)
    assert not INDIRECT_SPEECH.includes(gold)


def test_reported_speech_is_no_prediction_for_direct_gold() -> None:
    """An indirect quote over a direct quotation, or elsewhere, counts only in all."""
    gold = make_gold(SUBSET_TEXT, ["“We are ready,”"], source="the chief", cue="said")
    over = make_quote(
        SUBSET_TEXT, "We are ready,", kind=QuoteKind.INDIRECT, speaker="the chief", cue="said"
    )
    elsewhere = make_quote(
        SUBSET_TEXT, "Prices will fall", kind=QuoteKind.MIXED, speaker="Residents", cue="think"
    )
    report = score_one(SUBSET_TEXT, [gold], [over, elsewhere])
    direct = report.scores("direct")
    assert (direct.gold, direct.predicted, direct.neutral) == (1, 0, 0)
    assert categories(direct) == [ErrorCategory.MISSED]
    every = report.scores("all")
    assert (every.matched, every.false_positives) == (1, 1)


def test_quotes_in_marks_are_no_predictions_for_indirect_gold() -> None:
    """Direct and partial quotes are left out of both indirect subsets, wherever they lie."""
    golds = [
        make_gold(RHEE, ["the plan was “a disaster for the town”"], source="Rhee", cue="said"),
    ]
    quotes = [
        # Inside the indirect attribution: a fragment of it, not its answer.
        make_quote(
            RHEE, "a disaster for the town", kind=QuoteKind.PARTIAL, speaker="Rhee", cue="said"
        ),
        # Outside any gold (another unit): a false positive for direct, nothing for indirect.
        make_quote(RHEE, "early", kind=QuoteKind.DIRECT, speaker="Rhee", cue="left"),
    ]
    report = score_one(RHEE, golds, quotes)
    for name in ("indirect_speech", "indirect"):
        scores = report.scores(name)
        assert (scores.gold, scores.predicted, scores.neutral) == (1, 0, 0), name
        assert categories(scores) == [ErrorCategory.MISSED], name
    direct = report.scores("direct")
    assert (direct.gold, direct.false_positives, direct.neutral) == (0, 1, 1)


def test_reported_speech_matches_indirect_speech_gold() -> None:
    """A mixed quote with its cue matches the indirect attribution in both indirect subsets."""
    gold = make_gold(
        RHEE, ["the plan was “a disaster for the town”"], source="Council member Rhee", cue="said"
    )
    quote = make_quote(
        RHEE,
        "the plan was “a disaster for the town”",
        kind=QuoteKind.MIXED,
        speaker="Council member Rhee",
        cue="said",
    )
    report = score_one(RHEE, [gold], [quote], min_jaccard=1.0)
    for name in ("indirect_speech", "indirect", "all"):
        scores = report.scores(name)
        assert (scores.gold, scores.matched, scores.false_positives) == (1, 1, 0), name
        assert scores.end_to_end_correct == 1, name
    assert report.scores("direct").predicted == 0


def test_reported_thought_is_neutral_for_indirect_speech() -> None:
    """An indirect quote over a "think" attribution is neutral there, and a match in indirect."""
    gold = make_gold(SUBSET_TEXT, ["it will hold"], source="Residents", cue="think")
    quote = make_quote(
        SUBSET_TEXT, "it will hold", kind=QuoteKind.INDIRECT, speaker="Residents", cue="think"
    )
    report = score_one(SUBSET_TEXT, [gold], [quote])
    speech = report.scores("indirect_speech")
    assert (speech.gold, speech.predicted, speech.neutral) == (0, 0, 1)
    indirect = report.scores("indirect")
    assert (indirect.gold, indirect.matched, indirect.neutral) == (1, 1, 0)


def test_unattributed_quotes_are_counted_not_scored() -> None:
    """A quote without speaker and cue is neither a match nor a false positive."""
    text = "Locals call the old pier “the Spine” and “the Comb.”\n"
    gold = make_gold(text, ["“the Spine”"], source="Locals", cue="call")
    quotes = [
        make_quote(text, "the Spine", kind=QuoteKind.PARTIAL),
        make_quote(text, "the Comb.", kind=QuoteKind.PARTIAL),
    ]
    report = score_one(text, [gold], quotes)
    scores = report.scores("all")
    assert (scores.predicted, scores.matched, scores.false_positives) == (0, 0, 0)
    assert categories(scores) == [ErrorCategory.MISSED_UNATTRIBUTED]
    assert (report.corpus.quotes, report.corpus.unattributed_quotes) == (2, 2)


def test_gold_without_any_overlapping_quote_is_missed() -> None:
    """Nothing found where the gold is: a MISSED error with the gold's words."""
    gold = make_gold(FERRY, ["“The hull is sound,”"], source="she", cue="said")
    scores = score_one(FERRY, [gold], []).scores("direct")
    (missed,) = scores.errors
    assert missed.category is ErrorCategory.MISSED
    assert missed.gold is not None
    assert (missed.gold.content, missed.gold.source, missed.gold.cue) == (
        "“The hull is sound,”",
        "she",
        "said",
    )
    assert missed.gold.content_spans == (span(FERRY, "“The hull is sound,”"),)
    assert missed.predicted is None


# -- speaker, cue and end to end -----------------------------------------------------------

HARBOUR = "“The cranes stay,” Okafor, the harbour master, said. “Ask the board,” a clerk said.\n"


@pytest.mark.parametrize(
    ("mention", "lenient", "strict"),
    [
        pytest.param("the harbour master", True, True, id="same-words"),
        pytest.param("harbour master", True, True, id="determiner-trimmed"),
        pytest.param("Okafor, the harbour master", True, False, id="overlapping"),
        pytest.param("a clerk", False, False, id="elsewhere"),
    ],
)
def test_speaker_lenient_overlaps_strict_compares_words(
    mention: str, lenient: bool, strict: bool
) -> None:
    """Lenient: the mention overlaps the source; strict: their normalized words are equal."""
    gold = make_gold(HARBOUR, ["“The cranes stay,”"], source="the harbour master", cue="said")
    quote = make_quote(HARBOUR, "The cranes stay,", speaker=mention, cue="said")
    scores = score_one(HARBOUR, [gold], [quote]).scores("all")
    assert scores.speaker_lenient == Ratio(int(lenient), 1)
    assert scores.speaker_strict == Ratio(int(strict), 1)
    assert (ErrorCategory.WRONG_SPEAKER in categories(scores)) is not lenient


@pytest.mark.parametrize(
    ("mention", "normal"),
    [
        ("The Mayor,", "mayor"),
        ("  an   aide ", "aide"),
        ("“the   Council”", "council"),
        ("A", "a"),
        ("Theodora Quist", "theodora quist"),
    ],
)
def test_normalize_mention(mention: str, normal: str) -> None:
    """Whitespace, leading determiners, edge punctuation and case do not count."""
    assert normalize_mention(mention) == normal


def test_cue_is_right_when_it_overlaps_the_gold_cue() -> None:
    """A cue elsewhere, or none, is a WRONG_CUE error; the ratio counts matches with a cue."""
    golds = [
        make_gold(HARBOUR, ["“The cranes stay,”"], source="Okafor", cue="said"),
        make_gold(HARBOUR, ["“Ask the board,”"], source="a clerk", cue="said"),
    ]
    quotes = [
        make_quote(HARBOUR, "The cranes stay,", speaker="Okafor", cue="said"),
        make_quote(HARBOUR, "Ask the board,", speaker="a clerk"),
    ]
    scores = score_one(HARBOUR, golds, quotes).scores("all")
    assert scores.cue == Ratio(1, 2)
    assert categories(scores) == [ErrorCategory.WRONG_CUE]


def test_end_to_end_credits_a_rightly_missing_speaker() -> None:
    """Gold without a source: right when the prediction has no speaker, wrong when it has one."""
    text = "“Rain is likely,” the forecast said. “Wind too,” it was said.\n"
    golds = [
        make_gold(text, ["“Rain is likely,”"], cue="said"),
        make_gold(text, ["“Wind too,”"], cue="was said"),
    ]
    quotes = [
        make_quote(text, "Rain is likely,", cue="said"),
        make_quote(text, "Wind too,", speaker="it", cue="was said"),
    ]
    scores = score_one(text, golds, quotes).scores("all")
    assert scores.speaker_lenient == Ratio(0, 0)  # no gold source: not counted
    assert scores.end_to_end_correct == 1
    assert scores.end_to_end.precision == Ratio(1, 2)
    assert scores.end_to_end.recall == Ratio(1, 2)
    (wrong,) = errors_of(scores, ErrorCategory.WRONG_SPEAKER)
    assert wrong.predicted is not None
    assert wrong.predicted.source == "it"


def test_gold_with_source_and_cue_swapped_is_read_the_other_way_round() -> None:
    """An annotation that labels the verb as source and the speaker as cue credits a
    prediction that crosses it exactly, and the report counts how often that happened."""
    text = "“The cranes stay,” Okafor said. “Ask the board,” a clerk said.\n"
    golds = [
        make_gold(text, ["“The cranes stay,”"], source="said", cue="Okafor"),
        make_gold(text, ["“Ask the board,”"], source="said", cue="a clerk", occurrence=0),
    ]
    quotes = [
        make_quote(text, "The cranes stay,", speaker="Okafor", cue="said"),
        # The speaker is right but the cue is not the gold's source: no crossing, no credit.
        make_quote(text, "Ask the board,", speaker="a clerk", cue="Ask"),
    ]
    scores = score_one(text, golds, quotes).scores("all")
    assert scores.roles_swapped == 1
    assert scores.end_to_end_correct == 1
    assert scores.speaker_lenient == Ratio(1, 2)
    assert scores.cue == Ratio(1, 2)
    (wrong,) = errors_of(scores, ErrorCategory.WRONG_SPEAKER)
    assert wrong.predicted is not None
    assert wrong.predicted.source == "a clerk"


def test_rates_carry_their_counts() -> None:
    """Precision, recall and F1 come from matched, predicted and gold counts."""
    golds = [
        make_gold(FERRY, ["“The ferry will run again by June,”"], source="Hana Okafor"),
        make_gold(FERRY, ["“The hull is sound,”", "“The engines are not.”"], source="she"),
    ]
    quotes = [
        make_quote(FERRY, "The ferry will run again by June,", speaker="Hana Okafor", cue="told"),
        make_quote(FERRY, "by June", speaker="she", cue="said", occurrence=0),
    ]
    content = score_one(FERRY, golds, quotes).scores("direct").content
    assert (content.precision, content.recall) == (Ratio(1, 2), Ratio(1, 2))
    assert content.f1 == Ratio(2, 4)
    assert str(content.precision) == "0.500 (1/2)"
    assert Ratio(0, 0).value is None
    assert str(Ratio(0, 0)) == "- (0/0)"


def test_subsets_are_looked_up_by_name() -> None:
    """The command line's names; an unknown one lists the choices."""
    assert subset_named("direct") is DIRECT
    assert subset_named("indirect_speech") is INDIRECT_SPEECH
    assert subset_named("indirect") is INDIRECT
    assert subset_named("all") is ALL
    with pytest.raises(ValueError, match=r"choose from direct, indirect_speech, indirect, all$"):
        subset_named("speech")


def test_predictions_must_line_up_with_documents() -> None:
    """One list of quotes per document, or a clear error."""
    with pytest.raises(ValueError, match="one list"):
        score([GoldDocument("doc", FERRY, [])], [])
    with pytest.raises(ValueError, match="past the end of its text"):
        score([GoldDocument("doc", "Short.", [])], [[make_quote(FERRY, "The hull is sound,")]])


# -- precision per method ------------------------------------------------------------------


def method_report() -> EvaluationReport:
    text = (
        "“The ferry will run,” Okafor told reporters. “It is late,” she said. "
        "Locals called it “the slow boat.” A clerk said it was “fine, mostly.”\n"
    )
    golds = [
        make_gold(text, ["“The ferry will run,”"], source="Okafor", cue="told"),
        make_gold(text, ["“It is late,”"], source="she", cue="said"),
        make_gold(text, ["it was “fine, mostly.”"], source="A clerk", cue="said"),
    ]
    quotes = [
        make_quote(
            text,
            "The ferry will run,",
            speaker="Okafor",
            cue="told",
            method=AttributionMethod.CUE_AFTER,
        ),
        make_quote(
            text, "It is late,", speaker="A clerk", cue="said", method=AttributionMethod.CUE_AFTER
        ),
        make_quote(text, "the slow boat.", kind=QuoteKind.PARTIAL),
        make_quote(
            text,
            "fine, mostly.",
            kind=QuoteKind.PARTIAL,
            speaker="A clerk",
            cue="said",
            method=AttributionMethod.EMBEDDED,
        ),
    ]
    return score([GoldDocument("ferry", text, golds)], [quotes])


def test_method_precision_counts_each_quote_against_any_gold() -> None:
    """Right when the quote lies in a gold whose source overlaps its speaker, in any subset."""
    methods = {method.method: method for method in method_report().methods}
    assert list(methods) == ["cue_after", "embedded", "none"]
    assert (methods["cue_after"].quotes, methods["cue_after"].correct) == (2, 1)
    assert methods["cue_after"].precision == Ratio(1, 2)
    # The partial quote sits inside an indirect attribution: it counts for its method.
    assert (methods["embedded"].quotes, methods["embedded"].correct) == (1, 1)
    # An unattributed quote is right only inside a gold without a source.
    assert (methods["none"].quotes, methods["none"].correct) == (1, 0)


def test_confidence_table_is_a_tsv_with_a_comment_header(tmp_path: Path) -> None:
    """Comment lines, the fixed header row, then one row per scheme and method, sorted."""
    path = tmp_path / "confidence.tsv"
    report = method_report()
    write_confidence_table(report, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert comments
    assert f"quoteattr {report.quoteattr_version}" in " ".join(comments)
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows == [
        ["scheme", "method", "precision", "quotes", "correct"],
        ["any", "cue_after", "0.500", "2", "1"],
        ["any", "embedded", "1.000", "1", "1"],
        ["any", "none", "0.000", "1", "0"],
    ]


def test_confidence_table_names_the_gold_corpus_by_its_directory(tmp_path: Path) -> None:
    """The header says which corpus it was measured on (the directory's base name)."""
    path = tmp_path / "confidence.tsv"
    report = method_report()
    write_confidence_table(attrs.evolve(report, gold="data/polnear/train"), path)
    assert "on train," in path.read_text(encoding="utf-8")


def test_pooled_methods_add_up_the_counts_of_every_report() -> None:
    """A method's quotes and correct quotes are summed over the reports, methods by name."""
    report = method_report()
    other = attrs.evolve(report, methods=(MethodPrecision("colon", 4, 3),))
    pooled = {method.method: method for method in pooled_methods([report, other, report])}
    assert list(pooled) == ["colon", "cue_after", "embedded", "none"]
    assert (pooled["cue_after"].quotes, pooled["cue_after"].correct) == (4, 2)
    assert pooled["colon"].precision == Ratio(3, 4)


def test_confidence_table_has_rows_per_scheme_and_pools_within_one(tmp_path: Path) -> None:
    """A report per pipeline: each scheme its rows, pipelines of one scheme pooled."""
    path = tmp_path / "confidence.tsv"
    report = method_report()
    small = attrs.evolve(
        report, model="en_core_web_sm", model_version="3.8.0", label_scheme="clear"
    )
    large = attrs.evolve(
        report, model="en_core_web_lg", model_version="3.8.0", label_scheme="clear"
    )
    ud = attrs.evolve(report, model="en_ud_sm", model_version="0.2.0", label_scheme="ud")
    write_confidence_table([small, large, ud], path)
    text = path.read_text(encoding="utf-8")
    assert "en_core_web_sm 3.8.0 (clear), en_core_web_lg 3.8.0 (clear), en_ud_sm 0.2.0 (ud)" in text
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert ["clear", "cue_after", "0.500", "4", "2"] in rows
    assert ["ud", "cue_after", "0.500", "2", "1"] in rows
    assert [row[0] for row in rows[1:]] == ["clear"] * 3 + ["ud"] * 3


def test_confidence_table_needs_a_report(tmp_path: Path) -> None:
    """An empty list of reports is an error, not a table of nothing."""
    with pytest.raises(ValueError, match="at least one report"):
        write_confidence_table([], tmp_path / "confidence.tsv")


# -- the report ----------------------------------------------------------------------------


def test_report_dict_survives_json_and_keeps_the_counts() -> None:
    """to_dict() is JSON-safe: a json round trip gives it back unchanged."""
    report = method_report()
    document = report.to_dict()
    assert json.loads(json.dumps(document)) == document
    direct = document["subsets"]["direct"]
    assert direct["content"]["recall"] == {
        "value": report.scores("direct").content.recall.value,
        "numerator": report.scores("direct").matched,
        "denominator": report.scores("direct").gold,
    }
    error_categories = {error["category"] for error in document["subsets"]["all"]["errors"]}
    assert "wrong_speaker" in error_categories
    assert document["methods"]["cue_after"] == {
        "precision": {"value": 0.5, "numerator": 1, "denominator": 2},
        "quotes": 2,
        "correct": 1,
    }


def test_table_shows_rates_with_counts_and_the_failures() -> None:
    """Rates print with three decimals and their counts; failed articles are listed."""
    text = "“Hello,” said Ada.\n"
    gold = make_gold(text, ["“Hello,”"], source="Ada", cue="said")
    report = score(
        [GoldDocument("ada", text, [gold]), GoldDocument("broken", "x", [])],
        [[make_quote(text, "Hello,", speaker="Ada", cue="said")], []],
        failures=[Failure("broken", "RuntimeError: parser crashed")],
    )
    table = report.format_table()
    assert "failed: 1" in table
    assert "broken: RuntimeError: parser crashed" in table
    recall_row = next(line for line in table.splitlines() if line.startswith("content recall"))
    # direct, indirect_speech, indirect, all: no indirect gold, so no indirect rate.
    assert recall_row.split()[2:] == [
        *("1.000", "(1/1)"),
        *("-", "(0/0)"),
        *("-", "(0/0)"),
        *("1.000", "(1/1)"),
    ]
    assert "cue_after" not in table  # no method row without quotes of that method


def test_report_dict_has_the_four_default_subsets() -> None:
    """The JSON report keys each default subset's scores by name, in report order."""
    document = method_report().to_dict()
    assert list(document["subsets"]) == ["direct", "indirect_speech", "indirect", "all"]
    for scores in document["subsets"].values():
        assert {"gold", "predicted", "matched", "neutral", "content", "errors"} <= set(scores)


def dev_sized_scores(name: str) -> SubsetScores:
    """Scores with counts as large as on PolNeAR's dev split (four-digit counts)."""
    return SubsetScores(
        subset=name,
        gold=2192,
        matched=502,
        false_positives=1147,
        neutral=226,
        end_to_end_correct=478,
        speaker_lenient=Ratio(478, 501),
        speaker_strict=Ratio(452, 501),
        cue=Ratio(476, 502),
        pronoun_resolution=Ratio(81, 100),
    )


def test_table_of_four_subsets_fits_100_columns() -> None:
    """A column per default subset, headed by its name; dev-sized counts fit 100 columns."""
    report = EvaluationReport(
        subsets=tuple(dev_sized_scores(subset.name) for subset in SUBSETS),
        methods=(),
        corpus=CorpusStats(articles=84, quotes=997, unattributed_quotes=163),
        min_jaccard=0.5,
        quoteattr_version="0.1.0",
    )
    lines = report.format_table().splitlines()
    assert lines[4].split() == ["match:", "Jaccard", ">=", "0.5", *(s.name for s in SUBSETS)]
    assert max(len(line) for line in lines) <= 100


def dev_sized_report(model: str, version: str) -> EvaluationReport:
    """A report with dev-sized counts in every default subset, from the pipeline *model*."""
    return EvaluationReport(
        subsets=tuple(dev_sized_scores(subset.name) for subset in SUBSETS),
        methods=(MethodPrecision("complement", 4520, 3909), MethodPrecision("cue_after", 3, 3)),
        corpus=CorpusStats(articles=84, quotes=997, unattributed_quotes=163),
        min_jaccard=0.5,
        quoteattr_version="0.1.0",
        gold="polnear/dev",
        model=model,
        model_version=version,
    )


def test_comparison_has_a_column_per_pipeline_and_a_block_per_subset() -> None:
    """Pipelines across, headed by model and version; each subset a block of rows down."""
    small = dev_sized_report("en_core_web_sm", "3.8.0")
    ud = attrs.evolve(dev_sized_report("en_ud_sm", "0.2.0"), methods=())
    lines = format_comparison([small, ud]).splitlines()
    assert lines[0] == "quoteattr 0.1.0 on polnear/dev, a column per pipeline"
    heading = lines[2].split()
    assert heading == [
        "match:",
        "Jaccard",
        ">=",
        "0.5",
        "en_core_web_sm",
        "3.8.0",
        "en_ud_sm",
        "0.2.0",
    ]
    assert [line for line in lines if line in {s.name for s in SUBSETS}] == [
        s.name for s in SUBSETS
    ]
    recall_rows = [line.split() for line in lines if line.startswith("  content recall")]
    assert recall_rows == [["content", "recall", *("0.229", "(502/2192)") * 2]] * len(SUBSETS)
    # A method one report did not use shows as "-" in its column.
    method_row = next(line for line in lines if line.startswith("complement"))
    assert method_row.split() == ["complement", "0.865", "(3909/4520)", "-"]
    assert max(len(line) for line in lines) <= 100


def test_comparison_labels_name_the_columns() -> None:
    """Labels replace the model names (the textacy comparison names its systems so)."""
    report = dev_sized_report("en_ud_sm", "0.2.0")
    table = format_comparison([report, report], labels=["quoteattr", "textacy"])
    assert table.splitlines()[2].split()[-2:] == ["quoteattr", "textacy"]


@pytest.mark.parametrize(
    ("reports", "labels", "message"),
    [
        ([], None, "at least one report"),
        ([dev_sized_report("a", "1")], ["a", "b"], "2 labels for 1 reports"),
        (
            [dev_sized_report("a", "1"), score([], [], subsets=[DIRECT])],
            None,
            "subset 'indirect_speech'",
        ),
    ],
)
def test_comparison_rejects_what_it_cannot_line_up(
    reports: list[EvaluationReport], labels: list[str] | None, message: str
) -> None:
    """No reports, a label per report missing, or a report without a subset of the first."""
    with pytest.raises(ValueError, match=message):
        format_comparison(reports, labels)


def test_report_scores_lookup_rejects_unknown_subsets() -> None:
    """report.scores(name) finds a subset, or raises KeyError."""
    report = score([], [], subsets=[DIRECT])
    assert report.scores("direct").gold == 0
    with pytest.raises(KeyError):
        report.scores("all")


# -- running an extractor ------------------------------------------------------------------


class FakeExtractor:
    """Finds every “…” quote attributed to nobody; raises on texts containing BOOM."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]:
        batch = list(texts)
        self.batches.append(len(batch))
        for text in batch:
            if "BOOM" in text:
                raise RuntimeError("the parser fell over")
            yield [make_quote(text, text[1 : text.index("”")], cue=text.split()[-1].strip("."))]


def documents_with_a_bad_one() -> list[GoldDocument]:
    texts = {
        "a": "“First one,” said.",
        "b": "“Second BOOM,” said.",
        "c": "“Third one,” said.",
    }
    return [
        GoldDocument(name, text, [make_gold(text, [text[: text.index("”") + 1]], cue="said")])
        for name, text in texts.items()
    ]


def test_a_failing_document_is_recorded_and_the_rest_still_run() -> None:
    """When a batch raises, its documents run one by one; only the bad one fails."""
    extractor = FakeExtractor()
    predictions, failures = run_extractor(extractor, documents_with_a_bad_one(), batch_size=3)
    assert failures == [Failure("b", "RuntimeError: the parser fell over")]
    assert [len(quotes) for quotes in predictions] == [1, 0, 1]
    assert extractor.batches == [3, 1, 1, 1]


def test_evaluate_scores_a_failed_document_as_empty() -> None:
    """The failure is in the report, and its gold counts as missed."""
    report = evaluate(documents_with_a_bad_one(), FakeExtractor())
    assert report.corpus.failures == (Failure("b", "RuntimeError: the parser fell over"),)
    scores = report.scores("direct")
    assert (scores.gold, scores.matched) == (3, 2)
    assert report.gold is None
    assert report.model is None


def test_evaluate_reads_a_gold_directory_and_names_the_model(tmp_path: Path) -> None:
    """A path is loaded as a brat corpus; the model comes from the extractor's nlp.meta."""
    write_plain(tmp_path, "pier", PIER, PIER_ANN)

    class Pipeline:
        meta = {"lang": "en", "name": "test_sm", "version": "1.2.3"}  # noqa: RUF012

    class Extractor:
        nlp = Pipeline()

        def pipe(self, texts: Iterable[str]) -> Iterator[list[Quote]]:
            for text in texts:
                quote = '"We will rebuild the pier by spring,"'
                yield [make_quote(text, quote[1:-1], speaker="Mayor Ida Brenner", cue="said")]

    report = evaluate(tmp_path, Extractor())
    assert (report.gold, report.model, report.model_version) == (
        str(tmp_path),
        "en_test_sm",
        "1.2.3",
    )
    assert report.scores("direct").end_to_end.recall == Ratio(1, 1)


def test_evaluate_takes_an_extractor_or_a_model_not_both() -> None:
    """Both at once is ambiguous."""
    with pytest.raises(ValueError, match="not both"):
        evaluate([], FakeExtractor(), model="en_core_web_sm")


def test_importing_the_evaluator_does_not_import_spacy() -> None:
    """quoteattr.evaluation stays cheap to import."""
    code = "import sys, quoteattr.evaluation; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# -- pronoun speakers ------------------------------------------------------------------------

MAYORAL = (
    '"The pier opens in May," Mayor Ida Brenner said, adding that the ferry would follow. '
    '"Tickets go on sale soon," she said.'
)


def pier_report(resolved_name: str | None) -> SubsetScores:
    golds = [
        make_gold(MAYORAL, ['"The pier opens in May,"'], source="Mayor Ida Brenner", cue="said"),
        make_gold(MAYORAL, ['"Tickets go on sale soon,"'], source="she", cue="said"),
    ]
    start, end = span(MAYORAL, "she")
    she = Speaker("she", start, end, name=resolved_name)
    quotes = [
        make_quote(MAYORAL, "The pier opens in May,", speaker="Mayor Ida Brenner", cue="said"),
        Quote(
            "Tickets go on sale soon,",
            *span(MAYORAL, "Tickets go on sale soon,"),
            QuoteKind.DIRECT,
            she,
            Cue("said", *span(MAYORAL, "said", 1), lemma="say"),
        ),
    ]
    return score_one(MAYORAL, golds, quotes).scores("direct")


def test_a_pronoun_speaker_is_scored_against_the_last_named_source() -> None:
    """ "she" after a quote by Mayor Ida Brenner: resolving it to Brenner counts as right."""
    assert pier_report("Ida Brenner").pronoun_resolution == Ratio(1, 1)
    assert pier_report("Tom Okafor").pronoun_resolution == Ratio(0, 1)
    assert pier_report(None).pronoun_resolution == Ratio(0, 1)
