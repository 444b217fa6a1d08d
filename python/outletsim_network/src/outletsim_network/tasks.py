"""Tasks: each outlet and variant becomes outletsim commands. A task's key
is its outlet, its variant, its kind and the hash of everything that decides
its result, so that a rerun skips what is done, a retried task writes the
same bytes in the same place, and two outlets with identical scenarios are
two tasks. Planning reads no scenario itself: outletsim's validation (see
validation.py) says which files each scenario reads, and their bytes are
hashed once each, so a plan takes time and memory linear in the tasks."""
from __future__ import annotations

import dataclasses
import hashlib
import pathlib

import yaml

from .network import Network, Outlet, Variant, read_bounded, shard_count


@dataclasses.dataclass(frozen=True)
class Task:
    """One outletsim command. `output` is what it leaves when done."""
    key: str
    outlet: str
    variant: str
    kind: str                      # fit | run | shard | merge | check | optimize
    arguments: tuple[str, ...]     # after the binary
    output: str                    # a path under the network's task folder
    depends: tuple[str, ...] = ()  # keys of tasks whose outputs it reads
    shard_list: tuple[str, ...] = ()  # merge: the shards, passed through a file, not the command line


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()[:20]


class Contents:
    """Each input file's bytes, read once (bounded) however many outlets share it."""

    def __init__(self) -> None:
        self._digests: dict[pathlib.Path, bytes] = {}

    def digest(self, path: pathlib.Path) -> bytes:
        path = pathlib.Path(path)
        if path not in self._digests:
            try:
                data = read_bounded(path, 1 << 30)
            except (OSError, ValueError) as error:
                data = f"unreadable:{path}:{error}".encode()  # outletsim reports it when the task runs
            self._digests[path] = hashlib.sha256(data).digest()
        return self._digests[path]


def variant_text(outlet: Outlet, variant: Variant, base: pathlib.Path) -> str:
    """A demand_scale variant's scenario, built through the YAML library, so
    that no path or name can change its meaning (a " #" in a path once cut it)."""
    document = {"extends": str(base), "name": f"{outlet.name}--{variant.name}", "arrivals": {"scale": variant.demand_scale}}
    return (f"# Written by outletsim-network: outlet {outlet.name}, variant {variant.name}.\n"
            + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**31 - 1))


def variant_scenario(outlet: Outlet, variant: Variant, folder: pathlib.Path, scenario: pathlib.Path, write: bool = True) -> pathlib.Path:
    """The scenario a variant runs: the outlet's (or its plan), with the demand scaled."""
    base = variant.plan or scenario
    if variant.demand_scale is None:
        return base
    path = folder / f"{outlet.name}--{variant.name}.yaml"
    if write:
        text = variant_text(outlet, variant, base)
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            partial = path.with_name(f".{path.name}.partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
    return path


def plan_tasks(network: Network, folder: pathlib.Path, version: str, reads: dict[pathlib.Path, list[pathlib.Path]],
               write_variants: bool = True) -> list[Task]:
    """Every task of the network, dependencies before the tasks that need them.

    `reads` gives, for each scenario and plan file, the files it reads (itself,
    its extends chain, its arrival trace), as outletsim's validation found them."""
    tasks: list[Task] = []
    contents = Contents()
    variants_folder = folder / "variants"
    seed, days = str(network.seed), str(network.days)
    shards = shard_count(network.days, network.shard_days) if network.work == "run" else 0

    def scenario_digests(path: pathlib.Path) -> list[bytes]:
        return [contents.digest(p) for p in reads.get(path, [path])]

    for outlet in network.outlets:
        fit: Task | None = None
        scenario_of_outlet = outlet.scenario
        log_content: list[bytes] = []
        if outlet.log is not None:
            # The outlet is its log: fit it once, then run what the fit wrote.
            mapping = pathlib.Path(outlet.columns) if outlet.columns and outlet.columns.startswith("/") else None
            log_content = [contents.digest(outlet.log), (outlet.columns or "canonical").encode(), (outlet.day_type or "all").encode()]
            if mapping is not None:
                log_content.append(contents.digest(mapping))
            fitted = _digest(f"{version}|fit|{network.seed}".encode(), *log_content)
            where = f"tasks/{outlet.name}/fit-{fitted}"
            arguments = ["fit", str(outlet.log), "--columns", outlet.columns or "canonical", "--seed", seed, "--jobs", "1",
                         "--quiet", "--force", "--out", f"{where}/fit"]
            if outlet.day_type:
                arguments += ["--day-type", outlet.day_type]
            fit = Task(f"{outlet.name}/fit/fit-{fitted}", outlet.name, "fit", "fit", tuple(arguments), f"{where}/fit")
            tasks.append(fit)
            scenario_of_outlet = folder / where / "fit" / "scenario.yaml"
        for variant in outlet.variants:
            scenario = variant_scenario(outlet, variant, variants_folder, scenario_of_outlet, write_variants)
            if fit is not None:
                content = log_content + (scenario_digests(variant.plan) if variant.plan else [])
            else:
                content = scenario_digests(variant.plan or scenario_of_outlet)
            after = (fit.key,) if fit is not None else ()
            settings = f"{version}|{network.work}|{network.seed}|{network.days}|{variant.demand_scale!r}".encode()
            base = _digest(settings, *content)
            where = f"tasks/{outlet.name}/{variant.name}-{base}"
            prefix = f"{outlet.name}/{variant.name}"
            if network.work == "optimize":
                tasks.append(Task(f"{prefix}/optimize-{base}", outlet.name, variant.name, "optimize",
                                  ("optimize", str(scenario), "--seed", seed, "--validation-days", days, "--jobs", "1",
                                   "--quiet", "--force", "--out", f"{where}/optimize"), f"{where}/optimize", after))
            elif network.work == "run" and shards:
                keys, outputs = [], []
                for start in range(0, network.days, network.shard_days):
                    end = min(start + network.shard_days, network.days)
                    output = f"{where}/days-{start}-{end}.shard"
                    key = f"{prefix}/shard-{start}-{end}-{base}"
                    tasks.append(Task(key, outlet.name, variant.name, "shard",
                                      ("run", str(scenario), "--days", f"{start}..{end}", "--seed", seed, "--jobs", "1", "--quiet",
                                       "--force", "--out", output), output, after))
                    keys.append(key)
                    outputs.append(output)
                tasks.append(Task(f"{prefix}/merge-{base}", outlet.name, variant.name, "merge",
                                  ("merge", "--shard-list", f"{where}/shards.txt", "--quiet", "--force", "--out", f"{where}/run"),
                                  f"{where}/run", tuple(keys), tuple(outputs)))
            elif network.work == "run":
                # run's results folder has the targets' verdicts (targets.csv)
                tasks.append(Task(f"{prefix}/run-{base}", outlet.name, variant.name, "run",
                                  ("run", str(scenario), "--replications", days, "--seed", seed, "--jobs", "1", "--quiet",
                                   "--force", "--out", f"{where}/run"), f"{where}/run", after))
            else:
                tasks.append(Task(f"{prefix}/check-{base}", outlet.name, variant.name, "check",
                                  ("check", str(scenario), "--replications", days, "--seed", seed, "--jobs", "1",
                                   "--json", f"{where}/check.json"), f"{where}/check.json", after))
    return tasks
