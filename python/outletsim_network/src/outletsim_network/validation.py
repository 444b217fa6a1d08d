"""Every outlet's inputs checked by outletsim before any task is scheduled:
scenario and plan files by `outletsim validate --json` (which also says which
files each one reads, for the tasks' keys), demand-scaled variants as
written, and queue-system logs with their column mappings by
`outletsim fit --validate-only`. All problems come back at once, each
located as outletsim locates it, so a bad network never reaches the cluster."""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import pathlib
import subprocess
import tempfile

from .network import Network, Outlet, Problem, Variant, read_bounded
from .tasks import variant_text

# Files per `outletsim validate` call: far below any command-line limit.
BATCH = 200


def _relative(path: pathlib.Path) -> str:
    """A path as a user reads it: relative to the current folder when below it."""
    try:
        return str(path.relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)


def _validate(binary: str, files: list[str]) -> list[dict]:
    result = subprocess.run([binary, "validate", "--json", *files], capture_output=True, text=True)
    try:
        document = json.loads(result.stdout)
        return document["files"]
    except (ValueError, KeyError, TypeError):
        message = (result.stderr.strip() or f"outletsim validate exited {result.returncode}").splitlines()[-1]
        return [{"file": f, "valid": False, "reads": [], "problems": [{"message": f"{f}: error: {message}"}]} for f in files]


def _validate_all(pool: concurrent.futures.Executor, binary: str, names: list[str]) -> dict[str, dict]:
    batches = [names[i:i + BATCH] for i in range(0, len(names), BATCH)]
    return {entry["file"]: entry for entries in pool.map(lambda batch: _validate(binary, batch), batches) for entry in entries}


def _digest(path: pathlib.Path) -> bytes:
    try:
        return hashlib.sha256(read_bounded(path)).digest()
    except (OSError, ValueError) as error:
        return str(error).encode()  # outletsim says what is wrong with it


def _fit_check(binary: str, outlet: Outlet) -> list[str]:
    arguments = [binary, "fit", _relative(outlet.log), "--columns", outlet.columns or "canonical", "--validate-only", "--quiet"]
    if outlet.day_type:
        arguments += ["--day-type", outlet.day_type]
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode == 0:
        return []
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return lines or [f"{_relative(outlet.log)}: error: outletsim fit exited {result.returncode}"]


def validate_inputs(network: Network, binary: str, workers: int | None = None) -> tuple[list[str], dict[pathlib.Path, list[pathlib.Path]]]:
    """Problems of every outlet's inputs (located messages; empty when all
    are valid), and for each scenario or plan file the files it reads."""
    scenarios: dict[pathlib.Path, None] = {}
    logs: list[Outlet] = []
    scaled: list[tuple[Outlet, Variant, pathlib.Path]] = []
    for outlet in network.outlets:
        if outlet.scenario is not None:
            scenarios[outlet.scenario] = None
        else:
            logs.append(outlet)
        for variant in outlet.variants:
            if variant.plan is not None:
                scenarios[variant.plan] = None
            if variant.demand_scale is not None and (variant.plan or outlet.scenario) is not None:
                scaled.append((outlet, variant, variant.plan or outlet.scenario))
    problems: list[str] = []
    reads: dict[pathlib.Path, list[pathlib.Path]] = {}
    workers = workers or os.cpu_count() or 1
    shown = {_relative(path): path for path in scenarios}
    with tempfile.TemporaryDirectory(prefix="outletsim-network-variants-") as scratch, \
            concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        # A demand-scaled variant is checked as it will be written: the scale
        # may take a rate beyond what a scenario may hold.
        variant_files: dict[str, tuple[Outlet, Variant]] = {}
        for number, (outlet, variant, base) in enumerate(scaled):
            path = pathlib.Path(scratch) / f"{number}.yaml"
            path.write_text(variant_text(outlet, variant, base), encoding="utf-8")
            variant_files[str(path)] = (outlet, variant)
        # Files of the same bytes in the same folder read the same bases and
        # traces, so one of them stands for all; any that fails is checked
        # on its own, so that each problem names its own file.
        groups: dict[tuple[str, bytes], list[str]] = {}
        for name, path in shown.items():
            groups.setdefault((str(path.parent), _digest(path)), []).append(name)
        first = [members[0] for members in groups.values()]
        fits = [pool.submit(_fit_check, binary, outlet) for outlet in logs]
        results = _validate_all(pool, binary, first + list(variant_files))
        again = [name for members in groups.values() if not results[members[0]]["valid"] for name in members[1:]]
        results.update(_validate_all(pool, binary, again))
        for members in groups.values():
            entry = results[members[0]]
            if entry["valid"]:
                for name in members[1:]:
                    results[name] = dict(entry, file=name, reads=[name] + entry["reads"][1:])
        for name, path in shown.items():
            entry = results.get(name, {"valid": False, "problems": [{"message": f"{name}: error: not checked"}]})
            if entry["valid"]:
                reads[path] = [(pathlib.Path.cwd() / file).resolve() for file in entry["reads"]]
                continue
            problems += [p["message"] for p in entry["problems"]]
            count = entry.get("problem_count", len(entry["problems"]))
            if count > len(entry["problems"]):
                problems.append(f"{name}: {count} problems; the first {len(entry['problems'])} are shown")
        for name, (outlet, variant) in variant_files.items():
            entry = results.get(name, {"valid": False, "problems": []})
            base = variant.plan or outlet.scenario
            if entry["valid"] or base not in reads:
                continue  # a bad base is reported once, as itself
            place = variant.place
            reasons = "; ".join(p.get("found", p.get("message", "")) for p in entry["problems"][:3])
            problems.append(str(Problem(str(network.file), place.line if place else 1, place.column if place else 1,
                                        place.path if place else "", f"a demand_scale that outletsim refuses ({reasons})",
                                        "a scale the outlet's scenario can hold (at most 100,000 arrivals an hour)")))
        for future in fits:
            problems += future.result()
    return problems, reads
