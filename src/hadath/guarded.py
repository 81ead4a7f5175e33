"""Analysis that never brings a corpus run down: every failure becomes an :class:`InputError`.

Used by ``hadath ingest`` and ``hadath run``. Three failures are caught per document:

* text that is not Arabic (fewer than :data:`MIN_ARABIC_SHARE` of its letters are Arabic): Hadath's
  lexicon and rules would find nothing true in it, and silently storing nothing would hide the problem;
* an analysis that runs longer than ``timeout`` seconds (a pathological document must not stall a
  worker for hours); the timer raises :class:`AnalysisTimeout` inside the analysing thread, which works
  in any thread (process-pool workers and Dask worker threads alike) because the pipeline is Python code
  that reaches the interpreter between steps;
* any exception raised by the pipeline (a bug on one document), reported with its type and location.
"""

from __future__ import annotations

import ctypes
import threading
import traceback
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document, InputError

MIN_ARABIC_SHARE = 0.3


class AnalysisTimeout(Exception):
    """Raised inside the analysing thread when its time is up."""


def arabic_share(text: str) -> float:
    """The share of letters that are Arabic (1.0 for a text without letters: nothing to judge)."""
    letters = arabic = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if "ARABIC" in unicodedata.name(char, ""):
                arabic += 1
    return arabic / letters if letters else 1.0


def analyse_or_error(
    pipeline: Pipeline, document: Document, timeout: float | None = None
) -> Analysis | InputError:
    """The analysis of ``document``, or the error that names why there is none."""
    who = document.origin or document.id
    share = arabic_share(document.text[:20_000])
    if share < MIN_ARABIC_SHARE:
        return InputError(who, f"not Arabic text ({share:.0%} of its letters are Arabic)", document.id)
    try:
        with _deadline(timeout):
            return pipeline.analyze(document)
    except AnalysisTimeout:
        return InputError(who, f"analysis timed out after {timeout:g} s", document.id)
    except Exception as error:  # a bug on one document must not stop the corpus
        frame = traceback.extract_tb(error.__traceback__)[-1]
        place = f"{Path(frame.filename).name}:{frame.lineno}"
        return InputError(who, f"analysis failed: {type(error).__name__}: {error} (at {place})", document.id)


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    if not seconds:
        yield
        return
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"finished": False, "fired": False}

    def interrupt() -> None:
        with lock:
            if not state["finished"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(AnalysisTimeout))

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["finished"] = True
            if state["fired"]:  # not delivered yet (the block ended first): withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)
        timer.cancel()
