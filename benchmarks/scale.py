"""Speed, selective parsing, worker processes and memory of quoteattr, against targets.

    python benchmarks/scale.py [--model NAME ...] [--quick] [--json OUT]

Reads the PolNeAR dev articles from ../shared (or ``--corpus DIR``, any folder of .txt
files), cycled into a stream as long as the run needs, and measures in one run:

* speed, each mode on the same documents: the bare parse (``nlp.pipe``),
  ``QuoteExtractor(nlp).pipe`` (full mode), ``QuoteExtractor(nlp, parse="relevant").pipe``
  (selective mode), and textacy's ``direct_quotations`` after the same parse (when textacy is
  installed: the ``bench`` extra) take turns on every chunk of a few documents, in an order
  that turns by one mode a chunk and then in reverse, so that the machine's drift hits every
  mode alike; a ratio to the bare parse is the median over chunks, and the bare parse timed
  a second time is the control that shows what a ratio reads when nothing differs. Full
  mode with ``n_process=2``, which starts its worker processes on every call, is timed
  against ``n_process=1`` in long alternating rounds instead;
* direct-quote end-to-end F1 on the PolNeAR dev gold of full and of selective mode;
* memory: resident memory (current and peak) after loading the pipeline, then while
  streaming ``--memory-docs`` documents through full mode, in a fresh process so that
  nothing else inflates it.

All of it runs for each pipeline in turn (``--model``, repeatable; by default
``en_core_web_sm`` and ``en_ud_sm``, one of each label scheme), and a summary puts the
pipelines side by side. Each figure with a target is printed with PASS or FAIL; ``--json
OUT`` saves them all. The exit status is 0 whatever the verdicts: this is a report, run by
hand, never a test.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import multiprocessing
import os
import platform
import shlex
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

# One thread per process for the numeric libraries, set before numpy loads. textacy's import
# (scipy, scikit-learn) otherwise brings thread pools that slow every mode of this single
# process and oversubscribe the cores once worker processes run: measured here, n_process=2
# over 1 fell from 1.8 to 1.3 with textacy imported.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import attrs  # noqa: E402 - after the thread settings above
import spacy  # noqa: E402
from _pipelines import MODELS, installed_models  # noqa: E402 - the script's own folder

from quoteattr import QuoteExtractor  # noqa: E402
from quoteattr._extractor import DEFAULT_BATCH_SIZE  # noqa: E402
from quoteattr.evaluation import DIRECT, evaluate, load_brat_corpus  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from spacy.language import Language
    from spacy.tokens import Doc

    from quoteattr.evaluation import GoldDocument

#: The pipelines measured by default: one of each label scheme quoteattr reads.
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"

# The targets of issue 6.
FULL_SPEED = 0.95  # full mode / bare parse, documents per second
RELEVANT_SPEED = 1.5  # selective mode / bare parse
F1_POINTS = 1.0  # |F1 full - F1 selective|, direct quotes end to end, in points
WORKER_SPEEDUP = 1.6  # n_process=2 / n_process=1, full mode, on two cores
MEMORY_GROWTH_MB = 300.0  # peak RSS while streaming - RSS after loading
FLAT_MB = 50.0  # RSS at the last checkpoint - RSS at the first

# (normal, --quick) defaults; an option given on the command line wins over both.
MIN_SECONDS = (120.0, 6.0)  # of bare parsing in the chunks, and of full mode in the rounds
MEMORY_DOCS = (10_000, 100)
ARTICLES = (None, 12)  # None: every gold article

WARM_UP_DOCS = 8
# Documents per timed chunk: two batches of the default size. A chunk takes a few seconds,
# short enough that the machine's speed barely drifts while every mode runs on it.
CHUNK_DOCS = 2 * DEFAULT_BATCH_SIZE
CALIBRATION_DOCS = 32
MEMORY_START_SECONDS = 10.0  # a fresh interpreter importing spaCy and loading the pipeline


# -- the stream and the clock ----------------------------------------------------------------


def stream(texts: Sequence[str], count: int) -> Iterator[str]:
    """*count* texts, cycling through *texts*: a generator, never a list of *count* strings."""
    return itertools.islice(itertools.cycle(texts), count)


def count_items(items: Iterable[object]) -> int:
    """Consume *items*, each dropped as the next arrives, and return how many there were."""
    return sum(1 for _ in items)


def memory_mb() -> dict[str, float]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in MB; Linux only.

    The peak is VmHWM, not ``ru_maxrss``: the memory run is a spawned process, and Linux
    carries ``ru_maxrss`` over fork and exec, so it would start at this parent's size.
    """
    fields = {"VmRSS:": "rss_mb", "VmHWM:": "peak_mb"}
    found = {}
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        name, *values = line.split()
        if name in fields:
            found[fields[name]] = int(values[0]) / 1024  # reported in kB
    return found


# -- the modes ---------------------------------------------------------------------------------


@attrs.define
class Mode:
    """One way of processing a stream of texts, timed once in every chunk (or round)."""

    key: str
    label: str
    #: Processes every text of the stream and returns how many it processed.
    run: Callable[[Iterator[str]], int]
    #: Time relative to the bare parse if the targets are met: for the plan only.
    expected_cost: float
    seconds: list[float] = attrs.Factory(list)

    def timed_run(self, texts: Iterator[str]) -> tuple[float, int]:
        start = time.perf_counter()
        done = self.run(texts)
        return time.perf_counter() - start, done


class TextacyRun:
    """The shared parse, then textacy's ``direct_quotations`` on each Doc.

    textacy raises on a Doc with an odd number of quotation-mark tokens (see
    textacy_comparison.py); such Docs are counted, and which texts they were.
    """

    def __init__(
        self, nlp: Language, batch_size: int, extract: Callable[[Doc], Iterable[object]]
    ) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.extract = extract
        self.docs = 0
        self.failed = 0
        self.failed_texts: set[str] = set()

    def __call__(self, texts: Iterator[str]) -> int:
        done = 0
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            done += 1
            if not self.extracts(doc):
                self.failed += 1
                self.failed_texts.add(doc.text)
        self.docs += done
        return done

    def extracts(self, doc: Doc) -> bool:
        try:
            count_items(self.extract(doc))  # a generator: it raises while being consumed
        except Exception:  # noqa: BLE001 - a failure on one document is data, counted
            return False
        return True


def load_textacy() -> Callable[[Doc], Iterable[object]] | None:
    """textacy's ``direct_quotations``, or ``None`` when the bench extra is not installed."""
    try:
        # Imported here: textacy is optional, and the memory run's fresh process, which
        # imports this module again, must not carry it.
        from textacy.extract.triples import direct_quotations  # noqa: PLC0415
    except ModuleNotFoundError:
        return None
    return direct_quotations


# Quotations in marks only: the kinds the direct-quote F1 measures, and the setting in which
# selective parsing leaves the most out (news is full of reporting verbs).
MARKED = frozenset({"direct", "partial"})


@attrs.frozen
class Extractors:
    """Full and selective extractors, for every kind and for quotations in marks only."""

    full: QuoteExtractor
    relevant: QuoteExtractor
    full_marked: QuoteExtractor
    relevant_marked: QuoteExtractor


@attrs.frozen
class Modes:
    """The timed modes: those timed chunk by chunk, and those timed in rounds.

    The first of each is the one the others are compared with: the bare parse, and full
    mode in one process.
    """

    paired: list[Mode]
    workers: list[Mode]


def build_modes(
    nlp: Language, batch_size: int, textacy: TextacyRun | None
) -> tuple[Modes, Extractors]:
    """The timed modes and the extractors they use."""
    extractors = Extractors(
        full=QuoteExtractor(nlp),
        relevant=QuoteExtractor(nlp, parse="relevant"),
        full_marked=QuoteExtractor(nlp, kinds=MARKED),
        relevant_marked=QuoteExtractor(nlp, kinds=MARKED, parse="relevant"),
    )
    full, relevant = extractors.full, extractors.relevant

    def bare_run(texts: Iterator[str]) -> int:
        return count_items(nlp.pipe(texts, batch_size=batch_size))

    def extractor_run(extractor: QuoteExtractor, n_process: int) -> Callable[[Iterator[str]], int]:
        def run(texts: Iterator[str]) -> int:
            return count_items(extractor.pipe(texts, batch_size=batch_size, n_process=n_process))

        return run

    paired = [
        Mode("bare", "nlp.pipe (bare parse)", bare_run, 1.0),
        # The same parse again: what the ratios read when nothing differs, the method's bias.
        Mode("bare_control", "nlp.pipe again (control)", bare_run, 1.0),
        Mode("full", "extractor.pipe, full", extractor_run(full, 1), 1 / FULL_SPEED),
        Mode(
            "relevant", "extractor.pipe, relevant", extractor_run(relevant, 1), 1 / RELEVANT_SPEED
        ),
        Mode(
            "relevant_marked",
            "extractor.pipe, relevant, marks only",
            extractor_run(extractors.relevant_marked, 1),
            1 / RELEVANT_SPEED,
        ),
    ]
    if textacy is not None:
        paired.append(Mode("textacy", "textacy direct_quotations", textacy, 1.0))
    workers = [
        Mode("full_1_process", "extractor.pipe, full, n_process=1", extractor_run(full, 1), 1.0),
        Mode(
            "full_2_processes",
            "extractor.pipe, full, n_process=2",
            extractor_run(full, 2),
            1 / WORKER_SPEEDUP,
        ),
    ]
    return Modes(paired, workers), extractors


# -- planning and timing -----------------------------------------------------------------------


@attrs.frozen
class Plan:
    """How much the run does, sized from a calibration of the bare parse."""

    chunks: int
    chunk_docs: int
    rounds: int
    docs_per_round: int
    seconds_per_doc: float  # the bare parse of an average text of the corpus
    articles: int
    memory_docs: int

    def expected_seconds(self, modes: Modes) -> dict[str, float]:
        """Each phase's duration if the targets are met, from the calibration."""
        per_doc = self.seconds_per_doc
        return {
            "chunks": 2
            * self.chunks
            * self.chunk_docs
            * per_doc
            * sum(mode.expected_cost for mode in modes.paired),
            "rounds": self.rounds
            * self.docs_per_round
            * per_doc
            / FULL_SPEED
            * sum(mode.expected_cost for mode in modes.workers),
            "F1": self.articles * per_doc * (1 / FULL_SPEED + 1 / RELEVANT_SPEED),
            "memory": MEMORY_START_SECONDS + self.memory_docs * per_doc / FULL_SPEED,
        }


def warm_up(modes: Modes, texts: Sequence[str]) -> None:
    """Parse every text once and run each mode once, untimed.

    So no chunk pays for first-use setup, or for words the vocabulary meets for the first
    time, whichever mode happens to meet them first.
    """
    bare, *_ = modes.paired
    bare.run(iter(texts))
    for mode in [*modes.paired, *modes.workers]:
        mode.run(stream(texts, WARM_UP_DOCS))


def seconds_per_doc(bare: Mode, texts: Sequence[str]) -> float:
    """The bare parse's time for an average text of *texts*, from a short timed sample.

    Measured per character and scaled to the mean length, so that a sample of shorter or
    longer texts than the average does not shrink or stretch the run.
    """
    sample = list(stream(texts, CALIBRATION_DOCS))
    seconds, _ = bare.timed_run(iter(sample))
    per_char = seconds / sum(len(text) for text in sample)
    return per_char * statistics.mean(len(text) for text in texts)


def chunk_count(min_seconds: float, chunk_docs: int, per_doc: float) -> int:
    """Chunks for *min_seconds* of bare parsing, each chunk parsed twice."""
    return max(1, math.ceil(min_seconds / (2 * chunk_docs * per_doc)))


def docs_per_round(min_seconds: float, rounds: int, per_doc: float) -> int:
    """Documents per round for about *min_seconds* of full mode over all rounds."""
    return max(1, math.ceil(min_seconds * FULL_SPEED / rounds / per_doc))


def timed(mode: Mode, texts: Sequence[str]) -> float:
    """Seconds *mode* takes over *texts*; an error if it returns a result short."""
    seconds, done = mode.timed_run(iter(texts))
    if done != len(texts):
        msg = f"{mode.label} returned {done} results for {len(texts)} texts"
        raise RuntimeError(msg)
    return seconds


def run_chunks(modes: Sequence[Mode], texts: Sequence[str], plan: Plan) -> None:
    """Time every mode on each chunk of the stream, in an order and then in reverse.

    Each mode's time for a chunk (both its runs) is one entry of its ``seconds``. Running
    forward and back on the same documents within seconds puts every mode, on average, at
    the same point of any drift in the machine's speed; the order turns by one mode every
    chunk, so no mode always runs first on new documents or next to the same neighbours.
    """
    cycled = itertools.cycle(texts)
    report_every = max(1, plan.chunks // 10)
    for number in range(1, plan.chunks + 1):
        chunk = list(itertools.islice(cycled, plan.chunk_docs))
        for mode in modes:
            mode.seconds.append(0.0)
        turn = (number - 1) % len(modes)
        in_order = [*modes[turn:], *modes[:turn]]
        for mode in [*in_order, *reversed(in_order)]:
            mode.seconds[-1] += timed(mode, chunk)
        if number % report_every == 0 or number == plan.chunks:
            ratios = ", ".join(
                f"{mode.key} {speedup(modes[0].seconds, mode.seconds):.3f}" for mode in modes[1:]
            )
            print(f"  chunk {number}/{plan.chunks}: x bare so far: {ratios}")


def run_rounds(modes: Sequence[Mode], texts: Sequence[str], plan: Plan) -> None:
    """Time each mode on the same documents once a round, in alternating order."""
    for number in range(1, plan.rounds + 1):
        documents = list(stream(texts, plan.docs_per_round))
        in_order = modes if number % 2 else list(reversed(modes))
        for mode in in_order:
            mode.seconds.append(timed(mode, documents))
        times = ", ".join(f"{mode.key} {mode.seconds[-1]:.1f} s" for mode in modes)
        print(f"  round {number}/{plan.rounds}: {times}")


def speedup(base: Sequence[float], faster: Sequence[float]) -> float:
    """The median over chunks (or rounds) of *base*'s seconds over *faster*'s in the same one.

    Per chunk, because that is what pairing measures; the totals also carry the drift.
    """
    return statistics.median(b / f for b, f in zip(base, faster, strict=True))


def speed_figures(
    modes: Sequence[Mode], docs: int, words: int, ratio_name: str
) -> dict[str, dict[str, Any]]:
    """Per mode: its seconds per chunk or round, docs/s and words/s, the ratio to the first."""
    base = modes[0]
    figures = {}
    for mode in modes:
        total = sum(mode.seconds)
        figures[mode.key] = {
            "label": mode.label,
            "docs": docs,
            "seconds": mode.seconds,
            "total_seconds": total,
            "docs_per_second": docs / total,
            "words_per_second": words / total,
            ratio_name: speedup(base.seconds, mode.seconds),
        }
    return figures


# -- accuracy --------------------------------------------------------------------------------


def direct_f1(documents: Sequence[GoldDocument], extractor: QuoteExtractor) -> float | None:
    """End-to-end F1 on the direct quotations of *documents* (``None``: nothing to score)."""
    report = evaluate(documents, extractor, subsets=[DIRECT])
    return report.scores(DIRECT.name).end_to_end.f1.value


def accuracy_figures(documents: Sequence[GoldDocument], extractors: Extractors) -> dict[str, Any]:
    """Direct-quote end-to-end F1 of each extractor, and the selective modes' loss in points."""
    scores = {
        name: direct_f1(documents, getattr(extractors, name))
        for name in ("full", "relevant", "full_marked", "relevant_marked")
    }
    points: dict[str, float | None] = {}
    for full, selective in (("full", "relevant"), ("full_marked", "relevant_marked")):
        full_f1, selective_f1 = scores[full], scores[selective]
        points[selective] = (
            None if full_f1 is None or selective_f1 is None else (full_f1 - selective_f1) * 100
        )
    return {"articles": len(documents), "direct_end_to_end_f1": scores, "points": points}


# -- memory ----------------------------------------------------------------------------------


def memory_checkpoints(docs: int) -> list[int]:
    """A tenth, half and all of *docs*: 1,000, 5,000 and 10,000 by default."""
    return sorted({max(1, docs // 10), max(1, docs // 2), docs})


def memory_run(model: str, texts: list[str], docs: int, batch_size: int) -> dict[str, Any]:
    """Load the pipeline, then stream *docs* texts through full mode, reading memory.

    Runs in a fresh process: its peak and its baseline hold nothing but the pipeline and
    the texts. Returns plain data, which pickles back whatever this module is named there.
    """
    nlp = spacy.load(model)
    extractor = QuoteExtractor(nlp)
    load = memory_mb()
    checkpoints = set(memory_checkpoints(docs))
    readings = []
    start = time.perf_counter()
    results = extractor.pipe(stream(texts, docs), batch_size=batch_size)
    for done, _ in enumerate(results, 1):
        if done in checkpoints:
            # Garbage awaiting the cycle collector is no growth; what survives a collection is.
            gc.collect()
            readings.append({"docs": done, **memory_mb()})
    seconds = time.perf_counter() - start
    return {"docs": docs, "seconds": seconds, "load": load, "readings": readings}


def measure_memory(model: str, texts: list[str], docs: int, batch_size: int) -> dict[str, Any]:
    """:func:`memory_run` in a spawned process (a fork would share this one's memory)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(memory_run, model, texts, docs, batch_size).result()


# -- verdicts --------------------------------------------------------------------------------


@attrs.frozen
class Check:
    """One figure against its target."""

    name: str
    value: float | None  # None: not measured
    target: str
    passed: bool | None
    unit: str = ""

    def line(self) -> str:
        verdict = {True: "PASS", False: "FAIL", None: "----"}[self.passed]
        shown = "n/a" if self.value is None else f"{self.value:.3f}{self.unit}"
        return f"  {verdict}  {self.name:48} {shown:>12}   target {self.target}"

    def cell(self) -> str:
        """The figure and its verdict, for the summary's column of one pipeline."""
        verdict = {True: "PASS", False: "FAIL", None: "----"}[self.passed]
        shown = "n/a" if self.value is None else f"{self.value:.3f}{self.unit}"
        return f"{shown} {verdict}"


def at_least(name: str, value: float | None, minimum: float, unit: str = "") -> Check:
    passed = None if value is None else value >= minimum
    return Check(name, value, f">= {minimum:g}{unit}", passed, unit)


def at_most(name: str, value: float | None, maximum: float, unit: str = "") -> Check:
    passed = None if value is None else value <= maximum
    return Check(name, value, f"<= {maximum:g}{unit}", passed, unit)


def speed_checks(speed: dict[str, dict[str, Any]], accuracy: dict[str, Any]) -> list[Check]:
    workers = speed["full_2_processes"]["speed_over_one_process"]
    points = accuracy["points"]
    return [
        at_least("1. full mode / bare nlp.pipe", speed["full"]["speed_over_bare"], FULL_SPEED),
        at_least(
            "2a. selective mode / bare nlp.pipe, every kind",
            speed["relevant"]["speed_over_bare"],
            RELEVANT_SPEED,
        ),
        at_most(
            "2a. |direct F1 full - selective|, every kind, points",
            None if points["relevant"] is None else abs(points["relevant"]),
            F1_POINTS,
        ),
        at_least(
            "2b. selective mode / bare nlp.pipe, marks only",
            speed["relevant_marked"]["speed_over_bare"],
            RELEVANT_SPEED,
        ),
        at_most(
            "2b. |direct F1 full - selective|, marks only, points",
            None if points["relevant_marked"] is None else abs(points["relevant_marked"]),
            F1_POINTS,
        ),
        at_least("3. full mode, n_process=2 / n_process=1", workers, WORKER_SPEEDUP),
    ]


def memory_checks(memory: dict[str, Any]) -> list[Check]:
    first, last = memory["readings"][0], memory["readings"][-1]
    return [
        at_most(
            "4. peak RSS - RSS after loading",
            last["peak_mb"] - memory["load"]["rss_mb"],
            MEMORY_GROWTH_MB,
            " MB",
        ),
        at_most(
            f"4. flat: RSS at {last['docs']:,} - RSS at {first['docs']:,} docs",
            last["rss_mb"] - first["rss_mb"],
            FLAT_MB,
            " MB",
        ),
    ]


# -- output ----------------------------------------------------------------------------------


def package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def versions(nlp: Language) -> dict[str, str | None]:
    meta = nlp.meta
    return {
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "thinc": version("thinc"),
        "pipeline": f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}",
        "quoteattr": version("quoteattr"),
        "textacy": package_version("textacy"),
    }


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        # The cores this process may run on, which is what n_process=2 can use.
        "usable_cores": len(os.sched_getaffinity(0)),
    }


def print_header(command: str, box: dict[str, Any]) -> None:
    print("quoteattr scale benchmark (issue 6)")
    print(f"command:  {command}")
    print(
        f"machine:  {box['platform']}, {box['cpu_count']} cores "
        f"({box['usable_cores']} usable by this process)"
    )


def print_versions(model: str, info: dict[str, str | None]) -> None:
    print(f"\n===== {model} =====")
    print(
        "versions: "
        + ", ".join(f"{name} {value or 'not installed'}" for name, value in info.items())
    )


def print_plan(plan: Plan, modes: Modes, corpus: Path, texts: Sequence[str]) -> None:
    expected = plan.expected_seconds(modes)
    mean_chars = statistics.mean(len(text) for text in texts)
    print(f"texts:    {len(texts)} from {corpus} ({mean_chars:,.0f} characters on average)")
    print(
        f"plan:     {plan.chunks} chunks x {plan.chunk_docs} docs x {len(modes.paired)} modes, "
        f"each mode twice a chunk; {plan.rounds} rounds x {plan.docs_per_round:,} docs for "
        f"n_process=1 and 2 (bare parse {plan.seconds_per_doc * 1000:.0f} ms/doc, measured); "
        f"F1 on {plan.articles} articles; memory over {plan.memory_docs:,} docs"
    )
    phases = ", ".join(f"{name} {seconds / 60:.1f}" for name, seconds in expected.items())
    total = sum(expected.values()) / 60
    shown = f"{total:.0f}" if total >= 10 else f"{total:.1f}"
    print(f"expected: about {shown} min if the targets are met ({phases} min)\n")


def print_table(figures: dict[str, dict[str, Any]], ratio_name: str, ratio_label: str) -> None:
    print(f"\n{'mode':36} {'docs':>6} {'total s':>8} {'docs/s':>7} {'words/s':>8} {ratio_label:>9}")
    for row in figures.values():
        print(
            f"{row['label']:36} {row['docs']:6,} {row['total_seconds']:8.1f} "
            f"{row['docs_per_second']:7.2f} {row['words_per_second']:8,.0f} "
            f"{row[ratio_name]:9.3f}"
        )


def print_speed(
    speed: dict[str, dict[str, Any]], textacy: TextacyRun | None, texts: Sequence[str]
) -> None:
    chunked = {key: row for key, row in speed.items() if "speed_over_bare" in row}
    rounds = {key: row for key, row in speed.items() if "speed_over_one_process" in row}
    print_table(chunked, "speed_over_bare", "x bare")
    # Pairing cancels slow drift in the machine's load; the columns' totals do not.
    print("x bare: the median of the per-chunk ratios, which the docs/s columns may not match")
    full, bare = speed["full"], speed["bare"]
    overhead = (full["total_seconds"] - bare["total_seconds"]) / full["docs"]
    print(f"full mode over the bare parse: {overhead * 1000:+.1f} ms/doc (from the totals)")
    print_table(rounds, "speed_over_one_process", "x 1 proc")
    print("x 1 proc: the median of the per-round ratios")
    if textacy is None:
        print("textacy: not installed (the bench extra), so not compared")
    else:
        print(
            f"textacy raised on {textacy.failed:,} of {textacy.docs:,} docs it was given "
            f"({len(textacy.failed_texts)} of {len(texts)} distinct articles); they count as "
            "processed"
        )


def print_accuracy(accuracy: dict[str, Any]) -> None:
    scores = accuracy["direct_end_to_end_f1"]
    shown = {name: "n/a" if f1 is None else f"{f1:.3f}" for name, f1 in scores.items()}
    print(f"\ndirect end-to-end F1 on {accuracy['articles']} gold articles:")
    for full, selective, label in (
        ("full", "relevant", "every kind     "),
        ("full_marked", "relevant_marked", "marks only     "),
    ):
        points = accuracy["points"][selective]
        difference = "n/a" if points is None else f"{points:+.2f} points"
        print(
            f"  {label} full {shown[full]}, selective {shown[selective]}, "
            f"full - selective {difference}"
        )


def print_memory(memory: dict[str, Any]) -> None:
    load = memory["load"]
    print(
        f"\nmemory (full mode, one process, fresh interpreter; "
        f"{memory['docs']:,} docs in {memory['seconds']:.0f} s):"
    )
    rows = [("after loading the pipeline", load)]
    rows += [(f"after {reading['docs']:>6,} docs", reading) for reading in memory["readings"]]
    for label, reading in rows:
        print(f"  {label:27} RSS {reading['rss_mb']:7.0f} MB, peak {reading['peak_mb']:7.0f} MB")


def print_summary(verdicts: dict[str, list[Check]]) -> None:
    """Every target, with each pipeline's figure and verdict side by side."""
    names = list(dict.fromkeys(check.name for checks in verdicts.values() for check in checks))
    found = {model: {check.name: check for check in checks} for model, checks in verdicts.items()}
    targets = {check.name: check.target for checks in verdicts.values() for check in checks}
    width = max(len(name) for name in names) + 2
    print(f"\n{'targets':{width}}" + "".join(f"{model:>22}" for model in verdicts) + "   target")
    for name in names:
        cells = [found[model].get(name) for model in verdicts]
        shown = "".join(f"{'' if check is None else check.cell():>22}" for check in cells)
        print(f"  {name:{width - 2}}{shown}   {targets[name]}")


def print_performance_table(pipelines: dict[str, dict[str, Any]]) -> None:
    """The speed table of the README's Performance section, a column pair per pipeline."""
    timed = {model: figures["speed"] for model, figures in pipelines.items() if "speed" in figures}
    if not timed:
        return
    print("\nREADME Performance, docs/s and the ratio to the bare parse (or to one process):\n")
    print("| mode |" + "".join(f" `{model}` docs/s | × |" for model in timed))
    print("|---|" + "---:|---:|" * len(timed))
    keys = list(dict.fromkeys(key for speed in timed.values() for key in speed))
    for key in keys:
        cells = []
        for speed in timed.values():
            row = speed.get(key)
            if row is None:
                cells += ["", ""]
                continue
            ratio = row.get("speed_over_bare", row.get("speed_over_one_process"))
            cells += [f"{row['docs_per_second']:.2f}", f"{ratio:.3f}"]
        label = next(speed[key]["label"] for speed in timed.values() if key in speed)
        print(f"| {label} | " + " | ".join(cells) + " |")


# -- the run ---------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model",
        action="append",
        help="a pipeline to measure; repeat for several "
        f"(default: those of {', '.join(MODELS)} installed)",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="a PolNeAR split folder")
    parser.add_argument("--corpus", type=Path, help="folder of .txt files (default: GOLD/text)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of n_process=1 against 2 (median reported)"
    )
    parser.add_argument(
        "--min-seconds",
        type=float,
        help="seconds of bare parsing over all chunks, and of full mode over all rounds; "
        "sets their size (default 120)",
    )
    parser.add_argument(
        "--memory-docs", type=int, help="documents streamed in the memory run (default 10,000)"
    )
    parser.add_argument("--articles", type=int, help="gold articles for F1 (default: all)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a one-minute smoke run: --min-seconds 6 --memory-docs 100 --articles 12",
    )
    parser.add_argument(
        "--part",
        choices=["all", "speed", "memory"],
        default="all",
        help="run only the timings and F1, or only the memory run (which, unlike the "
        "timings, a busy machine does not spoil)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    args = parser.parse_args()
    pick = 1 if args.quick else 0
    for name, defaults in [
        ("min_seconds", MIN_SECONDS),
        ("memory_docs", MEMORY_DOCS),
        ("articles", ARTICLES),
    ]:
        if getattr(args, name) is None:
            setattr(args, name, defaults[pick])
    if args.corpus is None:
        args.corpus = args.gold / "text"
    if args.model is None:
        args.model = installed_models()
        if not args.model:
            parser.error(f"none of {', '.join(MODELS)} is installed; name one with --model")
    if args.rounds < 1 or args.memory_docs < 1 or args.min_seconds <= 0:
        parser.error("--rounds, --memory-docs and --min-seconds must be positive")
    return args


def measure_speed(
    modes: Modes,
    textacy: TextacyRun | None,
    texts: Sequence[str],
    args: argparse.Namespace,
    articles: int,
) -> tuple[Plan, dict[str, dict[str, Any]]]:
    """Warm up, size the run from a calibration, print the plan, then time chunks and rounds."""
    print("warming up and calibrating ...")
    warm_up(modes, texts)
    bare = modes.paired[0]
    per_doc = seconds_per_doc(bare, texts)
    plan = Plan(
        chunks=chunk_count(args.min_seconds, CHUNK_DOCS, per_doc),
        chunk_docs=CHUNK_DOCS,
        rounds=args.rounds,
        docs_per_round=docs_per_round(args.min_seconds, args.rounds, per_doc),
        seconds_per_doc=per_doc,
        articles=articles,
        memory_docs=args.memory_docs,
    )
    print_plan(plan, modes, args.corpus, texts)
    print("speed, every mode on each chunk, forward and back:")
    run_chunks(modes.paired, texts, plan)
    chunked_docs = 2 * plan.chunks * plan.chunk_docs
    words = 2 * sum(len(text.split()) for text in stream(texts, plan.chunks * plan.chunk_docs))
    speed = speed_figures(modes.paired, chunked_docs, words, "speed_over_bare")
    print("worker processes, alternating rounds:")
    run_rounds(modes.workers, texts, plan)
    words = sum(len(text.split()) for text in stream(texts, plan.docs_per_round))
    round_docs = plan.rounds * plan.docs_per_round
    speed |= speed_figures(modes.workers, round_docs, plan.rounds * words, "speed_over_one_process")
    print_speed(speed, textacy, texts)
    return plan, speed


def run_speed_part(
    nlp: Language,
    texts: list[str],
    documents: Sequence[GoldDocument],
    args: argparse.Namespace,
    report: dict[str, Any],
) -> list[Check]:
    """Time every mode, score F1, and add the figures to *report*."""
    extract = load_textacy()
    textacy = None if extract is None else TextacyRun(nlp, args.batch_size, extract)
    modes, extractors = build_modes(nlp, args.batch_size, textacy)
    plan, report["speed"] = measure_speed(modes, textacy, texts, args, len(documents))
    report["plan"] = attrs.asdict(plan) | {"min_seconds": args.min_seconds, "quick": args.quick}
    report["textacy_failures"] = (
        None
        if textacy is None
        else {
            "docs": textacy.docs,
            "failed_docs": textacy.failed,
            "failed_articles": len(textacy.failed_texts),
        }
    )
    report["accuracy"] = accuracy_figures(documents, extractors)
    print_accuracy(report["accuracy"])
    return speed_checks(report["speed"], report["accuracy"])


def run_memory_part(
    model: str, texts: list[str], args: argparse.Namespace, report: dict[str, Any]
) -> list[Check]:
    """Stream ``--memory-docs`` documents in a fresh process and add the readings to *report*."""
    print(f"\nmemory run: {args.memory_docs:,} docs in a fresh process ...")
    report["memory"] = measure_memory(model, texts, args.memory_docs, args.batch_size)
    print_memory(report["memory"])
    return memory_checks(report["memory"])


def main() -> int:
    # Progress shows as it happens under make and tee too, where stdout is a pipe.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    args = parse_args()
    for folder in (args.gold, args.corpus):
        if not folder.is_dir():
            print(f"folder not found: {folder}", file=sys.stderr)
            return 1
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.corpus.glob("*.txt"))]
    documents = load_brat_corpus(args.gold)[: args.articles]
    report: dict[str, Any] = {
        "command": shlex.join(sys.orig_argv),
        "machine": machine(),
        "pipelines": {},
    }
    print_header(report["command"], report["machine"])

    verdicts: dict[str, list[Check]] = {}
    for model in args.model:
        nlp = spacy.load(model)
        pipeline: dict[str, Any] = {"versions": versions(nlp)}
        print_versions(model, pipeline["versions"])
        checks: list[Check] = []
        if args.part in {"all", "speed"}:
            checks += run_speed_part(nlp, texts, documents, args, pipeline)
        if args.part in {"all", "memory"}:
            checks += run_memory_part(model, texts, args, pipeline)
        print(f"\ntargets, {model}:")
        print("\n".join(check.line() for check in checks))
        pipeline["checks"] = [attrs.asdict(check) for check in checks]
        report["pipelines"][model] = pipeline
        verdicts[model] = checks
        del nlp  # before the next pipeline loads

    print("\n===== every pipeline =====")
    print_summary(verdicts)
    print_performance_table(report["pipelines"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
