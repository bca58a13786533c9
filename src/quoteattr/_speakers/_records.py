"""What speaker resolution makes: name runs, identities, entity keys."""

from __future__ import annotations

from typing import NamedTuple

import attrs

from quoteattr._speakers._tags import (
    PLACE_LABELS,
)
from quoteattr._types import Resolution, SpeakerKind

__all__ = ["Identity", "NameRun", "entity_key", "joined", "kind_of_label"]


@attrs.frozen
class Identity:
    """Who a mention is, before it is numbered as an entity of the document."""

    #: What makes two mentions the same entity (``None``: nobody we can tell).
    key: str | None
    name: str | None
    label: str | None
    kind: SpeakerKind
    resolution: Resolution | None
    title: str | None = None
    parts: tuple[str, ...] = ()


class NameRun(NamedTuple):
    """A run of name tokens, with the name proper after its titles.

    A named tuple, not an attrs class: a document has dozens, made in one pass.
    """

    first: int
    stop: int
    name_first: int
    name: str
    last_word: str
    person_evidence: bool
    #: A person's title stands before the name ("Sen.", "Secretary of State").
    person_title: bool
    subject: bool
    #: The gender a courtesy title before the name gives ("Ms. Lee": "f"), if any.
    title_gender: str | None


def entity_key(name: str) -> str:
    """The entity key of a name: lowercase, single spaces."""
    return " ".join(name.lower().split())


def joined(names: tuple[str, ...], conjunction: str) -> str:
    """Join names as "A and B" or "A, B and C", with the language's *conjunction*."""
    joint = f" {conjunction} "
    if len(names) <= 2:
        return joint.join(names)
    return ", ".join(names[:-1]) + joint + names[-1]


def kind_of_label(label: str) -> SpeakerKind:
    """The speaker kind an entity label says."""
    if label == "PERSON":
        return SpeakerKind.PERSON
    if label == "ORG":
        return SpeakerKind.ORG
    if label in PLACE_LABELS:
        return SpeakerKind.PLACE
    return SpeakerKind.GROUP if label == "NORP" else SpeakerKind.UNKNOWN
