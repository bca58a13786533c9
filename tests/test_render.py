"""quoteattr.render and ``quoteattr --format html``: quotes, speakers and cues as HTML.

Most tests render hand-built quotes, so they pin the markup without a spaCy pipeline; the
HTML is read back with the standard library's parser, as a browser would build it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import attrs
import pytest
import spacy

import quoteattr
from quoteattr import (
    AttributionMethod,
    Cue,
    MissingParseError,
    Quote,
    QuoteExtractor,
    QuoteKind,
    Speaker,
    cli,
    render,
)
from quoteattr._render._colours import UNATTRIBUTED_COLOUR
from quoteattr.cli import _extraction
from test_cli import FakeExtractor, WatchingExtractor, loader, run

if TYPE_CHECKING:
    from pathlib import Path

# An invented news paragraph in the style of the seed article.
HARBOUR = (
    "Harbour chief Ida Brenner defended the dredging plan on Monday, criticizing the "
    'fishermen\'s union as "stuck in the past."\n\n'
    '"We pay for the silt every winter," Brenner told reporters.\n\n'
    "Union leader Marco Velt said the board had ignored the fleet. "
    'He called the plan "a gift to the cruise lines." Locals call the old pier "the Spine".'
)
MARKED = ("qa-quote", "qa-speaker", "qa-cue")
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})  # elements with no end


def locate(text: str, part: str, after: int = 0) -> tuple[int, int]:
    """The offsets of the first *part* of *text* at or after *after*."""
    start = text.index(part, after)
    return start, start + len(part)


def speaker_at(text: str, mention: str, name: str, entity: int | None, after: int = 0) -> Speaker:
    start, end = locate(text, mention, after)
    return Speaker(mention, start, end, name=name, entity_id=entity)


def cue_at(text: str, word: str, lemma: str, after: int = 0) -> Cue:
    start, end = locate(text, word, after)
    return Cue(word, start, end, lemma)


def quote_at(
    text: str,
    content: str,
    kind: QuoteKind = QuoteKind.DIRECT,
    *,
    speaker: Speaker | None = None,
    cue: Cue | None = None,
    after: int = 0,
) -> Quote:
    start, end = locate(text, content, after)
    method = None if speaker is None else AttributionMethod.CUE_AFTER
    return Quote(content, start, end, kind, speaker, cue, method)


def harbour_quotes() -> list[Quote]:
    """Two quotes by Brenner, two by Velt (one through a pronoun) and one unattributed."""
    text = HARBOUR
    brenner = speaker_at(text, "Ida Brenner", "Ida Brenner", 0)
    velt = speaker_at(text, "Union leader Marco Velt", "Marco Velt", 1)
    return [
        quote_at(
            text,
            "stuck in the past.",
            QuoteKind.PARTIAL,
            speaker=brenner,
            cue=cue_at(text, "criticizing", "criticize"),
        ),
        quote_at(
            text,
            "We pay for the silt every winter,",
            speaker=speaker_at(text, "Brenner", "Ida Brenner", 0, after=brenner.end),
            cue=cue_at(text, "told", "tell"),
        ),
        quote_at(
            text,
            "the board had ignored the fleet",
            QuoteKind.INDIRECT,
            speaker=velt,
            cue=cue_at(text, "said", "say"),
        ),
        quote_at(
            text,
            "a gift to the cruise lines.",
            QuoteKind.PARTIAL,
            speaker=speaker_at(text, "He", "Marco Velt", 1),
            cue=cue_at(text, "called", "call"),
        ),
        quote_at(text, "the Spine", QuoteKind.PARTIAL),
    ]


@attrs.define
class Element:
    """A marked element as the HTML parser built it: its attributes and its own text."""

    tag: str
    attributes: dict[str, str]
    text: str = ""

    @property
    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()

    @property
    def colour(self) -> str:
        """The speaker colour the element is drawn in (its --qa-colour)."""
        found = re.search(r"--qa-colour:(#[0-9a-f]{6})", self.attributes.get("style", ""))
        assert found is not None, self.attributes
        return found.group(1)


class Page(HTMLParser):
    """The parts of rendered HTML the tests look at.

    ``text`` is what a reader sees of the text (the ``qa-text`` element without the
    ``qa-tag`` labels); ``marked`` holds every quote, speaker and cue element, each with the
    text inside it (its own labels left out too).
    """

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: str | None = None
        self.marked: list[Element] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self._open: list[tuple[str, Element | None, bool]] = []  # tag, marked?, a label?
        self._in_text = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if "href" in attributes:
            self.links.append(attributes["href"])
        classes = attributes.get("class", "").split()
        element = Element(tag, attributes) if set(classes) & set(MARKED) else None
        if element is not None:
            self.marked.append(element)
        if tag in VOID:
            return
        if "qa-text" in classes:
            self.text = ""
            self._in_text = len(self._open) + 1
        self._open.append((tag, element, "qa-tag" in classes))

    def handle_endtag(self, tag: str) -> None:
        assert self._open, f"</{tag}> closes nothing"
        opened, _element, _label = self._open.pop()
        assert opened == tag, f"<{opened}> closed by </{tag}>"
        if self._in_text > len(self._open):
            self._in_text = 0

    def handle_data(self, data: str) -> None:
        if any(label for _tag, _element, label in self._open):
            return
        if self._in_text and self.text is not None:
            self.text += data
        for _tag, element, _label in self._open:
            if element is not None:
                element.text += data

    def of_class(self, name: str) -> list[Element]:
        """The marked elements of class *name*, in document order, split pieces joined."""
        whole: list[Element] = []
        for element in self.marked:
            if name not in element.classes:
                continue
            if "id" in element.attributes:
                whole.append(element)
            else:  # the rest of an element split by a crossing one
                whole[-1].text += element.text
        return whole


def read(markup: str) -> Page:
    page = Page(markup)
    assert not page._open, "every element is closed"
    return page


# -- what is marked ------------------------------------------------------------------------


def test_each_quote_speaker_and_cue_is_marked_once_with_its_exact_text() -> None:
    """A quote's, a speaker's and a cue's element holds exactly its text, once each."""
    quotes = harbour_quotes()
    page = read(render(HARBOUR, quotes))
    assert [element.text for element in page.of_class("qa-quote")] == [q.text for q in quotes]
    speakers = [q.speaker.text for q in quotes if q.speaker is not None]
    assert [element.text for element in page.of_class("qa-speaker")] == speakers
    cues = [q.cue.text for q in quotes if q.cue is not None]
    assert [element.text for element in page.of_class("qa-cue")] == cues


def test_marked_elements_carry_their_offsets_kind_and_entity() -> None:
    """data-start/data-end are the record's offsets; a quote says its kind and entity."""
    quotes = harbour_quotes()
    page = read(render(HARBOUR, quotes))
    for element, quote in zip(page.of_class("qa-quote"), quotes, strict=True):
        start, end = int(element.attributes["data-start"]), int(element.attributes["data-end"])
        assert HARBOUR[start:end] == element.text == quote.text
        assert element.attributes["data-kind"] == quote.kind.value
        entity = "" if quote.speaker is None else str(quote.speaker.entity_id)
        assert element.attributes["data-entity"] == entity


def test_the_text_is_kept_whole_around_the_marks() -> None:
    """Without its labels, the page's text is the input text, character for character."""
    assert read(render(HARBOUR, harbour_quotes())).text == HARBOUR


def test_quotes_of_one_speaker_share_a_colour_and_other_speakers_differ() -> None:
    """Colour follows the speaker entity: Brenner's two quotes alike, Velt's another."""
    page = read(render(HARBOUR, harbour_quotes()))
    colours = [element.colour for element in page.of_class("qa-quote")]
    brenner, brenner_again, velt, velt_as_he, unattributed = colours
    assert brenner == brenner_again
    assert velt == velt_as_he
    assert len({brenner, velt, unattributed}) == 3


def test_a_speaker_and_a_cue_wear_the_colour_of_their_quote() -> None:
    """The mention and the reporting word of a quote are drawn in the quote's colour."""
    page = read(render(HARBOUR, harbour_quotes()))
    quotes = page.of_class("qa-quote")[:4]
    speakers, cues = page.of_class("qa-speaker"), page.of_class("qa-cue")
    for quote, speaker, cue in zip(quotes, speakers, cues, strict=True):
        assert quote.colour == speaker.colour == cue.colour


def test_unattributed_quotes_are_grey_and_say_so() -> None:
    """A quote without a speaker is grey, with no link, and the legend counts it."""
    page = read(render(HARBOUR, harbour_quotes()))
    spine = page.of_class("qa-quote")[-1]
    assert "qa-unattributed" in spine.classes
    assert spine.colour == UNATTRIBUTED_COLOUR
    assert "no speaker found (1 quote)" in render(HARBOUR, harbour_quotes())


def test_entities_without_an_id_are_told_apart_by_name() -> None:
    """Speakers without an entity_id still get a colour per name."""
    text = 'Anna said "yes." Ben said "no." Anna said "maybe."'
    quotes = [
        quote_at(text, word, speaker=speaker_at(text, name, name, None, after=at))
        for word, name, at in (("yes.", "Anna", 0), ("no.", "Ben", 0), ("maybe.", "Anna", 30))
    ]
    colours = [e.colour for e in read(render(text, quotes)).of_class("qa-quote")]
    assert colours[0] == colours[2] != colours[1]


def test_many_speakers_each_get_a_colour_of_their_own() -> None:
    """Past the palette, new hues keep speakers apart."""
    text, quotes = "", []
    for number in range(30):
        name = f"Speaker{number}"
        speaker = Speaker(name, len(text), len(text) + len(name), name=name, entity_id=number)
        text += f'{name} said "'
        quotes.append(
            Quote(str(number), len(text), len(text) + len(str(number)), QuoteKind.DIRECT, speaker)
        )
        text += f'{number}". '
    colours = [e.colour for e in read(render(text, quotes)).of_class("qa-quote")]
    assert len(set(colours)) == 30


def test_captions_and_numbers_link_quotes_and_speakers() -> None:
    """Each quote's caption names its speaker and cue lemma and links to the mention."""
    markup = render(HARBOUR, harbour_quotes())
    page = read(markup)
    assert len(page.ids) == len(set(page.ids))
    assert all(link.removeprefix("#") in page.ids for link in page.links)
    assert ">1 Ida Brenner · criticize</a>" in markup
    assert ">4 Marco Velt · call</a>" in markup
    assert '<a href="#qa-q1">1</a>' in markup


def test_a_shared_speaker_is_one_element_numbered_for_each_quote() -> None:
    """A continuation quote shares its speaker's offsets: one element, both numbers."""
    text = '"The silt comes back," Brenner said. "Every year."'
    brenner = speaker_at(text, "Brenner", "Ida Brenner", 0)
    said = cue_at(text, "said", "say")
    quotes = [
        quote_at(text, "The silt comes back,", speaker=brenner, cue=said),
        quote_at(text, "Every year.", speaker=brenner, cue=said),
    ]
    markup = render(text, quotes)
    page = read(markup)
    assert [e.text for e in page.of_class("qa-speaker")] == ["Brenner"]
    assert [e.text for e in page.of_class("qa-cue")] == ["said"]
    assert markup.count('<a href="#qa-q1">1</a>,<a href="#qa-q2">2</a>') == 2


def test_a_speaker_and_cue_inside_the_clause_they_report_nest_in_it() -> None:
    """A parenthetical report ("The port, Brenner said, would …") nests in its quote."""
    text = "The port, Brenner said, would reopen by June."
    quote = quote_at(
        text,
        "The port, Brenner said, would reopen by June",
        QuoteKind.INDIRECT,
        speaker=speaker_at(text, "Brenner", "Ida Brenner", 0),
        cue=cue_at(text, "said", "say"),
    )
    page = read(render(text, [quote]))
    assert page.text == text
    assert [e.text for e in page.of_class("qa-quote")] == [quote.text]
    assert [e.text for e in page.of_class("qa-speaker")] == ["Brenner"]
    assert len(page.marked) == 3  # nested, not split


def test_crossing_marks_split_into_well_formed_pieces() -> None:
    """A mark that crosses another's end goes on in a second element; the HTML stays valid."""
    text = 'Brenner said "the quay will hold" today.'
    crossing = quote_at(
        text,
        "the quay will hold",
        speaker=speaker_at(text, "Brenner", "Ida Brenner", 0),
        cue=cue_at(text, 'said "the', "say"),
    )
    page = read(render(text, [crossing]))
    assert page.text == text
    assert [e.text for e in page.of_class("qa-cue")] == ['said "the']
    assert [e.text for e in page.of_class("qa-quote")] == ["the quay will hold"]
    assert sum("qa-quote" in e.classes for e in page.marked) == 2  # split in two pieces


def test_an_empty_range_is_marked_without_text() -> None:
    """A zero-length quote still gets its element and caption, and moves no text."""
    text = "Nothing was said."
    page = read(render(text, [Quote("", 8, 8, QuoteKind.DIRECT)]))
    assert [e.text for e in page.of_class("qa-quote")] == [""]
    assert page.text == text


# -- text that could break it --------------------------------------------------------------


def test_markup_in_the_text_stays_text() -> None:
    """<script>, & and quotation marks are escaped: the page shows them, runs nothing."""
    text = '<script>alert("x")</script> & Co. said "a <b>bold</b> & plan".'
    quote = quote_at(
        text,
        "a <b>bold</b> & plan",
        speaker=speaker_at(text, '<script>alert("x")</script> & Co.', "<i>Co</i> & Sons", 0),
        cue=cue_at(text, "said", "say"),
    )
    markup = render(text, [quote], page=True, title="</title><script>")
    assert "<script" not in markup
    assert "<b>" not in markup
    assert "<i>" not in markup
    page = read(markup)
    assert page.text == text
    assert [e.text for e in page.of_class("qa-quote")] == [quote.text]
    assert page.tags.count("script") == 0


def test_line_breaks_and_crlf_keep_their_offsets() -> None:
    """A CRLF stays two characters (CR as &#13;, which HTML keeps); lines stay lines."""
    text = 'First line.\r\nBrenner said:\r\n"We will dredge."\r\n\r\nLast line.'
    quote = quote_at(
        text,
        "We will dredge.",
        speaker=speaker_at(text, "Brenner", "Ida Brenner", 0),
        cue=cue_at(text, "said", "say"),
    )
    markup = render(text, [quote])
    assert "&#13;\n" in markup
    page = read(markup)
    assert page.text == text
    element = page.of_class("qa-quote")[0]
    start, end = int(element.attributes["data-start"]), int(element.attributes["data-end"])
    assert text[start:end] == element.text == "We will dredge."
    assert "white-space: pre-wrap" in markup


def test_unicode_text_keeps_its_offsets() -> None:
    """Astral characters, combining marks and other scripts do not shift the marks."""
    text = "Zoë Ångström 👩🏽‍⚖️ said: «Le port rouvrira en juin. 港口将重新开放» — and left 🚢."
    quote = quote_at(
        text,
        "Le port rouvrira en juin. 港口将重新开放",
        speaker=speaker_at(text, "Zoë Ångström", "Zoë Ångström", 0),
        cue=cue_at(text, "said", "say"),
    )
    page = read(render(text, [quote]))
    assert page.text == text
    assert [e.text for e in page.of_class("qa-quote")] == [quote.text]
    assert [e.text for e in page.of_class("qa-speaker")] == ["Zoë Ångström"]


def test_characters_html_cannot_carry_become_replacement_characters() -> None:
    """NUL and lone surrogates turn into U+FFFD, one for one: the page can be written."""
    text = 'A\x00B \ud800 said "ok".'
    quote = quote_at(text, "ok", speaker=speaker_at(text, "\ud800", "\ud800", 0))
    markup = render(text, [quote], page=True)
    markup.encode("utf-8")  # no surrogate is left to fail
    assert read(markup).text == 'A\ufffdB \ufffd said "ok".'


def test_empty_text_gives_an_empty_picture() -> None:
    """An empty text renders, as a fragment and as a page, with no marks."""
    page = read(render("", []))
    assert (page.text, page.marked) == ("", [])
    whole = render("", [], page=True)
    assert whole.startswith("<!DOCTYPE html>")
    assert read(whole).text == ""


def test_a_text_without_quotes_is_shown_as_it_is() -> None:
    """No quotes: the text, unmarked, and a legend that says none were found."""
    text = "The council met on Tuesday.\nIt adjourned early."
    markup = render(text, [])
    page = read(markup)
    assert (page.text, page.marked) == (text, [])
    assert "No quotes found." in markup


# -- the HTML ------------------------------------------------------------------------------


def test_a_page_is_a_whole_self_contained_document() -> None:
    """page=True: a document with its styles inline, no script and nothing to fetch."""
    markup = render(HARBOUR, harbour_quotes(), page=True, title="Harbour")
    assert markup.startswith("<!DOCTYPE html>\n<html")
    assert markup.rstrip().endswith("</html>")
    assert "<title>Harbour</title>" in markup
    assert markup.count("<style>") == 1
    for fetched in ("<script", "<link", "<img", "src=", "@import", "url(", "http"):
        assert fetched not in markup


def test_a_fragment_brings_its_styles_without_styling_the_page() -> None:
    """The default is a <div> with its own <style>, whose rules all name qa- classes."""
    markup = render(HARBOUR, harbour_quotes())
    assert markup.startswith('<div class="qa-render">')
    assert "<html" not in markup
    assert "<body" not in markup
    style = markup[markup.index("<style>") : markup.index("</style>")]
    selectors = re.findall(r"^([^\s{][^{]*)\{", style.removeprefix("<style>"), re.MULTILINE)
    assert selectors
    assert all(".qa-" in selector for selector in selectors)


def test_id_prefix_keeps_two_fragments_apart() -> None:
    """Two fragments on one page, with their own prefixes, share no id."""
    first = read(render(HARBOUR, harbour_quotes(), id_prefix="one"))
    second = read(render(HARBOUR, harbour_quotes(), id_prefix="two"))
    assert not set(first.ids) & set(second.ids)
    assert all(link.startswith("#two-") for link in second.links)


@pytest.mark.parametrize("prefix", ["", "1st", "a b", 'x"y', "q#"])
def test_an_id_prefix_that_is_no_id_is_refused(prefix: str) -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        render("text", [], id_prefix=prefix)


def test_quotes_of_another_text_are_refused() -> None:
    """Offsets that do not slice the quote's text out of this text are a ValueError."""
    quotes = harbour_quotes()
    with pytest.raises(ValueError, match=r"quote 1 \('stuck in the past\.'\) is not at"):
        render(HARBOUR.upper(), quotes)
    moved = attrs.evolve(quotes[1], cue=Cue("told", 0, 4, "tell"))
    with pytest.raises(ValueError, match=r"the cue \('told'\) of quote 1 is not at 0:4"):
        render(HARBOUR, [moved])
    beyond = Quote("", 500, 500, QuoteKind.DIRECT)
    with pytest.raises(ValueError, match="is not at 500:500"):
        render("short", [beyond])


def test_render_takes_a_str_or_a_doc_only() -> None:
    with pytest.raises(TypeError, match=r"str or a spacy\.tokens\.Doc, not bytes"):
        render(b"bytes", [])  # type: ignore[arg-type]


def test_quotes_are_drawn_in_text_order_whatever_their_order() -> None:
    """The numbers follow the text, so the same quotes in any order give the same HTML."""
    quotes = harbour_quotes()
    assert render(HARBOUR, reversed(quotes)) == render(HARBOUR, quotes)


def test_render_is_exported() -> None:
    assert quoteattr.render is render
    assert "render" in quoteattr.__all__


# -- with a pipeline -----------------------------------------------------------------------


def test_a_doc_without_a_parse_cannot_have_its_quotes_found() -> None:
    """A Doc from a pipeline without a parser: MissingParseError, unless given the quotes."""
    doc = spacy.blank("en")('"We will dredge," Brenner said.')
    with pytest.raises(MissingParseError, match="no dependency parse"):
        render(doc)
    assert read(render(doc, [])).text == doc.text


def test_a_doc_with_nothing_to_report_needs_no_parse() -> None:
    doc = spacy.blank("en")("The council met on Tuesday.")
    assert read(render(doc)).marked == []


@pytest.mark.model
def test_render_finds_the_quotes_of_a_str(default_extractor: QuoteExtractor) -> None:
    """Without quotes, render extracts them with the default pipeline."""
    quotes = default_extractor(HARBOUR)
    assert len(quotes) >= 4
    markup = render(HARBOUR)
    assert markup == render(HARBOUR, quotes)
    page = read(markup)
    assert page.text == HARBOUR
    assert [e.text for e in page.of_class("qa-quote")] == [q.text for q in quotes]


@pytest.mark.model
def test_render_reads_the_quotes_of_a_parsed_doc(extractor: QuoteExtractor) -> None:
    """A parsed Doc gives the picture of its text, from its own parse."""
    doc = extractor.nlp(HARBOUR)
    assert render(doc) == render(HARBOUR, extractor.from_doc(doc))


# -- quoteattr --format html ---------------------------------------------------------------


@pytest.fixture
def harbour_fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    extractor = FakeExtractor({HARBOUR: harbour_quotes()})
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    return extractor


@pytest.mark.usefixtures("harbour_fake")
def test_html_format_is_one_page_with_a_section_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each input is a section headed by its name, with its own ids; one page for the run."""
    harbour = tmp_path / "harbour.txt"
    harbour.write_text(HARBOUR, encoding="utf-8")
    council = tmp_path / "council <&>.txt"
    council.write_text("The council met.", encoding="utf-8")
    status, out, err = run(["--format", "html", str(harbour), str(council), str(harbour)], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")
    assert out.rstrip().endswith("</html>")
    assert out.count("<section") == 3
    assert f"{harbour}: 5 quotes</h2>" in out
    assert "council &lt;&amp;&gt;.txt: no quotes found</h2>" in out
    page = read(out)
    assert len(page.ids) == len(set(page.ids))
    assert [e.text for e in page.of_class("qa-quote")] == [q.text for q in harbour_quotes()] * 2
    assert all(link.removeprefix("#") in page.ids for link in page.links)


def test_html_format_writes_each_input_before_the_next_is_extracted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page streams: the first section is out before the second text is extracted."""
    extractor = WatchingExtractor({HARBOUR: harbour_quotes()}, capsys)
    monkeypatch.setattr(_extraction, "load_extractor", loader(extractor))
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    assert cli.main(["-f", "html", str(path), str(path)]) == 0
    before_second = extractor.seen[1]
    assert before_second.count("<section") == 1
    assert "</section>" in before_second


@pytest.mark.usefixtures("harbour_fake")
def test_html_format_leaves_failed_inputs_out_and_still_closes_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An input that is not UTF-8 is reported and skipped; the page is still whole."""
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9")
    status, out, err = run(["-f", "html", str(path)], capsys)
    assert status == 1
    assert "not valid UTF-8" in err
    assert "<section" not in out
    assert out.rstrip().endswith("</html>")
    read(out)


def test_help_lists_the_html_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(["--help"], capsys)
    assert status == 0
    assert "{table,json,jsonl,csv,html}" in out
    assert any(line.startswith("  html ") for line in out.splitlines())
