"""Who holds a workspace's locks, so "busy" can name the program to close.

SQLite takes POSIX advisory locks on the database file and its ``-shm``/``-wal`` files. On
Linux ``/proc/locks`` lists them with the holder's process id; elsewhere we cannot tell and
the caller says "another program".
"""

from __future__ import annotations

import os
from pathlib import Path


def holders(path: str | os.PathLike) -> list[str]:
    """Names like ``"python3 (process 4242)"`` of other processes locking ``path``."""
    path = Path(path)
    inodes = set()
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        try:
            stat = candidate.stat()
        except OSError:
            continue
        inodes.add((os.major(stat.st_dev), os.minor(stat.st_dev), stat.st_ino))
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    pids = []
    for line in lines:
        fields = line.split()
        # "1: POSIX  ADVISORY  WRITE 4242 08:01:123456 1073741824 1073741824"
        if len(fields) < 6 or fields[1] == "->":
            continue
        try:
            pid = int(fields[4])
            major, minor, inode = fields[5].split(":")
            key = (int(major, 16), int(minor, 16), int(inode))
        except ValueError:
            continue
        if key in inodes and pid != os.getpid() and pid not in pids:
            pids.append(pid)
    return [f"{_program(pid)} (process {pid})" for pid in pids]


def _program(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip() or "a program"
    except OSError:
        return "a program"
