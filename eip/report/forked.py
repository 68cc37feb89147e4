"""Run one task in a forked child process while this one gets on with another.

Reading the logs and writing the files each split into two independent halves; where a
second core can be used, a child does one half. The child hands back what its task
returned, or the exception it raised, pickled through a pipe. Where the system cannot fork
(Windows), or this process may use only one core, or other threads are running (a fork
copies only the calling thread, which could leave a lock held), `start` returns None and
the caller does both halves itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any


class Forked:
    """A forked process running one task; `result()` waits for it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe  # read end: the pickled (result, exception)

    @classmethod
    def start(cls, task: Callable[[], Any]) -> Forked | None:
        if not hasattr(os, "fork") or not _spare_core() or threading.active_count() > 1:
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write_end)
            return cls(pid, read_end)
        os.close(read_end)
        status = 0
        try:
            try:
                outcome = (task(), None)
            except BaseException as error:  # handed to the parent, which raises it
                status = 1
                outcome = (None, error)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(_pickled(outcome))
        finally:
            os._exit(status)  # no cleanup: the parent's files and buffers are not the child's

    def result(self) -> Any:
        """What the task returned; raises what it raised."""
        with os.fdopen(self.pipe, "rb") as pipe:
            try:  # unpickled as it is read: no copy of the whole answer is held here
                outcome = pickle.load(pipe)
            except (EOFError, pickle.UnpicklingError):
                outcome = None
        _, status = os.waitpid(self.pid, 0)
        if outcome is None:
            raise RuntimeError(f"a child process ended without an answer (status {status})")
        value, error = outcome
        if error is not None:
            raise error
        return value

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.pipe)


def _spare_core() -> bool:
    """May this process run on two cores or more? (On a busy machine two processes still
    get more of its time than one.)"""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) > 1
    return (os.cpu_count() or 1) > 1


def _pickled(outcome: tuple[Any, BaseException | None]) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # a result or exception that cannot be pickled: its text
        failure = outcome[1] or error
        return pickle.dumps((None, RuntimeError(f"{type(failure).__name__}: {failure}")))
