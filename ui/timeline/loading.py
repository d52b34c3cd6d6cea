"""Reading a workspace's events into the TimelineView, off the GUI thread when it is big
(a mixin, to keep the view's module about its API and state).

Small workspaces (``ui.background.is_small``) are read at once, as before. Big ones are read
by a :class:`~ui.background.BackgroundReader` with its own read-only connection:

- opening: the arrays (``models.timeline.TimelineData.load``) and, with them, what the
  filter keeps and the sorted bounds the overview band counts from; until they arrive the
  plot says "Loading events…";
- a filter: the ids passing it (``models.timeline_reads.filter_ids``), and from them the mask
  by slot and each lane's subset; the previous view stays on screen until they arrive;
- a change: small ones are followed on the GUI thread (``ui.timeline.follow``, milliseconds),
  then the filter is asked again; one too big to follow reloads the arrays in the background
  while the previous view stays; one that adds or removes actors rebuilds the actor lanes in
  the background while the previous lanes stay;
- another lane mode: its lanes are built in the background (from the arrays and one grouped
  read) while the current mode stays on screen.

Work done in the background on the arrays on screen (a filter's mask, another mode's lanes)
reads them only; if they changed meanwhile (their version), it is made again or here.
Every request gets a generation number; an answer whose request is no longer the latest is
dropped, so a fast typist or a quick undo never sees an old answer overwrite a newer one.
``loading`` is True while an answer is awaited and ``loadingChanged`` says when that changes.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication

from models import timeline as tl
from models import timeline_reads as reads
from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from ui import background
from ui.timeline import follow
from ui.timeline.density import DensityCache
from ui.timeline.overview import sorted_bounds
from ui.timeline.strips import StripImage


@dataclass
class Filtered:
    """The events passing a filter, read in the background, with what the view makes of
    them when it can be made there: the mask by slot and each lane's subset."""

    ids: np.ndarray
    data: object = None  # the TimelineData they were made for
    mode: str = ""
    version: int | None = None
    lanes: list = field(default_factory=list)  # the lanes they were made from
    mask: np.ndarray | None = None
    subsets: dict = field(default_factory=dict)  # lane key -> lane of the passing events

    @classmethod
    def read(cls, ws: Workspace, flt: EventFilter, data, mode: str, version, lanes) -> Filtered:
        """Read the ids passing ``flt``; with ``data``, make the mask and subsets too (from
        its arrays as they are: a change meanwhile shows in its version, and they are not
        used)."""
        found = cls(reads.filter_ids(ws, flt), data, mode, version, lanes)
        if data is not None:
            found.mask = np.zeros(data.slot_count, bool)
            found.mask[data.slots_of(found.ids)] = True
            found.subsets = {lane.key: lane.subset(found.mask, data) for lane in lanes}
        return found


@dataclass
class Loaded:
    """A workspace's events read in the background, with their sorted bounds and, when a
    filter was set, what passes it."""

    data: tl.TimelineData
    mode: str
    flt: EventFilter | None
    bounds: tuple | None = None  # sorted starts and ends, for the overview band
    filtered: Filtered | None = None


class LoadingMixin:
    def init_loading(self) -> None:
        self.reader = background.BackgroundReader(self)
        self.background = False  # whether this workspace is read in the background
        self.load_error = ""  # why the last background read failed ("" when it did not)
        self._data_generation = 0
        self._filter_generation = 0
        self._data_pending = False
        self._filter_pending = False
        self._lanes_generation = 0
        self._lanes_pending: str | None = None  # the lane mode being built
        self._pending_fit = False
        self._filter_ids: np.ndarray | None = None  # ids passing the filter, as last read
        self._was_loading = False

    @property
    def loading(self) -> bool:
        """Whether an answer from the background is awaited (events or a filter)."""
        return self._data_pending or self._filter_pending or self._lanes_pending is not None

    @property
    def loading_events(self) -> bool:
        """Whether the events themselves are being read (the plot may be empty meanwhile)."""
        return self._data_pending

    def wait_loaded(self, msecs: int = 60_000) -> bool:
        """Handle events until nothing is awaited from the background (for scripts and
        benchmarks; the window never waits). Returns whether everything arrived in time."""
        deadline = time.monotonic() + msecs / 1000
        while self.loading and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.loading

    # ------------------------------------------------------------------ workspace

    def set_workspace(self, ws: Workspace | None) -> None:
        """Show the events of ``ws`` (None shows nothing); fits all events in view.

        The filter is cleared: the actor and source ids in it mean nothing in another
        workspace."""
        self.reader.cancel()
        self._data_generation += 1
        self._filter_generation += 1
        self._lanes_generation += 1
        self._data_pending = self._filter_pending = False
        self._lanes_pending = None
        self.ws = ws
        # Let go of the last workspace's arrays before reading the next one (memory peaks).
        self._drop_data()
        self._filter, self._filter_ids = None, None
        self._selected, self.selected_slots_set = [], set()
        self._order, self._collapsed, self._hidden = {}, {}, {}
        self.load_error = ""
        self.background = ws is not None and not background.is_small(ws)
        if ws is not None and self.background:
            self._request_data(fit=True)
        elif ws is not None:
            self.data = tl.TimelineData.load(ws, lanes=self.lane_mode)
        self._after_data_change()
        self._install_filter()
        self.fit_all()
        self._loading_changed()

    def reload(self) -> None:
        """Read the workspace again, keeping the visible range, lanes and selection (after
        a failed read: try again)."""
        if self.ws is None:
            return
        if self.background:
            first = self.data is None  # still loading, or the first read failed
            self._request_data(fit=first and (self._pending_fit or bool(self.load_error)))
            return
        if self.data is None:
            return
        self.data.reload()
        self._read_filter_now()
        self._install_filter()  # before the lanes are laid out again: slots changed
        self._after_data_change()
        self._sync_selection()
        self.update()

    def apply_change(self, change: Change) -> None:
        """Follow a Change made by a models operation (here or elsewhere in the app)."""
        if change is None or self.ws is None:
            return
        if self._data_pending:
            # The arrays on their way may have been read before this change: ask again.
            self._request_data(fit=self._pending_fit)
            return
        if self.data is None:
            return
        if self.background and follow.needs_reload(change):
            self._request_data(fit=False)  # the current view stays until the new one arrives
            return
        built = self.data._lanes.get(self.lane_mode)
        follow.apply(self.data, change)
        if self.background and self.lane_mode not in self.data._lanes and built is not None:
            # Actors came or went: the lanes are rebuilt aside; the previous ones stay
            # meanwhile (and follow further changes).
            self.data._lanes[self.lane_mode] = built
            self._request_lanes(self.lane_mode)
        elif self._lanes_pending is not None:
            self._request_lanes(self._lanes_pending)  # the lanes on their way may lack it
        if self._filter is not None:
            if self.background:
                self._request_filter()  # meanwhile the mask is made from the ids read last
            else:
                self._read_filter_now()
        self._install_filter()  # before the lanes are laid out again: slots changed
        self._after_data_change()
        self._sync_selection()
        self.update()

    # ------------------------------------------------------------------ lane mode

    def set_lane_mode(self, mode: str) -> None:
        """Lanes per 'actor', per 'tag', or a 'single' lane.

        For a big workspace, lanes not built yet are built in the background; the current
        mode stays on screen until they arrive."""
        if mode not in tl.LANE_MODES:
            raise ValueError(f"Lane mode {mode!r} is not one of {', '.join(tl.LANE_MODES)}.")
        if self.background and self.data is not None and mode not in self.data._lanes:
            self._request_lanes(mode)
            return
        if self.background and self.data is None and self._data_pending:
            self.lane_mode = mode  # the events are on their way: ask for them in this mode
            self._request_data(fit=self._pending_fit)
            return
        self._lanes_generation += 1
        if self._lanes_pending is not None:
            self._lanes_pending = None
            self._loading_changed()
        self._show_lane_mode(mode)

    def _show_lane_mode(self, mode: str) -> None:
        if mode != self.lane_mode:
            self.scroll_y = 0
        self.lane_mode = mode
        self._relayout()
        self.update()

    def _request_lanes(self, mode: str) -> None:
        self._lanes_generation += 1
        generation, data, version = self._lanes_generation, self.data, self.data.version
        self._lanes_pending = mode

        def read(ws: Workspace):
            aside = copy.copy(data)  # the same arrays, read only, with this thread's connection
            aside.ws, aside._lanes = ws, {}
            return aside.lanes(mode)

        self.reader.read(
            self.ws.path,
            "lanes",
            read,
            lambda result, error: self._lanes_loaded(generation, data, version, result, error),
        )
        self._loading_changed()

    def _lanes_loaded(self, generation: int, data, version: int, lanes, error: str) -> None:
        if generation != self._lanes_generation:
            return
        mode, self._lanes_pending = self._lanes_pending, None
        if error:
            self._failed(error)
            return
        if data is not self.data:  # new arrays came meanwhile: build them from those
            if self.data is not None:
                self._request_lanes(mode)
            else:
                self._loading_changed()
            return
        if data.version != version:
            self._request_lanes(mode)  # changed while they were built: build them again
            return
        data._lanes[mode] = lanes
        self._multi_cache = self._selection_cache = None
        self._after_data_change()
        self._show_lane_mode(mode)
        self._loading_changed()

    # ------------------------------------------------------------------ filter

    def set_filter(self, event_filter: EventFilter | None, dim: bool = False) -> None:
        """Show only events passing ``event_filter`` (or draw the others grey with ``dim``).

        For a big workspace the events passing are found in the background; until then the
        previous view stays."""
        self._filter = None if event_filter is None or event_filter.empty else event_filter
        self.filter_dims = dim
        self._filter_generation += 1
        if self._filter is None or self.ws is None:
            self._filter_ids = None
            self._filter_pending = False
        elif self.background:
            self._request_filter()  # the mask and subsets on screen stay until the answer
        else:
            self._read_filter_now()
        if not self._filter_pending:
            self._install_filter()
        self._relayout()
        self.update()
        self._loading_changed()

    def _read_filter_now(self) -> None:
        self._filter_ids = reads.filter_ids(self.ws, self._filter) if self._filter else None

    def _install_filter(self) -> None:
        """Make the filter mask from the ids read last (for the filter asked for, or, while
        its answer is awaited, the one before)."""
        self._filtered.clear()
        self.filter_serial += 1
        if self.data is None or self._filter is None or self._filter_ids is None:
            self.filter_mask = None
            return
        mask = np.zeros(self.data.slot_count, bool)
        mask[self.data.slots_of(self._filter_ids)] = True
        self.filter_mask = mask

    # ------------------------------------------------------------------ background requests

    def _request_data(self, fit: bool) -> None:
        self._data_generation += 1
        generation, mode, flt = self._data_generation, self.lane_mode, self._filter
        self._data_pending, self._pending_fit = True, fit

        def read(ws: Workspace) -> Loaded:
            data = tl.TimelineData.load(ws, lanes=mode)
            loaded = Loaded(data, mode, flt)
            loaded.bounds = sorted_bounds(data)
            if flt is not None:
                loaded.filtered = Filtered.read(ws, flt, data, mode, data.version, data.lanes(mode))
            return loaded

        self.reader.read(
            self.ws.path,
            "data",
            read,
            lambda result, error: self._data_loaded(generation, fit, result, error),
        )
        self._loading_changed()

    def _data_loaded(self, generation: int, fit: bool, result, error: str) -> None:
        if generation != self._data_generation:
            return
        self._data_pending = False
        if error:
            self._failed(error)
            return
        data = result.data
        data.ws = self.ws  # it was read on the worker's connection, closed since
        if self.data is not None:
            data.version = self.data.version + 1  # caches keyed by (data, version) start afresh
        filtered = result.filtered
        if filtered is not None:
            filtered.version = data.version
        self._drop_data()
        self.data = data
        if self.lane_mode not in data._lanes:  # another mode was asked for meanwhile
            wanted, self.lane_mode = self.lane_mode, next(iter(data._lanes), self.lane_mode)
            self._request_lanes(wanted)
        self.load_error = ""
        if result.flt == self._filter:
            self._filter_ids = filtered.ids if filtered is not None else None
            if filtered is None or not self._use_filtered(filtered):
                self._install_filter()
        else:
            self._install_filter()  # the filter asked for since is on its way
        self._after_data_change()
        self.overview.prime(data, result.bounds)
        self._sync_selection()
        if fit:
            self.fit_all()
        self.update()
        self._loading_changed()

    def _request_filter(self) -> None:
        self._filter_generation += 1
        generation, flt, data, mode = (
            self._filter_generation,
            self._filter,
            self.data,
            self.lane_mode,
        )
        version = data.version if data is not None else None
        lanes = list(data.lanes(mode)) if data is not None else []
        self._filter_pending = True
        self.reader.read(
            self.ws.path,
            "filter",
            lambda ws: Filtered.read(ws, flt, data, mode, version, lanes),
            lambda result, error: self._filter_loaded(generation, result, error),
        )
        self._loading_changed()

    def _filter_loaded(self, generation: int, filtered: Filtered, error: str) -> None:
        if generation != self._filter_generation:
            return
        self._filter_pending = False
        if error:
            self._failed(error)
            return
        self._filter_ids = filtered.ids
        self.load_error = ""
        if not self._use_filtered(filtered):
            self._install_filter()
        self._relayout()
        self.update()
        self._loading_changed()

    def _use_filtered(self, filtered: Filtered) -> bool:
        """Take the mask and lane subsets made in the background, if they still fit the
        arrays and lanes on screen (else they are made here from the ids)."""
        data = self.data
        if (
            filtered.mask is None
            or filtered.data is not data
            or filtered.version != data.version
            or filtered.mode != self.lane_mode
            or len(filtered.mask) != data.slot_count
        ):
            return False
        current = data.lanes(self.lane_mode)
        if len(current) != len(filtered.lanes) or any(
            a is not b for a, b in zip(current, filtered.lanes, strict=True)
        ):
            return False
        self._filtered.clear()
        self.filter_serial += 1
        self.filter_mask = filtered.mask
        self._filtered[filtered.mode] = filtered.subsets
        return True

    def _failed(self, error: str) -> None:
        self.load_error = error
        self.statusMessage.emit(f"The timeline could not read the events: {error.rstrip('.')}.")
        self.update()
        self._loading_changed()

    def _drop_data(self) -> None:
        self.overview.invalidate()  # it may hold counts of the old arrays
        self.data, self.filter_mask, self._frame = None, None, None
        self._filtered.clear()
        self._multi_cache = self._selection_cache = self._count_cache = None
        self.density_cache, self.strip_image = DensityCache(), StripImage()

    def _loading_changed(self) -> None:
        if self.loading != self._was_loading:
            self._was_loading = self.loading
            self.loadingChanged.emit(self.loading)
