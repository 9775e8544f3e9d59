"""A client that speaks Streamlit's websocket protocol, as the browser does, without a browser.

    async with await Session.open("http://127.0.0.1:8501", page="regioner", cookie=token) as session:
        first = await session.run()                 # the page, as on opening its address
        session.set("Kvartal", "2024-Q1")           # a widget, by its label, to the text the user picks
        again = await session.run()                 # the rerun that change makes
        again.seconds, again.bytes, again.frames    # send -> script_finished, bytes, each frame's size

What the browser does and this client mimics (Streamlit 1.67, its frontend's ``ConnectionManager``,
``ForwardMsgCache`` and ``App.sendRerunBackMsg``):

- It connects to ``/_stcore/stream`` with the subprotocol ``streamlit``, its Origin, and its cookies
  (the dashboard reads its sign-in cookie once, when the session connects).
- Every run is a ``BackMsg.rerun_script`` with a ``ClientState``: the query string the URL has now
  (the server changes it with ``page_info_changed``), the page (its URL name the first time, then
  the ``page_script_hash`` that ``navigation`` named), the widget values, and the hashes of the messages it holds.
- The server sends each element as a ``ForwardMsg``; one at least ``global.minCachedMessageSize``
  (10 kB) is marked ``cacheable`` and the browser keeps it. On the next run the server sends, for an
  element whose hash the browser named, only a ``ref_hash``. A kept message expires when it has not
  been used for more than ``maxCachedMessageAge`` (2) finished runs. Bytes are therefore counted as a
  browser receives them: a repeated big element costs a reference, not its size again.
- A widget drawn inside an ``st.fragment`` (its delta names the fragment) reruns only that
  fragment when it changes: the rerun's ``ClientState`` carries the ``fragment_id``, and the run
  redraws the fragment alone (the Tiltak picker and its story, a paged table's buttons).
- A run ends with ``script_finished``: ``FINISHED_EARLY_FOR_RERUN`` when the script called
  ``st.rerun()`` (the run goes on), otherwise finished.

Sizes are the frames' payloads. The server does not compress its frames
(``server.enableWebsocketCompression`` is off by default), so they are what goes over the network,
less a few bytes of framing per frame. Not mimicked: lazy ``st.dataframe`` chunks (the pages use
none), file uploads, and the heartbeat (a run takes seconds, not the minute a heartbeat waits for).
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

COOKIE_NAME = "partnerskapsmonitor_session"
# How long one run may take before the client gives up; a page at national scale takes seconds.
RUN_TIMEOUT = 300.0
# The value each kind of widget sends, and under which ``WidgetState`` field.
STRING_WIDGETS = {"selectbox", "radio", "text_input", "text_area"}
ARRAY_WIDGETS = {"multiselect"}
BOOL_WIDGETS = {"checkbox"}
TRIGGER_WIDGETS = {"button"}


class ProtocolError(Exception):
    """The server answered something a browser would not accept (a cache miss, a closed stream)."""


@dataclass
class Widget:
    """A widget the last run drew: its id, kind (the element's field), label and options as shown."""

    id: str
    kind: str
    label: str
    options: tuple[str, ...] = ()
    fragment: str = ""  # the st.fragment that drew it, if any: changing it reruns only that


@dataclass
class Run:
    """What one rerun cost and drew, as the browser received it."""

    seconds: float
    frames: list[int] = field(default_factory=list)  # each frame's size, in the order received
    elements: list[Element] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False

    @property
    def bytes(self) -> int:
        return sum(self.frames)

    def headings(self) -> list[str]:
        """The run's titles and headers, in order."""
        return [element.heading.body for element in self.elements if element.WhichOneof("type") == "heading"]


class Session:
    """One browser tab's session: a websocket, the URL it shows, its widget values and message cache."""

    def __init__(self, socket: Any, page: str, query: str) -> None:
        self._socket = socket
        self.page_name = page
        self.page_script_hash = ""
        self.query_string = query
        self.widgets: dict[str, Widget] = {}
        self._states: dict[str, WidgetState] = {}
        # The browser's ForwardMsgCache: hash -> (the run count it was last used at, its fragment).
        self._cache: dict[str, tuple[int, str]] = {}
        self._kept: dict[str, ForwardMsg] = {}
        self._run_count = 0
        self._max_age = 2
        # The fragment the next run is for: a widget changed inside one reruns only it, as in the browser.
        self._fragment = ""

    @classmethod
    async def open(cls, base_url: str, *, page: str = "", query: str = "", cookie: str | None = None) -> Session:
        """Connect as a browser that opened ``base_url/page?query``, with the sign-in ``cookie`` if given."""
        parts = urllib.parse.urlsplit(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Cookie": f"{COOKIE_NAME}={cookie}"} if cookie else {}
        socket = await websockets.connect(
            f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(f"{parts.scheme}://{parts.netloc}"),
            additional_headers=headers,
            # Chromium offers compression; Streamlit's server declines it by default, so this changes nothing
            # on the wire, and leaving it out keeps the client's CPU off the measurement.
            compression=None,
            # A browser answers the server's pings but sends none of its own; the library's would close
            # the stream when a busy server answers late (it did, at 40 users on one process).
            ping_interval=None,
            max_size=None,
            open_timeout=60,
        )
        return cls(socket, page, query)

    async def close(self) -> None:
        await self._socket.close()

    async def __aenter__(self) -> Session:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def set(self, label: str, value: str | list[str] | bool | None = None) -> None:
        """Give the widget with ``label`` (as the last run drew it) a value for the next run.

        A selectbox or radio takes the option's text as shown, a multiselect a list of them, a
        checkbox a bool, a text input its text; a button takes no value (it is clicked)."""
        widget = self.widgets.get(label)
        if widget is None:
            raise KeyError(f"no widget labelled {label!r}; the last run drew {sorted(self.widgets)}")
        state = WidgetState(id=widget.id)
        if widget.kind in STRING_WIDGETS:
            state.string_value = str(value)
        elif widget.kind in ARRAY_WIDGETS:
            state.string_array_value.data.extend(list(value or []))  # type: ignore[arg-type]
        elif widget.kind in BOOL_WIDGETS:
            state.bool_value = bool(value)
        elif widget.kind in TRIGGER_WIDGETS:
            state.trigger_value = True
        else:
            raise ValueError(f"setting a {widget.kind} is not supported")
        self._states[widget.id] = state
        self._fragment = widget.fragment

    async def run(self) -> Run:
        """Ask for a rerun, as a widget change would, and read until the run has finished."""
        back = BackMsg()
        client: ClientState = back.rerun_script
        client.query_string = self.query_string
        if self.page_script_hash:
            client.page_script_hash = self.page_script_hash
        else:
            client.page_name = self.page_name
        client.widget_states.widgets.extend(self._states.values())
        fragment, self._fragment = self._fragment, ""
        if fragment:
            client.fragment_id = fragment
        client.cached_message_hashes.extend(self._cache)
        client.context_info.timezone = "Europe/Oslo"
        client.context_info.locale = "nb-NO"
        start = time.perf_counter()
        await self._socket.send(back.SerializeToString())
        # A button is pressed for one run only, as in the browser.
        self._states = {key: state for key, state in self._states.items() if not state.HasField("trigger_value")}
        return await asyncio.wait_for(self._read_run(start, fragment), RUN_TIMEOUT)

    async def _read_run(self, start: float, fragment: str = "") -> Run:
        run = Run(seconds=0.0)
        widgets: dict[str, Widget] = {}
        while True:
            try:
                frame = await self._socket.recv()
            except websockets.ConnectionClosed as closed:
                raise ProtocolError(f"the server closed the stream: {closed}") from closed
            run.frames.append(len(frame))
            message = self._resolve(ForwardMsg.FromString(frame))
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self._max_age = message.new_session.config.max_cached_message_age
            elif kind == "navigation":
                # The page this run drew; new_session's hash is the entry point's, which would go
                # back to the default page.
                self.page_script_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "page_not_found":
                run.page_not_found = True
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self._take_element(message.delta.new_element, run, widgets, message.delta.fragment_id)
            elif kind == "script_finished":
                if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # The run that follows redraws the page, as the browser shows it: what the cut-short
                    # run drew is replaced (its bytes were received all the same).
                    run.elements.clear()
                    widgets.clear()
                    continue
                self._expire(message)
                run.seconds = time.perf_counter() - start
                # A fragment's run redraws only the fragment; the page's other widgets stay.
                self.widgets = {**self.widgets, **widgets} if fragment else widgets
                return run

    def _resolve(self, message: ForwardMsg) -> ForwardMsg:
        if message.WhichOneof("type") == "ref_hash":
            cached = self._cache.get(message.ref_hash)
            if cached is None:
                raise ProtocolError(f"the server referred to a message this client does not hold: {message.ref_hash}")
            self._cache[message.ref_hash] = (self._run_count, cached[1])
            return self._kept[message.ref_hash]
        if message.metadata.cacheable and message.hash:
            self._cache[message.hash] = (self._run_count, message.delta.fragment_id)
            self._kept[message.hash] = message
        return message

    def _expire(self, finished: ForwardMsg) -> None:
        # As the frontend's ForwardMsgCache.incrementRunCount: after a fragment's run only that
        # fragment's messages age.
        fragments = set(finished.metadata.run.fragment_ids)
        self._run_count += 1
        for key, (used, fragment) in list(self._cache.items()):
            if fragments and fragment not in fragments:
                continue
            if self._run_count - used > self._max_age:
                del self._cache[key]
                del self._kept[key]

    @staticmethod
    def _take_element(element: Element, run: Run, widgets: dict[str, Widget], fragment: str = "") -> None:
        run.elements.append(element)
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        if kind is None:
            return
        body = getattr(element, kind)
        if "id" not in body.DESCRIPTOR.fields_by_name or "label" not in body.DESCRIPTOR.fields_by_name:
            return
        options = tuple(body.options) if "options" in body.DESCRIPTOR.fields_by_name else ()
        widgets[body.label] = Widget(body.id, kind, body.label, options, fragment)
