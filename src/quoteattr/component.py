"""quoteattr as a spaCy pipeline component: the quotes of every Doc a pipeline makes.

The factory ``"quoteattr"`` is registered with spaCy through the ``spacy_factories`` entry
point, so once quoteattr is installed ``nlp.add_pipe("quoteattr")`` works without importing
it. The component runs after the parser and sets ``doc._.quotes``, the same
:class:`~quoteattr.Quote` records :meth:`QuoteExtractor.from_doc
<quoteattr.QuoteExtractor.from_doc>` returns, and ``span._.quote``, the quote a span lies
in::

    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quoteattr", config={"kinds": ["direct", "partial"]})
    doc = nlp(text)
    for quote in doc._.quotes:
        print(quote.speaker, quote.text)

The Doc stores its quotes as plain JSON-like data and ``doc._.quotes`` builds the records
from it when read: a Doc holding objects msgpack cannot encode could not be serialised
(``Doc.to_bytes``, ``DocBin(store_user_data=True)``), and spaCy sends every Doc through
``to_bytes`` when ``nlp.pipe`` runs with ``n_process > 1``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc, Span

from quoteattr._extractor import QuoteExtractor, check_kinds
from quoteattr._types import (
    AttributionMethod,
    Cue,
    Quote,
    QuoteKind,
    Resolution,
    Speaker,
    SpeakerKind,
)
from quoteattr.errors import MissingComponentError
from quoteattr.lang import resolve_language

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_DOC_ATTR",
    "DEFAULT_SPAN_ATTR",
    "FACTORY_NAME",
    "QuoteComponent",
    "make_quote_component",
    "register_extensions",
]

#: The name the component is registered under, as in ``nlp.add_pipe("quoteattr")``.
FACTORY_NAME = "quoteattr"
#: The ``Doc`` extension that holds a document's quotes, ``doc._.quotes``.
DEFAULT_DOC_ATTR = "quotes"
#: The ``Span`` extension that gives the quote a span lies in, ``span._.quote``.
DEFAULT_SPAN_ATTR = "quote"

# nlp.add_pipe appends a component last, after the parser, unless told otherwise.
_ADD_LAST = "nlp.add_pipe('quoteattr') appends it last"


class QuoteComponent:
    """The pipeline component: finds a parsed Doc's quotes and stores them on the Doc.

    Made by the ``"quoteattr"`` factory (``nlp.add_pipe("quoteattr", config=...)``), whose
    config keys are this class's keyword arguments.

    Args:
        nlp: the pipeline the component belongs to. It must have a dependency parser.
        name: the component's name in the pipeline.
        kinds: the kinds of quote to find (:class:`~quoteattr.QuoteKind` names); ``None``,
            the default, finds every kind. There is no ``parse`` option: the component
            reads the parse the pipeline has already made, so the whole Doc is parsed.
        doc_attr: the ``Doc`` extension for the quotes, ``quotes`` by default.
        language: the language whose words the rules read (a code such as ``"en"``);
            ``None``, the default, takes the pipeline's (``nlp.lang``).
        span_attr: the ``Span`` extension for the quote a span lies in, ``quote`` by
            default; ``None`` registers none.

    Raises:
        MissingComponentError: the pipeline has no dependency parser.
        ValueError: *kinds* names no kind, or an extension name is taken by another
            library's extension.
        UnsupportedLanguageError: quoteattr has no profile for the language.
    """

    def __init__(  # noqa: PLR0913 - one keyword per setting of the component's config
        self,
        nlp: Language,
        name: str = FACTORY_NAME,
        *,
        kinds: Iterable[QuoteKind | str] | None = None,
        doc_attr: str = DEFAULT_DOC_ATTR,
        span_attr: str | None = DEFAULT_SPAN_ATTR,
        language: str | None = None,
    ) -> None:
        """Check the pipeline and the settings, and register the extensions."""
        _require_parser_component(nlp, name)
        # Checked now, so a pipeline of a language without a profile fails when it is built.
        resolve_language(language, nlp.lang or "")
        self.language = language
        self.nlp = nlp
        self.name = name
        self.kinds: frozenset[QuoteKind] = check_kinds(kinds)
        self.doc_attr = doc_attr
        self.span_attr = span_attr
        register_extensions(doc_attr, span_attr)
        self._extractor: QuoteExtractor | None = None

    def __repr__(self) -> str:
        """Name the component and the kinds it finds."""
        kinds = sorted(kind.value for kind in self.kinds)
        return f"QuoteComponent(name={self.name!r}, kinds={kinds})"

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of the parsed *doc* and store them for ``doc._.<doc_attr>``.

        Raises:
            MissingComponentError: *doc* has no dependency parse: the parser did not run
                before this component.
        """
        if not doc.has_annotation("DEP"):
            msg = (
                f"The Doc reached the {self.name!r} component without a dependency parse: "
                f"the parser must run before it (the pipeline runs {self.nlp.pipe_names}). "
                f"Enable the parser, or add the component after it: {_ADD_LAST}."
            )
            raise MissingComponentError(msg)
        quotes = self._extractor_for_pipeline().from_doc(doc)
        doc.user_data[_storage_key(self.doc_attr)] = [quote.to_dict() for quote in quotes]
        return doc

    def _extractor_for_pipeline(self) -> QuoteExtractor:
        # Made at the first Doc, not in the factory: spacy.load builds every component
        # before it loads their data, and the extractor reads the label scheme off the
        # parser's labels. Two threads may both make one; either is the same.
        if self._extractor is None:
            self._extractor = QuoteExtractor(self.nlp, kinds=self.kinds, language=self.language)
        return self._extractor


@Language.factory(
    FACTORY_NAME,
    default_config={
        "kinds": None,
        "doc_attr": DEFAULT_DOC_ATTR,
        "span_attr": DEFAULT_SPAN_ATTR,
        "language": None,
    },
    assigns=[f"doc._.{DEFAULT_DOC_ATTR}"],
    requires=["token.dep", "token.head"],
)
def make_quote_component(  # noqa: PLR0913, PLR0917 - spaCy passes the config so
    nlp: Language,
    name: str,
    kinds: list[str] | None,
    doc_attr: str,
    span_attr: str | None,
    language: str | None,
) -> QuoteComponent:
    """The ``"quoteattr"`` factory: a :class:`QuoteComponent` with the config's settings."""
    return QuoteComponent(
        nlp, name, kinds=kinds, doc_attr=doc_attr, span_attr=span_attr, language=language
    )


def _require_parser_component(nlp: Language, name: str) -> None:
    """Refuse, when the component is added, a pipeline that has no parser at all.

    Disabled components count: a parser disabled now may be enabled before the first Doc,
    and a Doc that comes unparsed is refused then.
    """
    if any(_is_parser(component) for _, component in nlp.components):
        return
    components = ", ".join(nlp.component_names) or "none"
    msg = (
        f"The {name!r} component needs a dependency parser before it, and the pipeline "
        f"has none (its components: {components}). Load a pipeline with a parser and add "
        f"it there: nlp = spacy.load('en_core_web_sm'); {_ADD_LAST}."
    )
    raise MissingComponentError(msg)


def _is_parser(component: object) -> bool:
    from spacy.pipeline import DependencyParser  # noqa: PLC0415 - as _pipeline.has_parser does

    return isinstance(component, DependencyParser)


# -- the extensions ----------------------------------------------------------------------


def _storage_key(doc_attr: str) -> str:
    """Where a Doc keeps the quotes behind ``doc._.<doc_attr>``, in ``doc.user_data``.

    A string, which spaCy's own extensions (keyed by tuples) cannot collide with.
    """
    return f"{FACTORY_NAME}.{doc_attr}"


@attrs.frozen
class _QuotesOfDoc:
    """The getter of ``doc._.<doc_attr>``: the Doc's quotes, or ``None`` if never found.

    A frozen attrs class rather than a closure, so that two getters for the same name are
    equal and registering the extension again can tell its own getter from another's.
    """

    doc_attr: str

    def __call__(self, doc: Doc) -> list[Quote] | None:
        """The quotes stored on *doc*, rebuilt as records; ``None`` when none are stored."""
        stored = doc.user_data.get(_storage_key(self.doc_attr))
        return None if stored is None else [_quote_from_dict(data) for data in stored]


@attrs.frozen
class _QuoteOfSpan:
    """The getter of ``span._.<span_attr>``: the shortest quote the span lies within."""

    doc_attr: str

    def __call__(self, span: Span) -> Quote | None:
        """The shortest stored quote whose range holds *span*'s characters, or ``None``."""
        stored = span.doc.user_data.get(_storage_key(self.doc_attr)) or []
        around = [
            data
            for data in stored
            if data["start"] <= span.start_char and span.end_char <= data["end"]
        ]
        if not around:
            return None
        return _quote_from_dict(min(around, key=lambda data: data["end"] - data["start"]))


def register_extensions(
    doc_attr: str = DEFAULT_DOC_ATTR, span_attr: str | None = DEFAULT_SPAN_ATTR
) -> None:
    """Register ``Doc._.<doc_attr>`` and ``Span._.<span_attr>``, once.

    The component does this when it is made. Call it yourself to read the quotes of Docs
    stored with ``DocBin(store_user_data=True)`` in a process whose pipeline has no
    quoteattr component.

    Registering them again (another component, a pipeline loaded again) is a no-op; an
    extension of that name with another getter belongs to someone else (another library,
    or a quoteattr component with another ``doc_attr``) and is left alone.

    Raises:
        ValueError: a name is taken by another extension.
    """
    doc_getter, span_getter = _QuotesOfDoc(doc_attr), _QuoteOfSpan(doc_attr)
    # Both names are checked before either is set, so a clash registers nothing.
    add_doc = _unregistered(Doc, doc_attr, doc_getter)
    add_span = span_attr is not None and _unregistered(Span, span_attr, span_getter)
    if add_doc:
        Doc.set_extension(doc_attr, getter=doc_getter)
    if span_attr is not None and add_span:
        Span.set_extension(span_attr, getter=span_getter)


def _unregistered(owner: type[Doc | Span], name: str, getter: object) -> bool:
    """Whether *owner* lacks the extension *name*; a ValueError if another has taken it."""
    if not owner.has_extension(name):
        return True
    _default, _method, existing, _setter = owner.get_extension(name)
    if existing == getter:
        return False
    if isinstance(existing, (_QuotesOfDoc, _QuoteOfSpan)):
        whose = f"another quoteattr component's, for doc._.{existing.doc_attr}"
    else:
        whose = "another library's"
    msg = (
        f"{owner.__name__}._.{name} is already registered as {whose}; choose another name "
        "in this component's config (doc_attr, span_attr; span_attr=None registers none)"
    )
    raise ValueError(msg)


# -- reading the stored quotes back ------------------------------------------------------


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    """Rebuild the :class:`~quoteattr.Quote` whose ``to_dict()`` gave *data*.

    The inverse of :meth:`Quote.to_dict <quoteattr.Quote.to_dict>`, for the quotes a Doc
    stores.

    Raises:
        KeyError: a field is missing.
        ValueError: a field's value is invalid, e.g. an unknown kind.
    """
    speaker, cue, method = data["speaker"], data["cue"], data["method"]
    return Quote(
        text=data["text"],
        start=data["start"],
        end=data["end"],
        kind=QuoteKind(data["kind"]),
        speaker=None if speaker is None else _speaker_from_dict(speaker),
        cue=None if cue is None else Cue(**cue),
        method=None if method is None else AttributionMethod(method),
        confidence=data["confidence"],
    )


def _speaker_from_dict(data: dict[str, Any]) -> Speaker:
    resolution = data["resolution"]
    return Speaker(
        **{
            **data,
            "kind": SpeakerKind(data["kind"]),
            "resolution": None if resolution is None else Resolution(resolution),
        }
    )
