"""``speakers(quotes)``: who spoke in a document, each with their quotes.

Quotes carry their speaker's ``entity_id``, the same for every quote by the same person or
body in one document. Grouping by it answers the question readers of the output ask most:
who gets a voice, and how often.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from quoteattr._types import Quote, SpeakerKind, asdict

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SpeakerEntity", "speakers"]


@attrs.frozen
class SpeakerEntity:
    """One speaker of a document and everything attributed to it, in text order."""

    #: The speakers' shared ``entity_id``; ``None`` for a speaker nobody could identify.
    entity_id: int | None
    #: The canonical name ("Antony Blinken"; the phrase for anonymous and group sources).
    name: str | None
    kind: SpeakerKind
    #: The first title the quotes' speakers carry ("U.S. Secretary of State").
    title: str | None
    #: The mentions as written, each once, in order ("Blinken", "he", "the secretary").
    mentions: tuple[str, ...]
    quotes: tuple[Quote, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return this entity, with its quotes, as a JSON-safe dict."""
        record = attrs.asdict(self, recurse=False)
        record["kind"] = self.kind.value
        record["mentions"] = list(self.mentions)
        record["quotes"] = [asdict(quote) for quote in self.quotes]
        return record


def speakers(quotes: Iterable[Quote]) -> list[SpeakerEntity]:
    """Group the quotes of one document by who said them, in order of first appearance.

    Quotes without a speaker are left out. A speaker that could not be identified (no
    ``entity_id``, such as an unresolved "he") is an entity of its own for each quote,
    since nothing says two of them are the same.
    """
    groups: dict[object, list[Quote]] = {}
    for index, item in enumerate(quotes):
        quote = _checked(item)
        if quote.speaker is None:
            continue
        key: object = quote.speaker.entity_id
        if key is None:
            key = ("unidentified", index)
        groups.setdefault(key, []).append(quote)
    return [_entity(group) for group in groups.values()]


def _checked(item: object) -> Quote:
    if not isinstance(item, Quote):
        msg = f"speakers() takes the Quote objects of one document, not {type(item).__name__}"
        raise TypeError(msg)
    return item


def _entity(quotes: list[Quote]) -> SpeakerEntity:
    said = [quote.speaker for quote in quotes if quote.speaker is not None]
    kinds = [speaker.kind for speaker in said if speaker.kind is not SpeakerKind.UNKNOWN]
    return SpeakerEntity(
        entity_id=said[0].entity_id,
        name=next((s.name for s in said if s.name is not None), None),
        kind=kinds[0] if kinds else SpeakerKind.UNKNOWN,
        title=next((s.title for s in said if s.title is not None), None),
        mentions=tuple(dict.fromkeys(speaker.text for speaker in said)),
        quotes=tuple(quotes),
    )
