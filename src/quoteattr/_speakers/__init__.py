"""Speaker resolution: from the mention under a quote to who said it, across the document.

Deliberately light: no coreference model. Names are runs of proper nouns (or capitalised words
inside a sentence, since small taggers miss proper nouns), minus the titles before them
("U.S. Secretary of State Antony Blinken" → "Antony Blinken"). A surname resolves to the most
recent full name seen earlier that ends with it ("Blinken" → "Antony Blinken"), and "Mr." or
"Ms." picks between two people who share it. "he"/"she" resolve to the most recent person
named earlier, preferring one who was speaking or the subject of a sentence, and skipping
anyone the text shows to be of the other gender (a courtesy title, or the pronouns of a
sentence that names only them). "they" and "it" resolve to groups, organisations and places.

Each speaker gets an identity: a canonical name, a kind (person, organisation, place, group,
anonymous source), the title the text gives it, how it was resolved, and an entity number
shared by every quote of the same entity. Entity labels come from the pipeline's NER when it
has one, voted over every mention of the same name, because a small model labels the same
name differently in different sentences; a shipped list of countries and capitals stands in
for it when a place speaks for its government ("Washington contends").

The parts, each a module of this package: ``_names`` (name runs and their titles' words),
``_titles``, ``_people`` (full names, genders, antecedents), ``_kinds`` (kinds and entity
labels) and ``_resolver``, which puts them together per speaker.
"""

from __future__ import annotations

from quoteattr._speakers._resolver import SpeakerResolver

__all__ = ["SpeakerResolver"]
