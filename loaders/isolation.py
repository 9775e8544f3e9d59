"""Parsing untrusted files in a child process, so the parser cannot take the dashboard or the CLI down.

calamine, lxml and zlib are native code. A crafted file that slips past the
safety checks can make them abort, crash or allocate without end, and in the
dashboard the process that dies is the server. So the call that parses an
uploaded file runs in a child process with a memory limit (RLIMIT_AS) and a
time limit; when the child dies, the parent gets one line saying why
(:class:`ReaderCrashed`, :class:`ReaderOutOfMemory`, :class:`ReaderTimedOut`).
What the child returns or raises (a refusal, a rejected file with its errors)
reaches the parent as itself.

The start method: ``fork`` is the cheapest (the child starts with the reader
already imported), but forking a process with more than one thread can copy a
lock some other thread holds, and the child would hang on it. The Streamlit
server always has several threads, so there the child comes from a fork
server: a small single-threaded process, started once, with the readers
imported, that forks a fresh child per file. The command line has one thread
and forks directly.

The child never touches the database. It holds no descriptor of the parent's
open files either: with a fork server it has none, and after a plain fork every
inherited regular file (the database, its WAL) is replaced by /dev/null before
the reader runs.

Linux only, as the server is: the child reads /proc for its open files and its
mapped size.
"""

from __future__ import annotations

import copy
import faulthandler
import gc
import io
import multiprocessing
import os
import pickle
import resource
import signal
import stat
import tempfile
import threading
import traceback
from collections.abc import Callable
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkServerContext, ForkServerProcess, set_spawning_popen
from multiprocessing.process import BaseProcess
from typing import ParamSpec, TypeVar

from core.errors import MonitorError
from core.i18n import Deferred, Localised
from core.settings import setting
from core.vocabulary import number_text
from loaders.errors import ReaderCrashed, ReaderOutOfMemory, ReaderTimedOut

_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")

# Imported once in the fork server, so a child starts with the readers loaded. Python 3.11's
# fork server does not take the parent's sys.path, only its working directory and PYTHONPATH:
# started elsewhere than the project folder (as `make run` starts it) without PYTHONPATH, the
# imports fail quietly and each child makes them itself, about 80 ms more per file.
PRELOAD = ["loaders.isolation", "loaders.workbook", "loaders.agreement_sources"]
# How allocators report running out when they abort instead of raising MemoryError:
# Rust (calamine), C++ and glibc.
_OUT_OF_MEMORY_SIGNS = (b"memory allocation of", b"std::bad_alloc", b"Cannot allocate memory", b"MemoryError")
# Enough of the child's stderr to find a sign; a Rust backtrace follows the first line.
_STDERR_READ = 64 * 1024

_OK, _RAISED, _OUT_OF_MEMORY = "ok", "raised", "out of memory"


def run_isolated(function: Callable[_Params, _Result], /, *args: _Params.args, **kwargs: _Params.kwargs) -> _Result:
    """``function(*args, **kwargs)`` in a child process, bounded by the settings
    ``parse_memory_mb`` and ``parse_seconds``.

    ``function`` must be a module-level function, and its arguments, result and
    exceptions picklable. Raises what the function raised, or ReaderCrashed,
    ReaderOutOfMemory or ReaderTimedOut when the child ended without an answer.
    """
    memory_mb = setting("parse_memory_mb", int)
    seconds = setting("parse_seconds", int)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    with tempfile.NamedTemporaryFile(prefix="reader-stderr-") as stderr:
        process = context.Process if isinstance(context, ForkContext) else _ForkServerProcess
        child = process(
            target=_child,
            args=(sender, stderr.name, memory_mb * 2**20, function, args, kwargs),
            name="untrusted-file-reader",
            daemon=True,
        )
        try:
            child.start()
            # Our copy closed, the pipe reports end-of-file as soon as the child is gone.
            sender.close()
            if not receiver.poll(seconds):
                raise ReaderTimedOut("loaders.isolation.timed_out", count=seconds)
            try:
                outcome, value = receiver.recv()
            except EOFError:
                child.join()
                # SIGKILL, which we had not sent: the kernel's out-of-memory killer, as when the
                # server's container runs out before the child reaches its own limit.
                killed = child.exitcode == -signal.SIGKILL
                if killed or any(sign in stderr.read(_STDERR_READ) for sign in _OUT_OF_MEMORY_SIGNS):
                    raise _out_of_memory(memory_mb) from None
                raise ReaderCrashed("loaders.isolation.crashed") from None
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            if child.pid is not None:
                child.join()
    if outcome == _OUT_OF_MEMORY:
        raise _out_of_memory(memory_mb)
    if outcome == _RAISED:
        raise value
    return value


def _out_of_memory(memory_mb: int) -> ReaderOutOfMemory:
    return ReaderOutOfMemory("loaders.isolation.out_of_memory", limit=Deferred(number_text, memory_mb))


def _context() -> ForkContext | ForkServerContext:
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return _fork_server_context()


def _fork_server_context() -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    # Read only when the fork server starts: at warm_up, or else the first time a file is parsed.
    context.set_forkserver_preload(PRELOAD)
    return context


_warm_up_lock = threading.Lock()
_warm_up_threads: list[threading.Thread] = []


def warm_up() -> threading.Thread | None:
    """Start the fork server in a background thread, once per process, so that the first file
    parsed does not wait for it (about 1 s). For the dashboard's server, which has threads; the
    thread started, or None if one was started before."""
    with _warm_up_lock:
        if _warm_up_threads:
            return None
        starter = threading.Thread(target=_start_fork_server, name="fork-server-start", daemon=True)
        _warm_up_threads.append(starter)
    starter.start()
    return starter


def _start_fork_server() -> None:
    _fork_server_context()
    # The standard library's own start, under its lock: an upload arriving meanwhile waits for it.
    forkserver.ensure_running()


class _ForkServerPopen(popen_forkserver.Popen):
    """The fork server's launch, without running the parent's main script in the child.

    multiprocessing re-runs ``__main__`` in every child it does not fork
    directly. While Streamlit runs a page, ``__main__`` is dashboard.py, so each
    child would draw the dashboard before reading the file. The reader needs
    nothing from ``__main__`` (its function is found by module), so the launch
    below is the standard library's (Python 3.11) with those two entries left out.
    """

    def _launch(self, process_obj: BaseProcess) -> None:
        prep_data = {
            key: value
            for key, value in spawn.get_preparation_data(process_obj.name).items()
            if key not in ("init_main_from_name", "init_main_from_path")
        }
        buffer = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buffer)
            reduction.dump(process_obj, buffer)
        finally:
            set_spawning_popen(None)
        passed: list[int] = self._fds  # type: ignore[attr-defined]  # the standard library's __init__ sets it
        self.sentinel, writer = forkserver.connect_to_new_process(passed)
        # As in the standard library: the child watches this end to know its parent is alive.
        parent_end = os.dup(writer)
        self.finalizer = util.Finalize(self, _close, (parent_end, self.sentinel))
        with open(writer, "wb", closefd=True) as stream:
            stream.write(buffer.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


def _close(*descriptors: int) -> None:
    for descriptor in descriptors:
        os.close(descriptor)


class _ForkServerProcess(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj: BaseProcess) -> _ForkServerPopen:  # noqa: N802 (the standard library's name)
        return _ForkServerPopen(process_obj)


def _child(
    sender: Connection,
    stderr_path: str,
    memory: int,
    function: Callable[..., object],
    args: tuple[object, ...],
    kwargs: dict[str, object],
) -> None:
    """The child's whole life: limits on, parent's files out of reach, call, answer, exit."""
    _blank_inherited_files(keep=sender.fileno())
    # Collections would walk every object inherited from the parent, copying the pages they sit
    # on; the reader's own objects are still collected.
    gc.freeze()
    # A crash must not leave a core dump of someone's file on the server's disk.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # The limit counts from what the child already maps, which differs by start method; a
    # lower limit the server was started with stays (a process cannot raise its hard limit).
    limit = _mapped_bytes() + memory
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # The parser's last words, read by the parent to tell running out of memory from a crash;
    # a traceback the fault handler writes goes there too, not to the person's screen.
    with open(stderr_path, "wb") as stderr:
        os.dup2(stderr.fileno(), 2)
    if faulthandler.is_enabled():
        faulthandler.enable(2)
    answer: tuple[str, object]
    try:
        answer = (_OK, _share_texts(function(*args, **kwargs)))
    except MemoryError:
        answer = (_OUT_OF_MEMORY, None)
    except Exception as error:
        answer = (_RAISED, error)
    try:
        sender.send(answer)
    except MemoryError:
        sender.send((_OUT_OF_MEMORY, None))
    except Exception:
        sender.send((_RAISED, _sendable(answer[1], traceback.format_exc())))
    sender.close()


def _sendable(value: object, trace: str) -> Exception:
    """What to send instead of an answer that cannot be pickled.

    A refusal whose values cannot be (a Deferred of a local function) goes with
    those values worded here in both languages; anything else is a bug here,
    not in the person's file, and goes as a RuntimeError with its traceback.
    """
    if isinstance(value, MonitorError):
        worded = copy.copy(value)
        worded.values = {
            name: _Worded(part) if isinstance(part, Localised) else part for name, part in value.values.items()
        }
        try:
            pickle.dumps(worded)
        except Exception:
            pass
        else:
            return worded
    return RuntimeError(f"the reader's answer cannot be sent back:\n{trace}")


class _Worded(Localised):
    """A message's value as the child worded it, in bokmål and English."""

    def __init__(self, value: Localised) -> None:
        self.nb = value.message("nb")
        self.en = value.message("en")

    def message(self, lang: str = "nb") -> str:
        return self.en if lang == "en" else self.nb


def _share_texts(value: _Result) -> _Result:
    """The answer with one copy of each text in its lists of rows, changed in place.

    calamine makes a new string for every cell, so a sheet holds its region
    names and statuses thousands of times over; pickle writes each copy out
    and the parent builds each again. Sharing them halves the pickled size of
    a 20,000-row sheet and the time to send and rebuild it.
    """
    shared: dict[str, str] = {}
    keep = shared.setdefault
    parts = getattr(value, "__dict__", {}).values()
    lists = [value] if isinstance(value, list) else [part for part in parts if isinstance(part, list)]
    for rows in lists:
        for row in rows:
            if isinstance(row, list):
                for index, cell in enumerate(row):
                    if type(cell) is str:
                        row[index] = keep(cell, cell)
    return value


def _blank_inherited_files(keep: int) -> None:
    """Point every inherited descriptor of a regular file at /dev/null.

    Closing them instead would free their numbers for files the reader opens,
    and the parent's objects that still hold them (a database connection) would
    then act on the reader's files.
    """
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir("/proc/self/fd"):
            descriptor = int(name)
            if descriptor <= 2 or descriptor in (keep, null):
                continue
            try:
                regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
            except OSError:
                continue  # the listing's own descriptor, closed by now
            if regular:
                os.dup2(null, descriptor)
    finally:
        os.close(null)


def _mapped_bytes() -> int:
    with open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")
