"""Running tasks on a Dask cluster: each task calls the outletsim binary on
a worker. outletsim writes every output beside its target and renames it
into place, so a task killed mid-way leaves nothing, and a retry (on
another worker) writes the same bytes. A task whose output exists is done."""
from __future__ import annotations

import ctypes
import functools
import os
import pathlib
import shutil
import signal
import subprocess
import time

from .tasks import Task


def _die_with_parent() -> None:
    """In the child: be killed when the worker that started it dies (Linux)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


@functools.cache
def _setpriv() -> str | None:
    """util-linux's setpriv if it can set the parent-death signal (2.33 and later).

    Asking it to, rather than running Python in the forked child, lets the
    worker start outletsim by vfork: about 5 ms less per task on a worker
    holding a few hundred MB."""
    path = shutil.which("setpriv")
    if path is None:
        return None
    try:
        usage = subprocess.run([path, "--help"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return path if "--pdeathsig" in usage else None


def _start(binary: str, arguments: list[str], root: pathlib.Path) -> subprocess.CompletedProcess:
    """Runs outletsim in `root`; it is killed if the worker dies first."""
    setpriv = _setpriv()
    if setpriv is not None:
        return subprocess.run([setpriv, "--pdeathsig", "KILL", "--", binary, *arguments], cwd=root, capture_output=True, text=True)
    return subprocess.run([binary, *arguments], cwd=root, capture_output=True, text=True, preexec_fn=_die_with_parent)


def is_done(task: Task, folder: pathlib.Path) -> bool:
    """The output is there (or, for optimize, the record that no plan meets the targets)."""
    return (folder / task.output).exists() or (folder / (task.output + ".unreachable")).exists()


def remove_abandoned(task: Task, root: pathlib.Path, before: float) -> None:
    """Removes what an earlier attempt of this task left half-written: OutletSim's
    temporary outputs (`.NAME.partial-PID`, marked as its own) beside the
    task's output, made before this attempt began. This attempt has written
    the output whole, so they can only be an abandoned attempt's (a killed
    worker's outletsim may outlive the scheduler's retry by a moment)."""
    output = root / task.output
    for entry in output.parent.glob(f".{output.name}.partial-*"):
        try:
            if entry.stat().st_mtime >= before:
                continue
            if entry.is_dir() and (entry / ".outletsim-partial").exists():
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.is_file() and entry.open("rb").read(8) == b"OSSHARD1":
                entry.unlink(missing_ok=True)
        except OSError:
            continue


def _write_shard_list(task: Task, root: pathlib.Path) -> None:
    """merge's list of shards, one per line, written whole before it runs."""
    path = root / task.arguments[task.arguments.index("--shard-list") + 1]
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    partial.write_text("".join(f"{shard}\n" for shard in task.shard_list), encoding="utf-8")
    partial.replace(path)


def run_task(task: Task, folder: str, binary: str, *dependencies: object) -> dict:
    """Runs one task in `folder` (on a worker); returns what it did.

    outletsim's statuses: 0 done; 1 for check means a target failed, which
    is a result, not a failure. 2 means outletsim refused an input: that is
    returned as "refused" with outletsim's located messages, never raised,
    so Dask does not retry it; the tasks that needed it are "skipped".
    Anything else (a crash, a full disk) raises, so Dask retries it."""
    root = pathlib.Path(folder)
    if any(isinstance(d, dict) and d.get("status") in ("refused", "skipped") for d in dependencies):
        return {"key": task.key, "status": "skipped", "seconds": 0.0}
    if is_done(task, root):
        remove_abandoned(task, root, time.time())
        return {"key": task.key, "status": "cached", "seconds": 0.0}
    (root / task.output).parent.mkdir(parents=True, exist_ok=True)
    if task.shard_list:
        _write_shard_list(task, root)
    began = time.time()
    start = time.monotonic()
    result = _start(binary, list(task.arguments), root)
    if task.kind == "optimize" and result.returncode == 1 and not (root / task.output).exists():
        # No plan within the bounds meets the targets: a result, kept as such.
        marker = root / (task.output + ".unreachable")
        partial = marker.with_name(marker.name + f".partial-{os.getpid()}")
        partial.write_text(result.stderr, encoding="utf-8")
        partial.replace(marker)
    ok = result.returncode == 0 or (task.kind in ("check", "optimize") and result.returncode == 1)
    # A scenario without targets (an outlet fitted from its log) has nothing to judge: check says so and writes an empty report.
    ok = ok or (task.kind == "check" and result.returncode == 2 and "found no targets" in result.stderr)
    if not ok and result.returncode == 2:
        return {"key": task.key, "status": "refused", "seconds": time.monotonic() - start,
                "messages": [line for line in result.stderr.splitlines() if line.strip()][-50:]}
    if not ok or not is_done(task, root):
        raise RuntimeError(f"{task.outlet}/{task.variant} {task.kind}: outletsim exited {result.returncode}\n{result.stderr[-2000:]}")
    remove_abandoned(task, root, began)
    return {"key": task.key, "status": "ran", "seconds": time.monotonic() - start, "worker_pid": os.getpid()}
