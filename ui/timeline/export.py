"""Saving the current view: PNG (raster, at twice the screen resolution) and SVG (vector)."""

from __future__ import annotations

import os

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ui.timeline import render


def png(view, path: str | os.PathLike, ratio: float = 2.0) -> None:
    """Write the view as a PNG; raises OSError when the file cannot be written."""
    width, height = max(view.width(), 1), max(view.height(), 1)
    image = QImage(int(width * ratio), int(height * ratio), QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    view.render_image(image)
    if not image.save(os.fspath(path), "PNG"):
        raise OSError(f"cannot write {os.fspath(path)}")


def svg(view, path: str | os.PathLike) -> None:
    """Write the view as an SVG drawing; raises OSError when the file cannot be written."""
    width, height = max(view.width(), 1), max(view.height(), 1)
    generator = QSvgGenerator()
    generator.setFileName(os.fspath(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle("Annalist timeline")
    generator.setDescription("Events of the workspace as shown on the timeline.")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {os.fspath(path)}")
    try:
        view._relayout(QSize(width, height))
        frame = view.frame(width, height)
        render.paint(view, painter, frame, vector=True)
    finally:
        painter.end()
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(f"cannot write {os.fspath(path)}")
