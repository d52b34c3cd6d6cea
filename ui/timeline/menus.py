"""Context menus of the timeline: on a lane header (collapse, reorder, hide lanes) and on the
plot (edit, fit, lane mode, export)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ui.timeline import style

MODES = (("actor", "Lanes by &Actor"), ("tag", "Lanes by &Tag"), ("single", "&Single Lane"))


def context_menu(view, pos: QPointF, global_pos: QPoint) -> None:
    menu = QMenu(view)
    lane = view.lane_at(pos.y())
    if pos.x() < style.GUTTER_W and lane is not None:
        _lane_actions(view, menu, lane)
    else:
        item = view.item_at(pos)
        if item is not None:
            menu.addAction("&Edit Event…", lambda: view.editRequested.emit(item.event_id))
            menu.addSeparator()
        menu.addAction("Fit &All\tHome", view.fit_all)
        fit = menu.addAction("Fit &Selection\tF", view.fit_selection)
        fit.setEnabled(bool(view.selected_ids()))
        menu.addSeparator()
        group = QActionGroup(menu)
        for mode, text in MODES:
            action = QAction(text, menu, checkable=True, checked=view.lane_mode == mode)
            action.triggered.connect(lambda _checked=False, m=mode: view.set_lane_mode(m))
            group.addAction(action)
            menu.addAction(action)
        if view.hidden_lanes():
            menu.addAction(
                f"Show All Lanes ({len(view.hidden_lanes())} hidden)",
                lambda: view.set_hidden_lanes(()),
            )
        menu.addSeparator()
        menu.addAction("Export View as &PNG…", lambda: _export(view, "png"))
        menu.addAction("Export View as S&VG…", lambda: _export(view, "svg"))
    menu.exec(global_pos)


def _lane_actions(view, menu: QMenu, lane) -> None:
    key = lane.lane.key
    keys = view.lane_keys()
    position = keys.index(key) if key in keys else 0
    menu.addAction(
        "&Expand" if lane.collapsed else "&Collapse",
        lambda: view.set_collapsed(key, not lane.collapsed),
    )
    menu.addAction("Collapse All Lanes", lambda: _collapse_all(view, True))
    menu.addAction("Expand All Lanes", lambda: _collapse_all(view, False))
    menu.addSeparator()
    up = menu.addAction("Move &Up", lambda: view.move_lane(key, position - 1))
    up.setEnabled(position > 0)
    down = menu.addAction("Move &Down", lambda: view.move_lane(key, position + 1))
    down.setEnabled(position < len(keys) - 1)
    menu.addAction("Move to &Top", lambda: view.move_lane(key, 0))
    menu.addAction("Move to &Bottom", lambda: view.move_lane(key, len(keys)))
    menu.addSeparator()
    menu.addAction("&Hide This Lane", lambda: view.set_hidden_lanes(view.hidden_lanes() | {key}))
    menu.addAction("Show &Only This Lane", lambda: view.set_hidden_lanes(set(keys) - {key}))
    shown = menu.addAction("&Show All Lanes", lambda: view.set_hidden_lanes(()))
    shown.setEnabled(bool(view.hidden_lanes()))


def _collapse_all(view, collapsed: bool) -> None:
    for key in view.lane_keys():
        view._collapsed.setdefault(view.lane_mode, set())
        (
            view._collapsed[view.lane_mode].add
            if collapsed
            else view._collapsed[view.lane_mode].discard
        )(key)
    view._relayout()
    view.update()


def _export(view, kind: str) -> None:
    label = "PNG image (*.png)" if kind == "png" else "SVG drawing (*.svg)"
    path, _ = QFileDialog.getSaveFileName(view, "Export Timeline View", f"timeline.{kind}", label)
    if not path:
        return
    if not path.lower().endswith("." + kind):
        path += "." + kind
    try:
        (view.export_png if kind == "png" else view.export_svg)(path)
    except OSError as error:
        QMessageBox.warning(
            view, "Export", f"The view could not be saved to {path}: {error.strerror or error}."
        )
        return
    view.statusMessage.emit(f"Saved the timeline view to {path}.")
