"""Set up and run Annalist from a clean checkout: ``python3 tools/dev.py run|test|lint``.

- Creates ``.venv`` on first use (with the Python running this script, 3.11 or newer) and
  installs the project's dependencies; reinstalls when ``pyproject.toml`` changes.
- On Debian/Ubuntu, checks the system libraries Qt needs; as root it installs missing ones
  with apt-get, otherwise it prints the exact apt-get line to run.
- ``test`` runs ruff and then the whole pytest suite (extra arguments go to pytest).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".annalist-installed"

# What Qt needs even offscreen, plus fonts so text is not drawn as boxes, plus pdftotext /
# pdftoppm for reading briefing packs back in the tests.
QT_DEBS = [
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libxkbcommon0",
    "libdbus-1-3",
    "fonts-dejavu-core",
]
TEST_DEBS = ["poppler-utils"]
# A real window on X11 (and screenshots under Xvfb).
WINDOW_DEBS = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxkbcommon-x11-0",
]


def say(message: str) -> None:
    print(f"[annalist] {message}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def check_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run under an older python3
        sys.exit(
            f"Annalist needs Python 3.11 or newer; this is {sys.version.split()[0]}. "
            "Run this script with a newer python3."
        )


def missing_debs(packages: list[str]) -> list[str]:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system(packages: list[str]) -> None:
    missing = missing_debs(packages)
    if not missing:
        return
    line = "apt-get update && apt-get install -y " + " ".join(missing)
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing system packages: {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
        return
    sys.exit(f"Qt needs system packages that are missing. Run as root:\n  sudo {line}")


def ensure_venv() -> Path:
    check_python()
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV.name} with Python {sys.version.split()[0]}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("installing dependencies (first run or pyproject.toml changed)")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True
        )
        STAMP.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    extra = argv[1:]
    if command == "run":
        ensure_system(QT_DEBS + (WINDOW_DEBS if os.environ.get("DISPLAY") else []))
        python = ensure_venv()
        return subprocess.call([str(python), str(ROOT / "main.py"), *extra], cwd=ROOT)
    if command in ("test", "lint"):
        ensure_system(QT_DEBS + TEST_DEBS)
        python = ensure_venv()
        status = subprocess.call([str(python), "-m", "ruff", "check", str(ROOT)], cwd=ROOT)
        if status or command == "lint":
            return status
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.call([str(python), "-m", "pytest", "-q", *extra], cwd=ROOT, env=env)
    if command == "setup":
        ensure_system(QT_DEBS + TEST_DEBS)
        ensure_venv()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
