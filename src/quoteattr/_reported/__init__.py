"""Reported speech: what someone said, without quotation marks around all of it.

News reports most speech indirectly: ``Netanyahu stated that Israel would proceed alone``,
``the talks had failed, officials said``, ``according to the ministry, 40 people died``. Each
rule below finds a reporting cue outside every quote and the clause it reports:

1. a cue verb and its clausal complement, before or after it (``COMPLEMENT``): the
   ``that``-clause, a bare clause, the ``to``-infinitive or ``-ing`` clause of a verb that
   reports words (``promised to refrain``, ``denies restricting``), or the question of a
   question cue, which a parse may make an adverbial clause (``asked if it was over``); a
   ``that``-clause the parse hung from a noun after the cue is the cue's (``said in a
   statement that …``);
2. a reporting clause set into or after the clause it reports, which the parse hangs from that
   clause (``PARENTHETICAL``: ``Israel, he said, would proceed alone``);
3. ``according to X`` and the clause it modifies (``ACCORDING_TO``);
4. a noun cue and its ``that``-clause, spoken by its owner (``NOUN_COMPLEMENT``: ``his claim
   that …``, ``issued a warning that …``);
5. when the parse missed the cue (a small tagger calls "deny" a noun), the word order alone:
   a noun phrase, a reporting word and a clause (``WORD_ORDER``);
6. a phrase the cue takes, each lemma's shape in the profile (``COMPLEMENT`` too): a naming
   cue's object with what it is called (``called the rules a disaster``, ``described the plan
   as a waste``), the phrase a cue's preposition opens (``called for a ban``, ``talked about
   the risk``), or a direct object that is what was said (``announced her resignation``). A
   pronoun, a person or a time is no such object, a reflexive one names (``a group that
   calls itself …``), a particle is no name (``called him out``), and a gerund that a
   preposition opens is the reporter's account of an act (``criticized for announcing the
   steps``).

The speaker comes from the same tree rules as for quotes (:class:`Attributor`), and the
speaker resolution then applies unchanged.

Precision guards, each a documented policy:

* reported thought is not speech: cognition verbs ("think", "believe", "hope") report
  nothing; nor do evidence verbs outside the lexicon ("the data show");
* a cue that is negated ("did not say"), future or conditional ("will announce", "would
  argue"), the object of an intention ("plans to say", "is expected to announce") or an
  infinitive of purpose ("met reporters to announce") reports nothing yet;
* a reporter's own question ("Did he say that …?") reports nothing;
* a passive cue without an agent ("it was reported that", "he was told that", "asked
  whether he would run, Smith smiled") has no speaker and is left out; so is any report
  whose speaker the rules cannot find;
* nested reports give only the outermost: in "Smith said Jones told her that …" the content
  is Smith's;
* a cue inside a relative clause reports only its own clause ("Smith, who said the talks had
  failed", "a rule he said would fail"); "the plan he announced" has no clause to report; a
  relative clause that defines its noun, with no comma before its pronoun ("voters who said
  the economy mattered most", "a report that said …"), says who is meant, and reports
  nothing.

The boundary with quotes: reported speech that contains a quoted fragment is ``MIXED`` and
takes the fragment into its text; when the fragment is all the cue reports (``called the plan
"a farce"``, ``talked about "spoiling the party"``) the quote stands alone, and no reported
speech is added. A complementizer before it makes a quoted clause a reported one (``said
that "we will win"`` is ``MIXED``), unless the quote holds more than one sentence, a whole
utterance quoted as such; a whole quoted utterance (``DIRECT``) never lies inside reported
speech.

The rules, each a module of this package: ``_verb_report`` (1), ``_parenthetical`` (2),
``_according_to`` (3), ``_noun_cues`` (4), ``_word_order`` (5), ``_objects`` (6); what they
share:
``_words`` (reporting words), ``_clauses`` (clause shapes), ``_guards`` (the precision
guards), ``_extent`` and ``_candidates`` (content and speaker), ``_fitting`` (the boundary
with quotes); ``_finder`` applies them all, ``_openers`` says whether a text may report.
"""

from __future__ import annotations

from quoteattr._reported._finder import ReportedSpeechFinder
from quoteattr._reported._openers import may_report, report_openers
from quoteattr._reported._records import ReportedSpeech

__all__ = ["ReportedSpeech", "ReportedSpeechFinder", "may_report", "report_openers"]
