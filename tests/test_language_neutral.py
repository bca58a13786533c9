"""No word of any language in a rule module: the rules read their words from a profile.

Each rule module is parsed with :mod:`ast`; every string constant that looks like a word
(letters only, apostrophes and full stops allowed, two or more characters, not all
capitals) must be on the allow-list below, each entry with its reason. A word a rule needs
goes into the language's profile (``quoteattr/lang/<code>/``) instead.
"""

from __future__ import annotations

import ast
import enum
from pathlib import Path

import pytest

import quoteattr
from quoteattr import _relations, _types

PACKAGE = Path(quoteattr.__file__).parent

#: The modules of the pipeline that read words: marks are another layer's (and quotation
#: conventions are a profile's own), the CLI, rendering and evaluation are no rules.
RULE_MODULES = sorted(
    path
    for pattern in ("_attribution*", "_reported*", "_speakers*", "_rules*")
    for path in PACKAGE.glob(f"{pattern}")
    if path.suffix == ".py" or path.is_dir()
) + [
    PACKAGE / name
    for name in (
        "_cues.py",
        "_entities.py",
        "_extractor.py",
        "_layout.py",
        "_pieces.py",
        "_relations.py",
        "_selective.py",
        "_tokens.py",
        "component.py",
    )
    if (PACKAGE / name).exists()
]

# Strings that look like words but are names of things no language has.
ALLOWED = {
    # spaCy's names: the lemmatizer component, the pipeline metadata keys, NER's component
    # name, and attributes read off Docs and tokens.
    "conjuncts",
    "lang",
    "lemmatize",
    "name",
    "ner",
    # numpy's stable sort.
    "stable",
    # Unicode general categories (format characters, surrogates).
    "Cf",
    "Cs",
    # Universal Dependencies morphological features: plural number.
    "Number",
    "Plur",
    # The spaCy component's config keys and the Quote record's fields it rebuilds.
    "confidence",
    "cue",
    "end",
    "kind",
    "kinds",
    "method",
    "quote",
    "quoteattr",
    "quotes",
    "resolution",
    "speaker",
    "start",
    "text",
    "none",
    "mentions",
    "unidentified",
    # The on_error options of pipe().
    "raise",
    "return",
    "skip",
}


def _enum_values() -> set[str]:
    """The values of quoteattr's enums (quote kinds, methods, label schemes …): names, not words."""
    values: set[str] = set()
    for module in (_types, _relations):
        for item in vars(module).values():
            if isinstance(item, type) and issubclass(item, enum.Enum):
                values |= {str(member.value) for member in item}
    return values | {"full", "relevant"}  # ParseMode's


def _dependency_labels() -> set[str]:
    """The dependency labels the relation tables name: a scheme's symbols, not words."""
    return {
        label
        for relations in (_relations.UD, _relations.CLEAR)
        for label in relations._labels
    } | set(_relations._UD_ONLY) | set(_relations._CLEAR_ONLY)


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


def words_in(path: Path) -> list[tuple[int, str]]:
    """The word-like string constants of the module at *path*, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _docstrings(tree) | _exported(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and _looks_like_word(node.value)
    ]


def test_the_rule_modules_are_found() -> None:
    """The glob finds the rule modules (a rename must not empty the check)."""
    names = {path.name for module in RULE_MODULES for path in _python_files(module)}
    assert {"_relations.py", "_selective.py", "_cues.py"} <= names
    assert any(name.startswith("_attribution") or "cue_after" in name for name in names)


@pytest.mark.parametrize(
    "path",
    [path for module in RULE_MODULES for path in _python_files(module)],
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_no_word_of_any_language_in_a_rule_module(path: Path) -> None:
    """Every word a rule compares against comes from the language profile."""
    allowed = ALLOWED | _enum_values() | _dependency_labels()
    found = [(line, word) for line, word in words_in(path) if word not in allowed]
    assert not found, f"words in {path.name} (move them to quoteattr/lang/): {found}"


def test_a_word_is_caught() -> None:
    """The check sees a word in a set, a comparison and a call."""
    source = 'x = {"said"}\nif y == "according": pass\nz("to")\n__all__ = ["Name"]\n'
    path = PACKAGE.parent / "not-a-module.py"
    tree = ast.parse(source)
    del path
    words = sorted(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in _exported(tree)
        and _looks_like_word(node.value)
    )
    assert words == ["according", "said", "to"]
