"""Corpora: many stories, each compared on its own. ``compare_many`` streams stories through a
thread pool (every comparison releases the GIL, so stories run in parallel), shows a progress bar
and stops every story still running on Ctrl-C; ``Reports`` holds one report per story.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import (
    TYPE_CHECKING,
    Any,
    Deque,
    Dict,
    Hashable,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sized,
    Tuple,
    cast,
)

from . import _native
from ._display import esc
from ._embed import EmbedFn, check_embed
from ._inputs import Docs, config_json, to_documents
from ._judge import JudgeFn, check_judge
from ._report import Report
from ._run import run
from ._tables import TableName, check_table, pandas_frame, polars_frame

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import polars


class Reports(Mapping[Hashable, Report]):
    """One report per story (``compare(df, group_by="story")``): a mapping story → ``Report``, in
    the order the stories first appear, with tables over all of them."""

    def __init__(self, items: Iterable[Tuple[Hashable, Report]]) -> None:
        """Reports from ``(story, report)`` pairs."""
        self._reports: Dict[Hashable, Report] = dict(items)

    def __getitem__(self, story: Hashable) -> Report:
        """The report of one story."""
        return self._reports[story]

    def __iter__(self) -> Iterator[Hashable]:
        """The stories."""
        return iter(self._reports)

    def __len__(self) -> int:
        """The number of stories."""
        return len(self._reports)

    def _totals(self) -> Tuple[int, int, Dict[str, int]]:
        documents = sum(r._len("documents") for r in self._reports.values())
        findings = sum(len(r) for r in self._reports.values())
        kinds: Dict[str, int] = {}
        for r in self._reports.values():
            for k, n in r.counts().items():
                kinds[k] = kinds.get(k, 0) + n
        return documents, findings, kinds

    def __repr__(self) -> str:
        documents, findings, kinds = self._totals()
        by_kind = ", ".join(f"{n} {k}" for k, n in kinds.items())
        return (
            f"<factdiff.Reports: {len(self)} stories, {documents} documents, "
            f"{findings} findings{f' ({by_kind})' if by_kind else ''}>"
        )

    def _repr_html_(self) -> str:
        """A table: one row per story with its documents, claims, findings by kind, consistency."""
        rows = []
        for story, r in self._reports.items():
            kinds = ", ".join(f"{n} {k}" for k, n in r.counts().items())
            rows.append(
                f"<tr><td>{esc(str(story))}</td><td>{r._len('documents')}</td><td>{r._len('claims')}</td>"
                f"<td>{len(r)}</td><td>{esc(kinds)}</td><td>{r.consistency:.0%}</td></tr>"
            )
        head = "<tr><th>story</th><th>documents</th><th>claims</th><th>findings</th><th>by kind</th><th>consistency</th></tr>"
        return f"<p>{esc(repr(self))}</p><table>{head}{''.join(rows)}</table>"

    def _frames(self, table: str, build: Any) -> Any:
        rows = [{"story": story, **row} for story, r in self._reports.items() for row in r._rows(table)]
        return build(table, rows, first=[("story", "any")])

    def to_pandas(self, table: TableName = "findings") -> pandas.DataFrame:
        """One table over every story as a pandas DataFrame, with a ``story`` column first; the
        tables and columns of ``Report.to_pandas`` (start from ``"findings"``)."""
        return cast("pandas.DataFrame", self._frames(check_table(table), pandas_frame))

    def to_polars(self, table: TableName = "findings") -> polars.DataFrame:
        """One table over every story as a polars DataFrame, with a ``story`` column first."""
        return cast("polars.DataFrame", self._frames(check_table(table), polars_frame))


class _Progress:
    """Stories done so far: a tqdm bar when tqdm is installed, else a line on stderr (at most
    five times a second), or nothing."""

    def __init__(self, enabled: bool, total: Optional[int]) -> None:
        self._done = 0
        self._total = total
        self._bar: Any = None
        self._plain = False
        self._last = 0.0
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            self._plain = True
        else:
            self._bar = tqdm(total=total, unit="story", desc="factdiff")

    def advance(self) -> None:
        self._done += 1
        if self._bar is not None:
            self._bar.update(1)
        elif self._plain and (time.monotonic() - self._last >= 0.2 or self._done == self._total):
            self._last = time.monotonic()
            of = f"/{self._total}" if self._total is not None else ""
            sys.stderr.write(f"\rfactdiff: {self._done}{of} stories compared")
            sys.stderr.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self._plain and self._done:
            sys.stderr.write(f"\rfactdiff: {self._done} stories compared\n")
            sys.stderr.flush()


def compare_many(
    stories: Iterable[Docs],
    *,
    judge: Optional[JudgeFn] = None,
    judge_batch_size: int = 64,
    embed: Optional[EmbedFn] = None,
    embed_batch_size: int = 64,
    workers: Optional[int] = None,
    progress: bool = True,
    **options: float,
) -> Iterator[Report]:
    """Compare many stories, each on its own, and yield their reports in input order.

    ``stories`` is any iterable (a list, a generator reading a file, …) of what ``compare`` takes
    for one story. It is read as the work goes (at most twice ``workers`` stories are held at
    once), and ``workers`` stories run in parallel on threads (default: the number of CPUs; with
    ``judge=`` or ``embed=`` the default is 1, since they are then called from several threads). A
    progress bar shows on stderr (tqdm's when tqdm is installed; ``progress=False``: none).
    Ctrl-C (``KeyboardInterrupt``) stops every story still running and is raised; so is the first
    error of any story.
    """
    check_judge(judge, judge_batch_size)
    check_embed(embed, embed_batch_size)
    config = config_json(options, "compare_many")
    if workers is None:
        workers = 1 if judge is not None or embed is not None else (os.cpu_count() or 1)
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"compare_many() workers must be an int, not {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"compare_many() workers must be at least 1, not {workers}")
    total = len(stories) if isinstance(stories, Sized) else None
    callables = _Callables(judge, judge_batch_size, embed, embed_batch_size)
    return _stream(iter(stories), config, callables, workers, _Progress(progress, total))


class _Callables(NamedTuple):
    """A comparison's Python callables and their batch sizes."""

    judge: Optional[JudgeFn]
    judge_batch_size: int
    embed: Optional[EmbedFn]
    embed_batch_size: int


def _stream(
    stories: Iterator[Docs],
    config: str,
    callables: _Callables,
    workers: int,
    progress: _Progress,
) -> Iterator[Report]:
    stop = _native.StopFlag()
    pending: Deque[Future[Report]] = deque()
    judge, batch_size, embed, embed_batch_size = callables

    def one(docs: Docs) -> Report:
        return run(
            to_documents(docs, "compare_many"),
            config,
            judge,
            batch_size,
            stop,
            embed=embed,
            embed_batch_size=embed_batch_size,
            stacklevel=4,
        )

    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factdiff")
    try:
        for docs in stories:
            pending.append(pool.submit(one, docs))
            while len(pending) >= 2 * workers or (pending and pending[0].done()):
                yield _finished(pending.popleft(), progress)
        while pending:
            yield _finished(pending.popleft(), progress)
    finally:
        # Ctrl-C, an error or the caller stopping early: the stories still running stop too.
        stop.set()
        for f in pending:
            f.cancel()
        pool.shutdown(wait=True)
        progress.close()


def _finished(future: Future[Report], progress: _Progress) -> Report:
    report = future.result()
    progress.advance()
    return report


def compare_groups(
    groups: List[Tuple[Hashable, List[Any]]],
    build: Any,
    *,
    judge: Optional[JudgeFn],
    judge_batch_size: int,
    embed: Optional[EmbedFn],
    embed_batch_size: int,
    workers: Optional[int],
    progress: bool,
    options: Mapping[str, float],
) -> Reports:
    """``Reports`` for the row groups of a DataFrame (``build`` turns a group's rows into documents)."""
    reports = compare_many(
        [build(rows) for _, rows in groups],
        judge=judge,
        judge_batch_size=judge_batch_size,
        embed=embed,
        embed_batch_size=embed_batch_size,
        workers=workers,
        progress=progress,
        **options,
    )
    return Reports(zip((story for story, _ in groups), reports))

