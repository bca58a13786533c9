"""What every part of speaker resolution reads: one document's tables, relations and words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from quoteattr._layout import DocLayout
    from quoteattr._relations import DocRelations
    from quoteattr.lang import LanguageProfile

__all__ = ["SpeakerPart"]


class SpeakerPart:
    """A part of speaker resolution over one document, with its tables and words at hand."""

    def __init__(
        self, layout: DocLayout, relations: DocRelations, profile: LanguageProfile
    ) -> None:
        """Take *layout*'s document, its *relations* and the language's words."""
        self.layout = layout
        self.doc: Doc = layout.doc
        self.token_at = layout.token_at
        self.tokens = layout.tokens
        self.heads = layout.tokens.head
        self.relations = relations
        self.profile = profile
        self._titles_set = profile.titles
        self._places = profile.places
        # Words that join coordinated speakers: "Moscow and Beijing", "A & B".
        self._and = profile.conjunctions_and | {"&"}
