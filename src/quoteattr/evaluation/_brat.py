"""Gold attributions from brat standoff files, in the PolNeAR corpus's scheme.

A brat ``.ann`` file sits next to its text. ``T`` lines are text-bound spans
(``T3<TAB>Content 120 211;230 245<TAB>stored text``); ``E`` lines tie them into events
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Offsets are Python ``str`` indices
into the text read as UTF-8 without newline translation, so they are checked against the text
and a file annotated against another encoding or line-end convention fails loudly.
"""

from __future__ import annotations

import enum
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from quoteattr.errors import QuoteAttrError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "GoldAttribution",
    "GoldDataError",
    "GoldDocument",
    "Span",
    "is_direct",
    "load_brat_corpus",
    "load_brat_document",
]

#: A half-open character range ``(start, end)`` into a document's text.
Span = tuple[int, int]

#: The event types that are attributions; other events (if any) are ignored.
ATTRIBUTION_EVENTS = frozenset({"Attribution", "Attribution-no-source"})
#: Event roles by their base name: brat numbers a repeated role (``Content2``).
CONTENT, SOURCE, CUE = "Content", "Source", "Cue"

# ``T12<TAB>Label 10 20;25 30<TAB>stored text``
_TEXT_BOUND = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)", re.DOTALL)
# ``E3<TAB>Type:T12 Role:T4 …``
_EVENT = re.compile(r"(E\d+)\t(\S+)")
# Where a new annotation begins; any other line continues the stored text of a ``T`` line.
_ANNOTATION_START = re.compile(r"[TEAR#]\d+\t")


class GoldDataError(QuoteAttrError, ValueError):
    """Gold annotations cannot be read: nothing found, bad offsets or a dangling reference."""


def _spans(values: Iterable[Iterable[int]]) -> tuple[Span, ...]:
    """Fragments as sorted ``(start, end)`` tuples, each once."""
    spans = {_span(value) for value in values}
    return tuple(sorted(spans))


def _span(value: Iterable[int]) -> Span:
    start, end = value
    return (start, end)


def _optional_spans(values: Iterable[Iterable[int]] | None) -> tuple[Span, ...] | None:
    return None if values is None else _spans(values)


def _check_fragments(_instance: object, _attribute: object, value: tuple[Span, ...]) -> None:
    for start, end in value:
        if not 0 <= start <= end:
            raise ValueError(f"the fragment {start}-{end} is not a character range")


def _check_content(instance: object, attribute: object, value: tuple[Span, ...]) -> None:
    if not value:
        raise ValueError("an attribution needs at least one content fragment")
    _check_fragments(instance, attribute, value)


_OPTIONAL_FRAGMENTS = attrs.validators.optional(_check_fragments)


@attrs.frozen
class GoldAttribution:
    """One annotated attribution: what was said, by whom, with which cue.

    Each part is a tuple of sorted ``(start, end)`` fragments into the document's text
    (a content given in pieces, ``"A," he said. "B."``, has several). ``source`` and ``cue``
    are ``None`` when the annotation has none (PolNeAR's ``Attribution-no-source``).
    """

    #: The content's fragments: the union of the event's ``Content`` and ``Content2`` roles.
    content: tuple[Span, ...] = attrs.field(converter=_spans, validator=_check_content)
    #: The source's fragments (who), or ``None``.
    source: tuple[Span, ...] | None = attrs.field(
        default=None, converter=_optional_spans, validator=_OPTIONAL_FRAGMENTS
    )
    #: The cue's fragments (the reporting words), or ``None``.
    cue: tuple[Span, ...] | None = attrs.field(
        default=None, converter=_optional_spans, validator=_OPTIONAL_FRAGMENTS
    )
    #: Whether the content is a direct quotation (see :func:`is_direct`).
    direct: bool = False
    #: The cue's words: its fragments' text joined by one space, as brat stores it
    #: (``"according to"``, ``"told"``), or ``None`` when there is no cue or it was not
    #: given. Filled by the loader; the ``indirect_speech`` subset reads it.
    cue_text: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )


def _attributions(values: Iterable[GoldAttribution]) -> tuple[GoldAttribution, ...]:
    return tuple(values)


@attrs.frozen
class GoldDocument:
    """A text and its gold attributions, in the order of the annotation file."""

    #: The text file's name without its extension.
    name: str
    #: The text, as the offsets count it.
    text: str = attrs.field(repr=False)
    attributions: tuple[GoldAttribution, ...] = attrs.field(converter=_attributions)


# -- loading -------------------------------------------------------------------------------


def load_brat_corpus(path: str | os.PathLike[str]) -> list[GoldDocument]:
    """Load every document of a brat corpus directory, sorted by name.

    Two layouts are read: PolNeAR's split, ``text/NAME.txt`` with
    ``attributions/NAME_XXXX.ann`` (``XXXX`` names the annotator; when several annotators
    annotated a text, the first file in sorted order is used), and plain brat, ``NAME.txt``
    next to ``NAME.ann``.

    Raises:
        GoldDataError: the directory holds no documents, a text has no annotation file, or an
            annotation does not fit its text.
    """
    root = Path(path)
    if not root.is_dir():
        raise GoldDataError(f"{os.fspath(path)!r} is not a directory of brat annotations")
    pairs = _polnear_pairs(root) if (root / "text").is_dir() else _plain_pairs(root)
    if not pairs:
        raise GoldDataError(
            f"no documents found in {os.fspath(path)!r}: expected NAME.txt next to NAME.ann, "
            "or text/NAME.txt with attributions/NAME_XXXX.ann"
        )
    return [load_brat_document(text, ann) for text, ann in pairs]


def _polnear_pairs(root: Path) -> list[tuple[Path, Path]]:
    """``text/NAME.txt`` with the first ``attributions/NAME_XXXX.ann``."""
    annotations: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        # The annotator suffix follows the last underscore; names have underscores too.
        annotations.setdefault(ann.stem.rpartition("_")[0], ann)
    return [
        (text, _annotation_for(text, annotations, "attributions/NAME_XXXX.ann"))
        for text in sorted((root / "text").glob("*.txt"))
    ]


def _plain_pairs(root: Path) -> list[tuple[Path, Path]]:
    """``NAME.txt`` with ``NAME.ann``."""
    annotations = {ann.stem: ann for ann in root.glob("*.ann")}
    return [
        (text, _annotation_for(text, annotations, "NAME.ann"))
        for text in sorted(root.glob("*.txt"))
    ]


def _annotation_for(text: Path, annotations: Mapping[str, Path], pattern: str) -> Path:
    try:
        return annotations[text.stem]
    except KeyError:
        raise GoldDataError(
            f"{os.fspath(text)!r} has no annotation file (expected {pattern})"
        ) from None


def load_brat_document(
    text_path: str | os.PathLike[str], ann_path: str | os.PathLike[str]
) -> GoldDocument:
    """Load one text and its brat annotation; the document is named after the text file.

    Only attribution events with a content are kept; their parts are checked against the
    text.

    Raises:
        GoldDataError: a file is not UTF-8, or an annotation does not fit the text.
    """
    text = _read(text_path)
    annotation = _read(ann_path)
    attributions = _parse_annotation(annotation, text, os.fspath(ann_path))
    return GoldDocument(Path(text_path).stem, text, attributions)


def _read(path: str | os.PathLike[str]) -> str:
    """The file as UTF-8, without newline translation: brat offsets count every character."""
    try:
        with open(path, encoding="utf-8", newline="") as file:  # noqa: PTH123 - any PathLike
            return file.read()
    except UnicodeDecodeError as error:
        raise GoldDataError(f"{os.fspath(path)!r} is not valid UTF-8: {error.reason}") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise GoldDataError(f"cannot read {os.fspath(path)!r}: {reason}") from None


@attrs.frozen
class _TextBound:
    """A ``T`` line: its fragments and the text it stores, for checking."""

    spans: tuple[Span, ...]
    stored: str
    line: int


@attrs.frozen
class _Event:
    """An ``E`` line: its type and the ids of its arguments by role."""

    kind: str
    roles: tuple[tuple[str, str], ...]
    line: int


def _parse_annotation(annotation: str, text: str, where: str) -> list[GoldAttribution]:
    text_bounds, events = _parse_lines(annotation, where)
    for identifier, bound in text_bounds.items():
        _check_text_bound(identifier, bound, text, where)
    attributions = []
    for event in events:
        if event.kind in ATTRIBUTION_EVENTS:
            attribution = _attribution(event, text_bounds, text, where)
            if attribution is not None:
                attributions.append(attribution)
    return attributions


def _parse_lines(annotation: str, where: str) -> tuple[dict[str, _TextBound], list[_Event]]:
    """Read ``T`` and ``E`` lines; a stored text that holds a newline continues below it."""
    text_bounds: dict[str, _TextBound] = {}
    events: list[_Event] = []
    continuing: str | None = None  # the T line whose stored text the next lines continue
    # Split on "\n" only: stored text may hold other line separators (U+2028, "\r").
    for number, line in enumerate(annotation.split("\n"), start=1):
        if not _ANNOTATION_START.match(line):
            if continuing is not None:
                bound = text_bounds[continuing]
                text_bounds[continuing] = attrs.evolve(bound, stored=f"{bound.stored}\n{line}")
            continue
        continuing = None
        if match := _TEXT_BOUND.match(line):
            identifier, _label, spans, stored = match.groups()
            text_bounds[identifier] = _TextBound(_parse_spans(spans), stored, number)
            continuing = identifier
        elif match := _EVENT.match(line):
            events.append(_parse_event(match.group(2), line[match.end() :], number, where))
        elif line.startswith("T"):
            raise GoldDataError(f"{where}, line {number}: cannot read the text-bound annotation")
    return text_bounds, events


def _parse_spans(spans: str) -> tuple[Span, ...]:
    pairs = (fragment.split() for fragment in spans.split(";"))
    return tuple((int(start), int(end)) for start, end in pairs)


def _parse_event(trigger: str, arguments: str, line: int, where: str) -> _Event:
    kind, _, _ = trigger.partition(":")
    roles = []
    for argument in arguments.split():
        role, colon, identifier = argument.partition(":")
        if not colon:
            raise GoldDataError(f"{where}, line {line}: cannot read the event role {argument!r}")
        roles.append((role.rstrip("0123456789"), identifier))
    return _Event(kind, tuple(roles), line)


def _check_text_bound(identifier: str, bound: _TextBound, text: str, where: str) -> None:
    """Offsets must lie in the text, and slice out the text the annotation stores."""
    for start, end in bound.spans:
        if not 0 <= start <= end <= len(text):
            raise GoldDataError(
                f"{where}, line {bound.line}: {identifier} range {start}-{end} lies outside "
                f"the text ({len(text)} characters); is this the annotation of that text?"
            )
    sliced = " ".join(text[start:end] for start, end in bound.spans)
    # Whitespace is compared loosely: brat writes a stored newline as a line break.
    if sliced.split() != bound.stored.split():
        raise GoldDataError(
            f"{where}, line {bound.line}: {identifier} range does not slice out its stored "
            f"text {_preview(bound.stored)}, but {_preview(sliced)}; the offsets must count "
            "characters of the text read as UTF-8 with its line ends unchanged"
        )


def _preview(text: str) -> str:
    words = " ".join(text.split())
    return repr(words if len(words) <= 40 else words[:39] + "…")


def _attribution(
    event: _Event, text_bounds: Mapping[str, _TextBound], text: str, where: str
) -> GoldAttribution | None:
    """The event's parts as a record; ``None`` when it has no content."""
    parts: dict[str, list[Span]] = {CONTENT: [], SOURCE: [], CUE: []}
    for role, identifier in event.roles:
        if role not in parts:
            continue
        bound = text_bounds.get(identifier)
        if bound is None:
            raise GoldDataError(
                f"{where}, line {event.line}: the event refers to {identifier}, "
                "which is not annotated"
            )
        parts[role].extend(bound.spans)
    if not parts[CONTENT]:
        return None  # a trigger without content: nothing to score against
    content = _spans(parts[CONTENT])
    cue = _spans(parts[CUE]) or None
    return GoldAttribution(
        content=content,
        source=parts[SOURCE] or None,
        cue=cue,
        direct=is_direct(text, content),
        cue_text=None if cue is None else " ".join(text[start:end] for start, end in cue),
    )


# -- direct quotation ----------------------------------------------------------------------


class _MarkRole(enum.Enum):
    """What a mark does inside a quotation."""

    OPENS = enum.auto()  # opens a nested quote
    CLOSES = enum.auto()  # closes the innermost open quote
    TOGGLES = enum.auto()  # closes the open quote, or opens one when none is open


@attrs.frozen
class _MarkFamily:
    """Quotation marks that pair with each other, as the corpus uses them."""

    #: Marks that open a quotation, longest first.
    openers: tuple[str, ...]
    #: Marks accepted as its final closing mark.
    closers: tuple[str, ...]
    #: Inside the quotation: marks that open a nested quote, marks that close one, and marks
    #: that close the open quote or else open one. A family without any is not checked
    #: inside (a single curly quote closes with the apostrophe's character).
    nested_openers: tuple[str, ...] = ()
    nested_closers: tuple[str, ...] = ()
    toggles: tuple[str, ...] = ()


#: Punctuation that may follow the closing mark inside a direct quote's span.
TRAILING_PUNCTUATION = frozenset(".,;:!?)…—–-")
#: The New York Times' ``''…''`` first, so its marks are not read as two apostrophes.
#: Double quotes close with any double mark: the corpus has ``“…"``, ``"…”`` and ``“…“``.
MARK_FAMILIES = (
    _MarkFamily(openers=("''",), closers=("''",), toggles=("''",)),
    _MarkFamily(
        openers=('"', "“"),
        closers=('"', "”", "“"),
        nested_openers=("“",),
        nested_closers=("”",),
        toggles=('"',),
    ),
    _MarkFamily(openers=("‘",), closers=("’",)),
)


def is_direct(text: str, content: Sequence[Span]) -> bool:
    """Whether the content *content* (fragments into *text*) is a direct quotation.

    It is when one fragment, or one run of consecutive fragments separated by nothing but
    whitespace, opens with a quotation mark and ends with a matching closing mark, with no
    word outside the marks (so ``"A" or "B"`` is not direct). The marks may sit just outside
    the fragment, and punctuation may follow the closing mark. The marks counted are ``"``,
    ``“ ”``, ``‘ ’`` and the New York Times' doubled apostrophes ``''…''``; a double quote
    may close with either double mark. A paragraph of a longer quotation, which news style
    leaves open because the next paragraph reopens it, counts as closed.
    """
    fragments = sorted(content)
    return any(_is_quotation(text, start, end) for start, end in _runs(text, fragments))


def _runs(text: str, fragments: Sequence[Span]) -> Iterable[Span]:
    """Every fragment, and every run of fragments joined by whitespace, as one range."""
    for first, (start, first_end) in enumerate(fragments):
        end = first_end
        yield start, end
        for next_start, next_end in fragments[first + 1 :]:
            if next_start < end or text[end:next_start].strip():
                break
            end = next_end
            yield start, end


def _is_quotation(text: str, start: int, end: int) -> bool:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return False
    opening = _opening_mark(text, start)
    if opening is None:
        return False
    body_start, family = opening
    body_end = _closing_mark(text, body_start, end, family)
    if body_end is None:
        return False
    return not _words_outside(text, body_start, body_end, family)


def _opening_mark(text: str, start: int) -> tuple[int, _MarkFamily] | None:
    """Where the body after the opening mark at, just before or straddling *start* begins."""
    for family in MARK_FAMILIES:
        for opener in family.openers:
            if text.startswith(opener, start):
                return start + len(opener), family
    for family in MARK_FAMILIES:
        for opener in family.openers:
            for mark_start in range(max(0, start - len(opener)), start):
                if text.startswith(opener, mark_start):
                    return mark_start + len(opener), family
    return None


def _closing_mark(text: str, body_start: int, end: int, family: _MarkFamily) -> int | None:
    """Where the closing mark at, before trailing punctuation or just after *end* begins."""
    before_punctuation = end
    while before_punctuation > body_start and text[before_punctuation - 1] in TRAILING_PUNCTUATION:
        before_punctuation -= 1
    for candidate in (end, before_punctuation):
        for closer in family.closers:
            if candidate - len(closer) >= body_start and text.endswith(closer, 0, candidate):
                return candidate - len(closer)
    for closer in family.closers:
        for mark_start in range(max(body_start, end - len(closer) + 1), end + 1):
            if text.startswith(closer, mark_start):
                return mark_start
    if _next_paragraph_reopens(text, end, family):
        return end
    return None


def _next_paragraph_reopens(text: str, end: int, family: _MarkFamily) -> bool:
    """Whether a line break and then an opening mark follow *end*: the quote goes on."""
    following = len(text) - len(text[end:].lstrip())
    if "\n" not in text[end:following]:
        return False
    return any(text.startswith(opener, following) for opener in family.openers)


def _words_outside(text: str, body_start: int, body_end: int, family: _MarkFamily) -> bool:
    """Whether a mark inside the body closes the quotation and words follow it."""
    depth = 1  # how many quotes are open: the quotation itself, and any nested in it
    position = body_start
    while position < body_end:
        mark, role = _inner_mark(text, position, family)
        reopening = depth > 0 and _starts_paragraph(text, position, body_start)
        if role is _MarkRole.TOGGLES and not reopening:
            depth = depth - 1 if depth else 1
        elif role is _MarkRole.OPENS and not reopening:
            depth += 1
        elif role is _MarkRole.CLOSES:
            depth = max(depth - 1, 0)
        elif role is None and not depth and text[position].isalnum():
            return True
        position += len(mark) if mark else 1
    return False


def _inner_mark(text: str, position: int, family: _MarkFamily) -> tuple[str, _MarkRole | None]:
    """The mark of *family* at *position* and what it does inside a quotation."""
    for role, marks in (
        (_MarkRole.TOGGLES, family.toggles),
        (_MarkRole.OPENS, family.nested_openers),
        (_MarkRole.CLOSES, family.nested_closers),
    ):
        for mark in marks:
            if text.startswith(mark, position):
                return mark, role
    return "", None


def _starts_paragraph(text: str, position: int, body_start: int) -> bool:
    """Whether *position* starts a paragraph (news style reopens a long quote there)."""
    line_start = text.rfind("\n", body_start, position)
    return line_start >= 0 and not text[line_start:position].strip()
