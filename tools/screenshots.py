"""Screenshots of the "Done means" walk-through, in the light and the dark palette.

    xvfb-run -a -s "-screen 0 1600x900x24" python tools/screenshots.py [--out screenshots]

A new user opens the app (the default workspace with the demo events), finds events by
searching, changes one, undoes it, filters by an actor and opens another workspace; plus
the date field refusing a bad date, the actor editor, preferences and About. Under Xvfb
(the xcb platform) the whole screen is captured, menus and pop-ups included; offscreen, each
window is rendered on its own. Nothing here touches the user's real settings or workspaces.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_themes(walk_through, default_out: Path, prefix: str) -> int:
    """Parse ``--out``/``--themes``, make the app (offscreen without a display, demo data in a
    scratch folder) and call ``walk_through(app, theme, out, folder)`` once per theme."""
    parser = argparse.ArgumentParser(
        description=(sys.modules["__main__"].__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--themes", default="light,dark")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["ANNALIST_DATA_DIR"] = str(scratch / "data")
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ui import settings
    from ui.app import make_app

    app = make_app(test_mode=True)
    settings.store().clear()
    for theme in args.themes.split(","):
        out = args.out / theme
        out.mkdir(parents=True, exist_ok=True)
        walk_through(app, theme, out, scratch / theme)
        print(f"wrote {len(list(out.glob('*.png')))} screenshots to {out}")
    return 0


def main() -> int:
    return run_themes(walk_through, ROOT / "screenshots", "annalist-shots-")


def walk_through(app, theme: str, out: Path, folder: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication

    from models import queries
    from ui import settings
    from ui.app import create_window
    from ui.theme import apply_theme

    folder.mkdir(parents=True, exist_ok=True)
    settings.store().clear()
    settings.set_value(settings.THEME, theme)
    apply_theme(app, theme)
    full_screen = QGuiApplication.platformName() == "xcb"

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, widget=None) -> None:
        settle()
        target = widget or window
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0) if full_screen else target.grab()
        image.save(str(out / f"{name}.png"))

    # 1. Open the app: the default workspace with the demo events.
    window = create_window(None)
    window.move(0, 0)
    window.resize(1600, 900)
    window.show()
    window.raise_()
    window.activateWindow()
    shot("01-open-demo")

    # 2. Find events: search as you type.
    window.filter_bar.focus_search()
    window.filter_bar.search.setText("Mariupol")
    window.filter_bar.search.textEdited.emit("Mariupol")
    settle(0.6)
    window.table.selectRow(0)
    shot("02-search-and-select")

    # 3. Change one: edit its title in the Details editor; the Edit menu names the undo.
    event_id = window.document.selection[0]
    title = window.editor.title.text()
    window.editor.title.setFocus()
    window.editor.title.setText(title + " (confirmed)")
    window.editor.title.editingFinished.emit()
    window.table.setFocus()
    settle()
    edit_menu = _menu(window, "&Edit")
    edit_menu.popup(window.mapToGlobal(QPoint(48, 22)))
    shot("03-edited-title-edit-menu")
    edit_menu.close()
    assert queries.get_event(window.ws, event_id).title.endswith("(confirmed)")

    # 4. Undo it.
    window.actions.by_name["undo"].trigger()
    settle()
    edit_menu.popup(window.mapToGlobal(QPoint(48, 22)))
    shot("04-undone-edit-menu")
    edit_menu.close()
    assert queries.get_event(window.ws, event_id).title == title

    # 5. A bad date is refused in place, with the forms Annalist accepts.
    window.editor.when.line.setFocus()
    window.editor.when.line.setText("14/11/2024")
    window.editor.when.line.textEdited.emit("14/11/2024")
    shot("05-invalid-date")
    window.editor.when.set_stored(window.editor.when._stored)

    # 6. Filter by an actor (the filter applies to the table and the timeline alike).
    window.clear_filter()
    settle()
    button = window.filter_bar.actors
    if full_screen:  # a pop-up shows only on a real (virtual) screen
        button.menu().popup(button.mapToGlobal(QPoint(0, button.height())))
        button.search.setText("ukr")
        shot("06-actor-filter-popup")
        button.menu().close()
    ukraine = queries.find_actor(window.ws, "Ukraine")
    window.actors_panel.select_id(ukraine.id)
    window.filter_by_selected_actors()
    settle(0.6)
    shot("07-filtered-by-actor")

    # 7. Actor editor and merge (from the Actors dock).
    from ui.editors.actor_dialog import ActorDialog

    dialog = ActorDialog(window.document, queries.get_actor(window.ws, ukraine.id), window)
    dialog.show()
    dialog.move(window.geometry().center() - dialog.rect().center())
    shot("08-actor-editor", dialog)
    dialog.reject()

    # 8. Open another workspace: Open Recent lists it afterwards.
    other = folder / "Sahel watch.annalist"
    _other_workspace(other)
    window.open_workspace(other)
    settle(0.6)
    file_menu = _menu(window, "&File")
    file_menu.popup(window.mapToGlobal(QPoint(4, 22)))
    settle()
    recent = window.actions.recent_menu
    if full_screen:
        recent.popup(
            file_menu.mapToGlobal(
                QPoint(file_menu.width(), file_menu.actionGeometry(recent.menuAction()).top())
            )
        )
    shot("09-other-workspace-open-recent")
    recent.close()
    file_menu.close()

    # 9. Preferences and About.
    from ui.dialogs import AboutDialog, PreferencesDialog

    for name, dialog in (
        ("10-preferences", PreferencesDialog(window)),
        ("11-about", AboutDialog(str(window.ws.path), window)),
    ):
        dialog.show()
        dialog.move(window.geometry().center() - dialog.rect().center())
        shot(name, dialog)
        dialog.reject()

    # 10. Several events selected: shared fields, one undo step.
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.event_model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    shot("12-several-selected")
    window.close()
    settle()


def _menu(window, title: str):
    for action in window.menuBar().actions():
        if action.text() == title:
            return action.menu()
    raise LookupError(title)


def _other_workspace(path: Path) -> None:
    """A second, smaller workspace to open (made with the synthetic generator)."""
    if path.exists():
        return
    from benchmarks.synth import make_workspace

    make_workspace(path, events=2_000, actors=12, seed=3)


if __name__ == "__main__":
    sys.exit(main())
