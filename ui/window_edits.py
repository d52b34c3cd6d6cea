"""The main window's editing commands (a mixin of :class:`ui.main_window.MainWindow`):
events, actors and sources — new, edit, delete, merge, and filtering by the selection."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QMessageBox

from models import operations as ops
from models import queries
from ui.commands import USER_ERRORS


def _confirm(parent, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class EditsMixin:
    # ------------------------------------------------------------------ events

    def edit_event(self, event_id: int) -> None:
        if self.document is None:
            return
        self.document.set_selection([event_id])
        self._show_details()

    def edit_selected(self) -> None:
        if self.document is not None and self.document.selection:
            self._show_details()

    def _show_details(self) -> None:
        self.docks["Details"].show()
        self.docks["Details"].raise_()
        self.editor.focus_first_field()

    def new_event(self) -> None:
        if self.document is None:
            return
        change = self.document.execute(ops.add_event, "New event", dt.date.today().isoformat())
        if change is not None and change.first_added("events") is not None:
            self.clear_filter()
            event_id = change.first_added("events")
            self.document.set_selection([event_id])  # the table selects it once its row loads
            self.edit_selected()

    def delete_selected(self) -> None:
        if self.document is None or not self.document.selection:
            return
        ids = self.document.selection
        what = "this event" if len(ids) == 1 else f"these {len(ids):,} events"
        if not _confirm(
            self,
            "Delete Events",
            f"Delete {what}? Their links to actors and sources go too; you can undo this with Edit > Undo.",
        ):
            return
        if self.document.execute(ops.delete_events, ids) is not None:
            self.document.set_selection([])

    # ------------------------------------------------------------------ actors

    def edit_actor(self, actor_id: int | None = None) -> None:
        from ui.editors.actor_dialog import ActorDialog, actor_by_id

        if self.document is None:
            return
        if actor_id is None:
            ids = self.actors_panel.selected_ids()
            if not ids:
                return
            actor_id = ids[0]
        actor = actor_by_id(self.document, actor_id)
        if actor is not None:
            ActorDialog(self.document, actor, self).exec()

    def new_actor(self) -> None:
        from ui.editors.actor_dialog import ActorDialog

        if self.document is None:
            return
        dialog = ActorDialog(self.document, None, self)
        if dialog.exec() and dialog.actor_id is not None:
            self.actors_panel.select_id(dialog.actor_id)

    def merge_actors(self) -> None:
        from ui.editors.actor_dialog import MergeActorsDialog, actor_by_id

        ids = self.actors_panel.selected_ids()
        if self.document is None or len(ids) < 2:
            self.info("Merge Actors", "Select two or more actors in the Actors list to merge them.")
            return
        actors = [a for a in (actor_by_id(self.document, i) for i in ids) if a is not None]
        MergeActorsDialog(self.document, actors, self).exec()

    def delete_actors(self) -> None:
        ids = self.actors_panel.selected_ids()
        if self.document is None or not ids:
            return
        if _confirm(
            self,
            "Delete Actors",
            f"Delete {'this actor' if len(ids) == 1 else f'these {len(ids)} actors'}? Their events stay, "
            "without them; you can undo this with Edit > Undo.",
        ):
            self.document.execute(ops.delete_actors, ids)

    def filter_by_selected_actors(self) -> None:
        ids = self.actors_panel.selected_ids()
        if self.document is not None and ids:
            self.set_filter(dataclasses.replace(self.document.filter, actor_ids=tuple(ids)))

    # ------------------------------------------------------------------ sources

    def show_source(self, source_id: int, start: int = -1, end: int = -1) -> None:
        self.docks["Sources"].show()
        self.docks["Sources"].raise_()
        self.sources_panel.show_source(source_id, start, end)

    def edit_source(self) -> None:
        from ui.editors.actor_dialog import SourceDialog

        ids = self.sources_panel.selected_ids()
        if self.document is None or not ids:
            return
        try:
            source = queries.get_source(self.document.ws, ids[0])
        except USER_ERRORS as error:
            self.warn("Edit Source", str(error))
            return
        SourceDialog(self.document, source, self).exec()

    def delete_sources(self) -> None:
        ids = self.sources_panel.selected_ids()
        if self.document is None or not ids:
            return
        if _confirm(
            self,
            "Delete Sources",
            "Delete the selected sources? Events that cite them stay, without the citations; "
            "you can undo this with Edit > Undo.",
        ):
            self.document.execute(ops.delete_sources, ids)

    def filter_by_selected_source(self) -> None:
        ids = self.sources_panel.selected_ids()
        if self.document is not None and ids:
            self.set_filter(dataclasses.replace(self.document.filter, source_id=ids[0]))
