"""Gold attributions from brat standoff files, in the PolNeAR corpus's scheme.

A brat ``.ann`` file sits next to its text. ``T`` lines are text-bound spans
(``T3<TAB>Content 120 211;230 245<TAB>stored text``); ``E`` lines tie them into events
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Offsets are Python ``str`` indices
into the text read as UTF-8 without newline translation, so they are checked against the text
and a file annotated against another encoding or line-end convention fails loudly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from quoteattr.evaluation._direct import is_direct
from quoteattr.evaluation._gold import GoldAttribution, GoldDataError, GoldDocument, sorted_spans

if TYPE_CHECKING:
    from collections.abc import Mapping

    from quoteattr.evaluation._gold import Span

__all__ = ["load_brat_corpus", "load_brat_document"]

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
    content = sorted_spans(parts[CONTENT])
    cue = sorted_spans(parts[CUE]) or None
    return GoldAttribution(
        content=content,
        source=parts[SOURCE] or None,
        cue=cue,
        direct=is_direct(text, content),
        cue_text=None if cue is None else " ".join(text[start:end] for start, end in cue),
    )
