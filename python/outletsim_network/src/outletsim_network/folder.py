"""The network's results folder, marked as OutletSim marks its own: a
`.outletsim-folder` file (format `outletsim-network`) that lists the files
the network package wrote at the top of the folder, with their sizes. The
package writes into a folder only when it is new, empty or so marked, and
only when it holds nothing else: no name it did not write, no file of its
own that someone changed since. `tasks/` and `variants/` are its working
folders; what outletsim writes inside them carries outletsim's own marks."""
from __future__ import annotations

import json
import os
import pathlib
import stat

MARK = ".outletsim-folder"
FORMAT = "outletsim-network"
WORKING = ("tasks", "variants")
MOST_SHOWN = 10


class FolderRefused(Exception):
    """The --out folder cannot be used; the message says what was found and what is allowed."""


def _listed(out: pathlib.Path) -> dict[str, int] | None:
    """The files the mark lists, None when the folder has no network mark."""
    path = out / MARK
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > 1 << 20:
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT or not isinstance(document.get("files"), dict):
        return None
    files = document["files"]
    if not all(isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in files.items()):
        return None
    return files


def check(out: pathlib.Path, shown: str) -> None:
    """Raises FolderRefused unless `out` is new, empty, or the network's own with nothing foreign in it."""
    allowed = "allowed: a new folder, an empty one, or a network results folder holding only what outletsim-network wrote"
    try:
        info = out.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise FolderRefused(f"--out {shown}: found a path that cannot be used ({error.strerror}); {allowed}")
    if stat.S_ISLNK(info.st_mode):
        raise FolderRefused(f"--out {shown}: found a symbolic link, which outletsim-network will not follow or replace; {allowed}")
    if not stat.S_ISDIR(info.st_mode):
        raise FolderRefused(f"--out {shown}: found a file; {allowed}")
    names = sorted(os.listdir(out))
    if not names:
        return
    listed = _listed(out)
    if listed is None:
        other = "an OutletSim results folder of another command" if (out / MARK).exists() else \
            f"a folder that outletsim-network did not write (it has no {MARK} marking it as a network's)"
        raise FolderRefused(f"--out {shown}: found {other}; {allowed}")
    foreign = []
    for name in names:
        if name == MARK or name.startswith(".") and ".partial" in name:
            continue
        entry = out / name
        entry_info = entry.lstat()
        if name in WORKING and stat.S_ISDIR(entry_info.st_mode):
            continue
        if name not in listed or not stat.S_ISREG(entry_info.st_mode):
            foreign.append(name + "/" if stat.S_ISDIR(entry_info.st_mode) else name)
        elif entry_info.st_size != listed[name]:
            foreign.append(f"{name} (changed since outletsim-network wrote it)")
    if foreign:
        more = f" and {len(foreign) - MOST_SHOWN} more" if len(foreign) > MOST_SHOWN else ""
        raise FolderRefused(f"--out {shown}: found a network results folder that also holds what outletsim-network did not write: "
                            f"{', '.join(foreign[:MOST_SHOWN])}{more}; allowed: a network results folder holding only its own files "
                            "(move the others out first), or a new folder")


def _write_mark(out: pathlib.Path, network: str, files: dict[str, int]) -> None:
    partial = out / f".{MARK}.partial-{os.getpid()}"
    document = {"format": FORMAT, "version": 1, "network": network, "files": dict(sorted(files.items()))}
    partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(out / MARK)


def claim(out: pathlib.Path, network: str) -> list[pathlib.Path]:
    """Creates `out` if need be and marks it as the network's, keeping the
    files already listed; returns the folders it created (for clean-up)."""
    created = []
    above = out
    while not above.exists():
        created.append(above)
        above = above.parent
    out.mkdir(parents=True, exist_ok=True)
    _write_mark(out, network, _listed(out) or {})
    return created


def write(out: pathlib.Path, network: str, files: dict[str, bytes]) -> None:
    """Writes each file whole (beside it, then renamed) and lists it in the mark."""
    listed = _listed(out) or {}
    for name, data in files.items():
        partial = out / f".{name}.partial-{os.getpid()}"
        partial.write_bytes(data)
        partial.replace(out / name)
        listed[name] = len(data)
    _write_mark(out, network, listed)


def remove_created(created: list[pathlib.Path]) -> None:
    """Removes the folders `claim` created, deepest first, while they hold
    only the network's mark (read and recognised, not taken by its name)."""
    for folder in created:
        try:
            if [p.name for p in folder.iterdir()] == [MARK] and _listed(folder) is not None:
                (folder / MARK).unlink()
            folder.rmdir()
        except OSError:
            return
