"""No word of any language in a rule module: the rules read their words from a profile.

Each rule module is parsed with :mod:`ast`; every string constant that looks like a word
(letters only, apostrophes and full stops allowed, two or more characters, not all
capitals, which are tags and labels) must be on the allow-list below, each entry with its
reason. A word a rule needs goes into the language's profile (``quoteattr/lang/<code>/``).
"""

from __future__ import annotations

import ast
import enum
from pathlib import Path

import pytest

import quoteattr
from quoteattr import _cues, _relations, _types

PACKAGE = Path(quoteattr.__file__).parent

#: The modules of the pipeline that read words. Not here: the marks (another layer, whose
#: quotation conventions are a profile's own), the CLI, rendering and evaluation.
RULE_MODULES = [
    *sorted(
        path
        for pattern in ("_attribution*", "_reported*", "_speakers*", "_rules*")
        for path in PACKAGE.glob(pattern)
        if path.suffix == ".py" or path.is_dir()
    ),
    *(
        PACKAGE / name
        for name in (
            "_checks.py",
            "_cues.py",
            "_entities.py",
            "_extractor.py",
            "_layout.py",
            "_parsing.py",
            "_parse_groups.py",
            "_pieces.py",
            "_plan.py",
            "_relations.py",
            "_results.py",
            "_selective.py",
            "_shared_extractors.py",
            "_tokens.py",
            "component.py",
        )
        if (PACKAGE / name).exists()
    ),
]

#: Strings that look like words but name things no language has.
ALLOWED = {
    # spaCy's names: a token hook, pipeline metadata keys, the NER component, the
    # lemmatizer's method, and the attributes the component says it reads.
    "conjuncts",
    "lang",
    "name",
    "ner",
    "lemmatize",
    "token.dep",
    "token.head",
    # numpy's stable sort.
    "stable",
    # Unicode general categories: format characters, surrogates.
    "Cf",
    "Cs",
    # A Universal Dependencies morphological feature and its value: plural number.
    "Number",
    "Plur",
    # A type variable's name.
    "Context",
    # The spaCy component's config and the Quote record's fields it rebuilds.
    "confidence",
    "cue",
    "end",
    "kind",
    "kinds",
    "language",
    "method",
    "quoteattr",
    "quotes",
    "quote",
    "resolution",
    "speaker",
    "start",
    "text",
    "none",
    # speakers(): the record's fields, and the key of a speaker nobody identified.
    "mentions",
    "unidentified",
    # pipe()'s on_error options.
    "raise",
    "return",
    "skip",
}


def _enum_values() -> set[str]:
    """The values of quoteattr's enums (kinds, methods, label schemes): names, not words."""
    values: set[str] = set()
    for module in (_types, _relations, _cues):
        for item in vars(module).values():
            if isinstance(item, type) and issubclass(item, enum.Enum):
                values |= {str(member.value) for member in item}
    return values | {"full", "relevant"}  # ParseMode's


def _dependency_labels() -> set[str]:
    """The dependency labels the relation tables name: a scheme's symbols, not words."""
    labels = {label for table in (_relations.UD, _relations.CLEAR) for label in table._labels}
    return labels | _relations._UD_ONLY | _relations._CLEAR_ONLY


def _python_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _exported(tree: ast.AST) -> set[int]:
    """The string constants of ``__all__``: the module's own names."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            found |= {id(item) for item in ast.walk(node.value)}
    return found


def _looks_like_word(value: str) -> bool:
    letters = value.replace("'", "").replace("’", "").replace(".", "")
    return len(value) >= 2 and letters.isalpha() and not value.isupper()


def words_in(source: str) -> list[tuple[int, str]]:
    """The word-like string constants of a module's *source*, with their lines."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _exported(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and _looks_like_word(node.value)
    ]


RULE_FILES = [path for module in RULE_MODULES for path in _python_files(module)]


def test_the_rule_modules_are_found() -> None:
    """The globs find the rule modules: a rename must not empty the check."""
    names = {str(path.relative_to(PACKAGE)) for path in RULE_FILES}
    assert {"_relations.py", "_selective.py", "_cues.py", "_extractor.py"} <= names
    assert sum(name.startswith(("_attribution", "_reported", "_speakers")) for name in names) >= 3


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_word_of_any_language_in_a_rule_module(path: Path) -> None:
    """Every word a rule compares against comes from the language profile."""
    allowed = ALLOWED | _enum_values() | _dependency_labels()
    found = [
        (line, word)
        for line, word in words_in(path.read_text(encoding="utf-8"))
        if word not in allowed
    ]
    assert not found, f"words in {path.name} (move them to quoteattr/lang/): {found}"


def test_a_word_is_caught() -> None:
    """The check sees a word in a set, a comparison and a call, but not in __all__."""
    source = '"""Doc."""\nx = {"said"}\nif y == "according": pass\nz("to")\n__all__ = ["Name"]\n'
    assert sorted(word for _line, word in words_in(source)) == ["according", "said", "to"]
