"""Several analysers working side by side, results handed back to one caller.

Frog is single-threaded per server, so a machine with more cores runs one
server per worker.  Workers only analyse; the caller's thread receives every
result, which keeps the database writer on a single thread.
"""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Protocol

from kroniek.errors import KroniekError
from kroniek.records import AnalysedDocument, SourceDocument


class Analyser(Protocol):
    """What the pool needs of an analyser: a name and ``analyse``; entered once, exited once."""

    name: str

    def analyse(self, doc: SourceDocument) -> AnalysedDocument: ...

    def __enter__(self) -> Analyser: ...

    def __exit__(self, *exc: object) -> None: ...


Outcome = tuple[SourceDocument, AnalysedDocument | KroniekError]


def analyse_all(
    docs: Iterable[SourceDocument],
    make_analyser: Callable[[], Analyser],
    workers: int,
) -> Iterator[Outcome]:
    """Analyse documents with ``workers`` analysers; yield each result as it is ready.

    A document whose analysis fails yields the error instead of a result, so
    one bad document never stops the others.  At most two documents per
    worker are in flight, so memory stays flat on large corpora.
    """
    idle: queue.Queue[Analyser] = queue.Queue()
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(max_workers=workers) as executor:
        analysers = [make_analyser() for _ in range(workers)]
        for analyser in analysers:
            # Registered before starting, so a server that did start is stopped
            # even when another one fails to.
            stack.callback(analyser.__exit__, None, None, None)
        # Servers load their models in parallel: each takes seconds.
        for started in executor.map(lambda a: a.__enter__(), analysers):
            idle.put(started)

        def run(doc: SourceDocument) -> Outcome:
            analyser = idle.get()
            try:
                return doc, analyser.analyse(doc)
            except KroniekError as exc:
                return doc, exc
            finally:
                idle.put(analyser)

        in_flight: set[Future[Outcome]] = set()
        for doc in docs:
            in_flight.add(executor.submit(run, doc))
            if len(in_flight) >= 2 * workers:
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        for future in in_flight:
            yield future.result()
