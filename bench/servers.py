"""Real Streamlit servers for the load benchmark and the tests that need one (the browser tests,
two processes on one database): started from the checkout, so its .streamlit/config.toml holds,
on a free port of 127.0.0.1 and on the database given, with their output in a log file."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120


class ServerFailed(RuntimeError):
    """A Streamlit server ended at start, or did not answer its health check in time."""


def free_port() -> int:
    # Every server asks the system for an unused port, so parallel test workers never collide.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def rss(self) -> int:
        """The process's resident memory in bytes (0 once it has ended)."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except FileNotFoundError:
            return 0
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) * 1024


@contextlib.contextmanager
def streamlit_servers(
    scripts: list[str], database: Path, folder: Path, options: tuple[str, ...] = ()
) -> Iterator[list[Server]]:
    """``python -m streamlit run SCRIPT`` for each script, from the project folder (so its
    .streamlit/config.toml holds), each on a free port of 127.0.0.1 and on ``database``; all start at
    once, and the list is given once every one answers its health check. Stopped on leaving."""
    servers = []
    try:
        for number, script in enumerate(scripts):
            servers.append(start_server(script, database, folder / f"{Path(script).stem}-{number}.log", options))
        for server in servers:
            wait_healthy(server)
        yield servers
    finally:
        # All told to end first, so they shut down together.
        for server in servers:
            server.process.terminate()
        for server in servers:
            stop(server)


def start_server(script: str, database: Path, log: Path, options: tuple[str, ...] = ()) -> Server:
    """``python -m streamlit run SCRIPT`` started (not yet answering: :func:`wait_healthy`), with
    ``options`` as ``KEY=VALUE`` given to it as ``--KEY VALUE``."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        # Edits to the checkout while a server runs (others' work, a test's) must not rerun its pages.
        "--server.fileWatcherType",
        "none",
        *(part for option in options for part in (f"--{option.partition('=')[0]}", option.partition("=")[2])),
    ]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "DASHBOARD_DB": str(database)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    return Server(f"http://127.0.0.1:{port}", process, log)


def wait_healthy(server: Server, seconds: float = STARTUP_SECONDS) -> None:
    """Return once the server answers its health check; ServerFailed, with its log, if it ends or
    does not answer within ``seconds``."""
    # No proxies: a proxy from the environment must not stand between us and loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.process.poll() is None:
        with contextlib.suppress(OSError), opener.open(f"{server.url}/_stcore/health", timeout=2) as answer:
            if answer.status == 200:
                return
        time.sleep(0.2)
    state = (
        f"exited with {server.process.returncode}" if server.process.poll() is not None else "did not answer in time"
    )
    raise ServerFailed(f"streamlit at {server.url} {state}; its log:\n{server.log.read_text(errors='replace')[-4000:]}")


def stop(server: Server, seconds: float = 20) -> None:
    """Terminate the server, killing it if it has not ended within ``seconds``."""
    server.process.terminate()
    try:
        server.process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
