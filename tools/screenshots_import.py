"""Screenshots of article import, in the light and the dark palette.

    xvfb-run -a -s "-screen 0 1600x900x24" python tools/screenshots_import.py [--out screenshots]

The default workspace (the demo events) in the main window; a realistic wire article
(the Israel–Hezbollah ceasefire, 27 Nov 2024) dropped on it: progress, the review dialog
with a look-alike of a demo event, merging it, a date refused in place, an undated article
asking for its publication date, the same article dropped again, a queue's import report,
and the window after the import. Under Xvfb the whole screen is captured; offscreen, each
dialog is rendered on its own. Nothing here touches real settings or workspaces.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    sys.path.insert(0, str(ROOT / "tools"))
    from screenshots import run_themes

    return run_themes(walk_through, ROOT / "screenshots" / "import", "annalist-import-shots-")


def walk_through(app, theme: str, out: Path, folder: Path) -> None:
    from PySide6.QtCore import QMimeData, Qt, QUrl
    from PySide6.QtGui import QGuiApplication

    import ingest
    from tests.ingest import readers_fixtures as F
    from tests.ui import import_samples as articles
    from ui import settings
    from ui.app import create_window
    from ui.import_flow import ImportFlow, ProgressDialog, ReportDialog
    from ui.import_table import DATE, DateEditor
    from ui.theme import apply_theme

    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ANNALIST_DATA_DIR"] = str(folder / "data")  # a fresh demo workspace each
    settings.store().clear()
    settings.set_value(settings.THEME, theme)
    apply_theme(app, theme)
    full_screen = QGuiApplication.platformName() == "xcb"
    files = articles.make_all(folder / "articles")

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait_for(condition, seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the import")
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, widget) -> None:
        settle()
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0) if full_screen else widget.grab()
        image.save(str(out / f"{name}.png"))
        if full_screen and widget is not window:
            widget.grab().save(str(out / f"{name}_dialog.png"))

    def drop(paths=None, mime=None):
        if mime is None:
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        window.handle_drop(mime)
        flows = window.findChildren(ImportFlow)
        return [f for f in flows if f.running][-1]

    def review_of(flow):
        wait_for(lambda: flow.dialog is not None)
        settle(0.4)
        return flow.dialog

    window = create_window(None)
    window.move(0, 0)
    window.resize(1600, 900)
    window.show()
    settle(1.0)

    # 1. Three files dropped: progress while the first is being prepared.
    release = threading.Event()
    real_extract = ingest.extract

    def held_extract(text, published=None, actors=None):
        release.wait(10)
        return real_extract(text, published=published, actors=actors)

    ingest.extract = held_extract
    kharkiv = folder / "kharkiv-strikes.txt"
    kharkiv.write_text(F.ARTICLE_TITLE + "\n\n" + F.ARTICLE_TEXT, encoding="utf-8")
    broken = folder / "sitrep-final.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a Word document")
    flow = drop([files["html"], kharkiv, broken])
    progress = window.findChild(ProgressDialog)
    wait_for(lambda: progress.isVisible())
    shot("01_progress", progress)
    release.set()
    ingest.extract = real_extract

    # 2. The review: the article highlighted, proposals, a look-alike of a demo event.
    dialog = review_of(flow)
    shot("02_review", dialog)
    first = dialog.model.proposals[0]
    if first.similar:
        dialog.table.selectRow(0)
        shot("03_possible_duplicate", dialog)
        dialog.proposals.merge_button.click()
        shot("04_merged", dialog)
    # 3. A date typed wrongly is refused in place.
    row = next(
        (r for r, p in enumerate(dialog.model.proposals) if "yesterday" in p.quote),
        min(1, dialog.model.rowCount() - 1),
    )
    index = dialog.model.index(row, DATE)
    dialog.table.selectRow(row)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.findChild(DateEditor)
    editor.setText("31 Nov 2024")
    settle(0.1)
    from PySide6.QtTest import QTest

    QTest.keyClick(editor, Qt.Key.Key_Return)
    shot("05_date_refused", dialog)
    editor.setText("2024-11-26")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    settle(0.2)
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("B"))
    dialog.import_button.click()
    # The next in the queue opens; accept the rest as proposed, then the report.
    second = review_of(flow)
    shot("06_second_in_queue", second)
    second.accept_all_button.click()
    wait_for(lambda: not flow.running)
    report = window.findChild(ReportDialog)
    if report is not None:
        shot("07_report", report)
        report.close()
    settle(0.5)
    shot("08_window_after_import", window)

    # 4. An undated article asks for its publication date; typing it dates 'yesterday'.
    undated = articles.make_txt(folder / "undated-notes.txt", articles.UNDATED, title=None)
    flow = drop([undated])
    dialog = review_of(flow)
    shot("09_undated", dialog)
    dialog.published_edit.setFocus()
    QTest.keyClicks(dialog.published_edit, "28 Nov 2024")
    wait_for(lambda: not dialog.reextracting())
    settle(0.5)
    shot("10_undated_dated", dialog)
    dialog.reject()
    wait_for(lambda: not flow.running)

    # 5. The same article again (saved as a web archive this time).
    flow = drop([files["mhtml"]])
    dialog = review_of(flow)
    shot("11_duplicate", dialog)
    dialog.reject()
    wait_for(lambda: not flow.running)
    report = window.findChild(ReportDialog)
    if report is not None:
        report.close()

    # 6. A dropped web address.
    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example.com/world/lebanon-ceasefire")])
    mime.setText("https://news.example.com/world/lebanon-ceasefire")
    flow = drop(mime=mime)
    wait_for(lambda: not flow.running)
    report = window.findChild(ReportDialog)
    if report is not None:
        shot("12_web_address", report)
        report.close()
    window.close()
    settle(0.2)


if __name__ == "__main__":
    sys.exit(main())
