"""Building packs off the GUI thread, and previewing their pages as images.

QtPdf is not part of PySide6-Essentials 6.11, so pages are rendered to images: in-process with
pypdfium2 (a dependency: PDFium's renderer, BSD/Apache licensed, wheels for every platform the
app runs on), else with poppler's ``pdftoppm`` when it is on the PATH. Without either the
preview says so and offers to open the PDF in the system viewer.

:class:`BuildThread` builds with :func:`briefings.build_pack` on its own read-only connection
to the workspace (SQLite connections stay in the thread that made them), reports progress, can
be cancelled, and renders the first pages for the preview as they come; :class:`BuildPanel` is
the dialog's status line that runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefings import BuildCancelled, Pack, build_pack
from models.errors import AnnalistError
from models.store import Workspace

PREVIEW_PAGES = 40  # pages rendered for the preview; the rest are in the PDF
RENDER_SCALE = 1.5  # 108 dpi: sharp at 100 % on most screens
_PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe
_RUNNING: set = set()  # build threads alive (see BuildPanel.start)


class PreviewUnavailable(Exception):
    """Neither pypdfium2 nor pdftoppm is available to draw pages."""


def renderer_name() -> str | None:
    """Which renderer previews will use: "pypdfium2", "pdftoppm" or None."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return "pdftoppm" if shutil.which("pdftoppm") else None
    return "pypdfium2"


def render_pages(path: Path, count: int, scale: float = RENDER_SCALE) -> Iterator[QImage]:
    """The first ``count`` pages of the PDF at ``path`` as images (any thread)."""
    name = renderer_name()
    if name == "pypdfium2":
        yield from _render_pdfium(path, count, scale)
    elif name == "pdftoppm":
        yield from _render_pdftoppm(path, count, scale)
    else:
        raise PreviewUnavailable(
            "Pages cannot be previewed here (neither pypdfium2 nor pdftoppm is installed); "
            "open the PDF to see it."
        )


def _render_pdfium(path: Path, count: int, scale: float) -> Iterator[QImage]:
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            for index in range(min(count, len(document))):
                bitmap = document[index].render(scale=scale, rev_byteorder=True)
                fmt = (
                    QImage.Format.Format_RGB888
                    if bitmap.n_channels == 3
                    else QImage.Format.Format_RGBA8888
                )
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt
                )
                yield image.copy()  # own the pixels before PDFium frees them
        finally:
            document.close()


def _render_pdftoppm(path: Path, count: int, scale: float) -> Iterator[QImage]:
    with tempfile.TemporaryDirectory(prefix="annalist-preview-") as folder:
        for index in range(1, count + 1):
            prefix = Path(folder) / f"p{index}"
            done = subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    str(int(72 * scale)),
                    "-f",
                    str(index),
                    "-l",
                    str(index),
                    "-singlefile",
                    str(path),
                    str(prefix),
                ],
                capture_output=True,
                timeout=60,
            )
            image = QImage(str(prefix) + ".png")
            if done.returncode != 0 or image.isNull():
                return  # past the last page
            yield image


class BuildThread(QThread):
    """One build (and preview rendering) in the background.

    Signals arrive in the GUI thread: ``progressed(fraction, message)``, ``page_ready(index,
    image)``, then exactly one of ``built(BuildResult)``, ``failed(message)`` or ``cancelled()``.
    """

    progressed = Signal(float, str)
    page_ready = Signal(int, QImage)
    built = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, workspace_path: Path, pack: Pack, output: Path, *, preview_pages: int = 0, parent=None
    ):
        super().__init__(parent)
        self.workspace_path = Path(workspace_path)
        self.pack = pack
        self.output = Path(output)
        self.preview_pages = preview_pages
        self._stop = threading.Event()
        self.result = None

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:  # the worker thread
        try:
            with Workspace.open(self.workspace_path, create=False, readonly=True) as ws:
                self.result = build_pack(
                    ws, self.pack, self.output, progress=self.progressed.emit, cancel=self._stop
                )
            if self.preview_pages:
                self.progressed.emit(1.0, "Drawing the preview")
                try:
                    for index, image in enumerate(render_pages(self.output, self.preview_pages)):
                        if self._stop.is_set():
                            raise BuildCancelled("cancelled")
                        self.page_ready.emit(index, image)
                except PreviewUnavailable as error:
                    self.result.warnings.append(str(error))
        except BuildCancelled:
            self.cancelled.emit()
            return
        except AnnalistError as error:
            self.failed.emit(str(error))
            return
        except OSError as error:
            self.failed.emit(f"The pack could not be written: {error.strerror or error}.")
            return
        except Exception as error:  # a bug must not take the app down with it
            self.failed.emit(f"The pack could not be built ({type(error).__name__}: {error}).")
            return
        self.built.emit(self.result)


class PreviewPane(QWidget):
    """Rendered pages, one under another, with zoom and a way out to the PDF viewer."""

    ZOOMS = (("Fit width", 0.0), ("50 %", 0.5), ("75 %", 0.75), ("100 %", 1.0), ("150 %", 1.5))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._images: dict[int, QImage] = {}
        self._labels: list[QLabel] = []
        self.pdf_path: Path | None = None
        self.total_pages = 0

        self.zoom = QComboBox()
        for text, _ in self.ZOOMS:
            self.zoom.addItem(text)
        self.zoom.setToolTip("Zoom of the preview pages")
        self.zoom.currentIndexChanged.connect(self._rescale)
        self.info = QLabel("Build a preview to see the pages here.")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open in PDF Viewer")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_pdf)

        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(QLabel("Zoom:"))
        top.addWidget(self.zoom)
        top.addWidget(self.open_button)

        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self.pages.setStyleSheet("#previewPages { background: #7d848c; }")
        self.column = QVBoxLayout(self.pages)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)

    def clear(self, message: str = "") -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels.clear()
        self._images.clear()
        self.total_pages = 0
        self.pdf_path = None
        self.open_button.setEnabled(False)
        self.info.setText(message)

    def set_pdf(self, path: Path, pages: int) -> None:
        self.pdf_path = Path(path)
        self.total_pages = pages
        self.open_button.setEnabled(True)
        self._update_info()

    def add_page(self, index: int, image: QImage) -> None:
        self._images[index] = image
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        label.setAccessibleName(f"Page {index + 1}")
        label.setProperty("page", index)
        self.column.addWidget(label)
        self._labels.append(label)
        self._scale(label, image)
        self._update_info()

    @property
    def shown_pages(self) -> int:
        return len(self._labels)

    def _update_info(self) -> None:
        shown, total = self.shown_pages, self.total_pages
        if total and shown < total:
            self.info.setText(f"Showing {shown} of {total} pages; the PDF has them all.")
        elif total:
            self.info.setText(f"{total} page{'s' if total != 1 else ''}.")

    def _factor(self, image: QImage) -> float:
        _, zoom = self.ZOOMS[max(0, self.zoom.currentIndex())]
        if zoom:
            return zoom / (72 * 1.5 / 96)  # images are 108 dpi; 100 % is 96 dpi on screen
        room = self.scroll.viewport().width() - 40
        return max(0.1, room / max(1, image.width()))

    def _scale(self, label: QLabel, image: QImage) -> None:
        factor = self._factor(image)
        size = QSize(int(image.width() * factor), int(image.height() * factor))
        pixmap = QPixmap.fromImage(image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        label.setPixmap(pixmap)
        label.setFixedSize(pixmap.size())

    def _rescale(self) -> None:
        for label in self._labels:
            self._scale(label, self._images[label.property("page")])

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self.zoom.currentIndex() == 0:
            self._rescale()

    def open_pdf(self) -> None:
        if self.pdf_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))


class BuildPanel(QWidget):
    """The build status line: progress with Cancel while a build runs; after it, what was made
    with Open PDF and Open Containing Folder. One build at a time.

    ``finished(result)`` is emitted after each build with the BuildResult, or None when the
    build failed or was cancelled.
    """

    finished = Signal(object)

    def __init__(self, workspace_path: Path, parent=None):
        super().__init__(parent)
        self.workspace_path = Path(workspace_path)
        self.thread: BuildThread | None = None
        self.preview: PreviewPane | None = None
        self.last_output: Path | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setVisible(False)
        self.cancel_button = QPushButton("Cancel Build")
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("Open PDF")
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button = QPushButton("Open Containing Folder")
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.cancel_button, self.open_button, self.folder_button):
            button.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        for widget in (self.bar, self.cancel_button, self.open_button, self.folder_button):
            row.addWidget(widget)

    @property
    def running(self) -> bool:
        return self.thread is not None

    def say(self, text: str) -> None:
        self.status.setText(text)

    def start(self, pack: Pack, output: Path, *, preview: PreviewPane | None = None) -> bool:
        """Build ``pack`` into ``output`` (and show its pages in ``preview``); False if busy."""
        if self.thread is not None:
            return False
        self.preview = preview
        for button in (self.open_button, self.folder_button):
            button.setVisible(False)
        if preview is not None:
            preview.clear("Building the preview…")
        thread = BuildThread(
            self.workspace_path,
            pack,
            output,
            preview_pages=PREVIEW_PAGES if preview is not None else 0,
        )
        # The thread has no parent: if the dialog goes away mid-build, the thread is told to stop
        # and lives on (held here) until it has, instead of being destroyed while running.
        _RUNNING.add(thread)
        thread.finished.connect(lambda: _RUNNING.discard(thread))
        self.destroyed.connect(thread.cancel)
        thread.progressed.connect(self._progressed)
        thread.page_ready.connect(self._page_ready)
        thread.built.connect(self._built)
        thread.failed.connect(self._failed)
        thread.cancelled.connect(self._cancelled)
        thread.finished.connect(self._thread_done)
        self.thread = thread
        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.say("Building…")
        thread.start()
        return True

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.say("Cancelling…")

    def stop(self, wait_ms: int = 10_000) -> None:
        """Cancel a running build and wait for its thread (when the dialog closes)."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait(wait_ms)

    def _progressed(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        self.say(message)

    def _page_ready(self, index: int, image: QImage) -> None:
        if self.preview is not None:
            self.preview.add_page(index, image)

    def _built(self, result) -> None:
        notes = " ".join(result.warnings)
        if self.preview is not None:
            self.preview.set_pdf(result.path, result.pages)
            self.say(
                f"Preview: {result.pages} pages, {result.events:,} events, built in "
                f"{result.seconds:.1f} s. {notes}".strip()
            )
        else:
            self.last_output = result.path
            self.say(
                f"Saved {result.path.name}: {result.pages} pages, {result.events:,} events. "
                f"{notes}".strip()
            )
            self.open_button.setVisible(True)
            self.folder_button.setVisible(True)
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.say(message)
        if self.preview is not None:
            self.preview.clear(message)
        QMessageBox.warning(self.window(), "Briefing Pack", message)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self.say("Build cancelled; nothing was written.")
        if self.preview is not None:
            self.preview.clear("Preview cancelled.")
        self.finished.emit(None)

    def _thread_done(self) -> None:
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.thread = None

    def open_pdf(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output)))

    def open_folder(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output.parent)))
