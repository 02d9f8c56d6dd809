"""Worker processes: the pool and how it starts, each worker's pipeline, chunks mapped in input order."""

from __future__ import annotations

import inspect
import itertools
import pickle
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from .errors import ArticlekitError, StageError
from .pipeline import Pipeline, _default_pipeline, parse
from .rules import available_languages, load_locale

if TYPE_CHECKING:
    import multiprocessing.context

__all__ = [
    "DEFAULT_CHUNKSIZE", "DEFAULT_LANG", "Raised", "map_ordered", "mp_context", "pipeline_for", "worker_pipeline",
]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNKSIZE = 64
"""Records per task sent to a worker (about 0.1 s of work on average pages: the per-task cost stays small)."""

DEFAULT_LANG: str = inspect.signature(parse).parameters["lang"].default


def pipeline_for(lang: str | None, pipeline: Pipeline | None) -> Pipeline:
    """``pipeline``, or the default one for ``lang`` (``None``: what :func:`articlekit.parse` uses)."""
    if pipeline is not None:
        return pipeline
    return _default_pipeline(lang if lang is not None else DEFAULT_LANG)


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline | None, lang: str | None) -> None:
    global _WORKER_PIPELINE
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops handing out work
    _WORKER_PIPELINE = pipeline_for(lang, pipeline)


def worker_pipeline() -> Pipeline:
    if _WORKER_PIPELINE is None:  # pragma: no cover (the initializer always runs first)
        raise RuntimeError("articlekit worker used before its initializer ran")
    return _WORKER_PIPELINE


class Raised:
    """An exception raised in a worker, in a form that always crosses the process boundary."""

    def __init__(self, index: int, exc: BaseException) -> None:
        self.index = index
        self.description = f"{type(exc).__name__}: {exc}"
        self.stage: str | None = getattr(exc, "stage", None) if isinstance(exc, StageError) else None
        payload: BaseException | None = exc.__cause__ if self.stage is not None else exc
        try:
            self.payload: bytes | None = pickle.dumps(payload)
            pickle.loads(self.payload)
        except Exception:
            self.payload = None

    def rebuild(self) -> BaseException:
        original = pickle.loads(self.payload) if self.payload is not None else None
        if self.stage is not None:
            cause = original if original is not None else RuntimeError(self.description)
            exc: BaseException = StageError(self.stage, cause)
            exc.__cause__ = cause
        elif original is not None:
            exc = original
        else:
            exc = ArticlekitError(self.description)
        exc.add_note(f"articlekit: raised by record {self.index} in a worker process")
        return exc


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def mp_context(start_method: str | None, pipeline: Pipeline | None = None) -> multiprocessing.context.BaseContext:
    """The worker start method: as asked; else ``fork`` on Linux from a process with one thread; else ``forkserver``.

    A forked worker starts at once with the parent's patterns compiled (:func:`_warm`), where a
    fresh one spends most of a second importing and compiling. But forking a process that runs
    other threads (a notebook kernel, a progress bar) can leave a lock held in the child forever,
    so such a process starts its workers from a clean server process. A pipeline that does not
    pickle (a lambda stage) is still served, by ``fork``.
    """
    import multiprocessing
    import sys
    import threading

    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
            return multiprocessing.get_context("fork")
        start_method = "forkserver" if "forkserver" in methods else None
        if start_method is not None and pipeline is not None:
            try:
                pickle.dumps(pipeline)
            except Exception:  # any pickling failure means: fork instead
                start_method = "fork" if "fork" in methods else None
    return multiprocessing.get_context(start_method)


def map_ordered(
    func: Callable[[int, list[T]], R],
    items: Iterable[T],
    *,
    workers: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    pipeline: Pipeline | None = None,
    lang: str | None = None,
    start_method: str | None = None,
    on_start: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``func(offset, chunk)`` over chunks of ``items`` in ``workers`` processes, results in input order.

    At most ``4 * workers`` chunks are in flight, so the input is read only as fast as it
    is parsed and memory stays flat however long the input is. Each worker holds
    ``pipeline`` (or the default one for ``lang``). ``on_start`` runs once the worker
    processes exist (start threads, such as a progress bar's, after that).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    window = 4 * workers
    context = mp_context(start_method, pipeline)
    if context.get_start_method() == "fork":
        _warm(pipeline_for(lang, pipeline))  # once here, not once per worker
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(pipeline, lang)) as pool:
        pending: deque[tuple[int, int, Future[R]]] = deque()
        offset = 0
        try:
            for chunk in _batched(items, chunksize):
                pending.append((offset, len(chunk), pool.submit(func, offset, chunk)))
                offset += len(chunk)
                if on_start is not None:  # the first submit starts the processes
                    on_start()
                    on_start = None
                if len(pending) >= window:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())
        finally:
            for _, _, future in pending:
                future.cancel()
            if on_start is not None:
                on_start()


def _result(offset: int, size: int, future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ArticlekitError(
            f"a worker process died while parsing records {offset}..{offset + size - 1} (killed for memory? "
            "a crash?); the records before them were delivered"
        ) from exc



_WARMED: weakref.WeakSet[Pipeline] = weakref.WeakSet()


def _warm(nlp: Pipeline) -> None:
    """Compile what ``nlp`` compiles lazily, so forked workers inherit it.

    One parse per bundled language, of that language's detection words (so ``lang="auto"`` picks
    it): each stage compiles its patterns for the locale on its first page.
    """
    if nlp in _WARMED:
        return
    for lang in available_languages():
        nlp(" ".join(load_locale(lang).schema.detect_words), errors="note")
    _WARMED.add(nlp)
