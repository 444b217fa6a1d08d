"""Tasks: each outlet and variant becomes outletsim commands, keyed by the
hash of everything that decides their result, so that a rerun skips what is
done and a retried task writes the same bytes in the same place."""
from __future__ import annotations

import dataclasses
import hashlib
import pathlib

import yaml

from .network import Network, Outlet, Variant


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


def _inputs(path: pathlib.Path, seen: set[pathlib.Path] | None = None) -> list[pathlib.Path]:
    """The scenario file and every file it reads: its `extends` chain and arrival traces."""
    seen = seen if seen is not None else set()
    path = path.resolve()
    if path in seen:
        return []
    seen.add(path)
    files = [path]
    try:
        if path.stat().st_size > 5 << 20:
            return files  # outletsim refuses it, located
        # Composed, not constructed: aliases stay shared nodes, so a hostile
        # file cannot expand into memory here before outletsim refuses it.
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return files  # outletsim will report it, located

    def scalar(node, key):
        if isinstance(node, yaml.MappingNode):
            for name, value in node.value:
                if isinstance(name, yaml.ScalarNode) and name.value == key:
                    return value
        return None

    base = scalar(root, "extends")
    if isinstance(base, yaml.ScalarNode):
        files += _inputs(path.parent / base.value, seen)
    trace = scalar(scalar(root, "arrivals"), "trace")
    if isinstance(trace, yaml.ScalarNode) and (path.parent / trace.value).resolve().is_file():
        files.append((path.parent / trace.value).resolve())
    return files


def _contents(path: pathlib.Path) -> bytes:
    """A file's bytes; a missing one (an `extends` to nowhere) hashes by its path, and outletsim reports it, located."""
    try:
        return path.read_bytes()
    except OSError:
        return b"missing:" + str(path).encode()


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()[:20]


def variant_scenario(outlet: Outlet, variant: Variant, folder: pathlib.Path, scenario: pathlib.Path) -> pathlib.Path:
    """The scenario a variant runs: the outlet's (or its plan), with the demand scaled."""
    base = variant.plan or scenario
    if variant.demand_scale is None:
        return base
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{outlet.name}--{variant.name}.yaml"
    text = (f"# Written by outletsim-network: {outlet.name}, variant {variant.name}.\n"
            f"extends: {base}\nname: {outlet.name}--{variant.name}\narrivals:\n  scale: {variant.demand_scale!r}\n")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def plan_tasks(network: Network, folder: pathlib.Path, version: str) -> list[Task]:
    """Every task of the network, dependencies before the tasks that need them."""
    tasks: list[Task] = []
    variants_folder = folder / "variants"
    for outlet in network.outlets:
        fit: Task | None = None
        scenario_of_outlet = outlet.scenario
        log_content: list[bytes] = []
        if outlet.log is not None:
            # The outlet is its log: fit it once, then run what the fit wrote.
            mapping = pathlib.Path(outlet.columns) if outlet.columns and pathlib.Path(outlet.columns).is_file() else None
            log_content = [outlet.log.read_bytes(), (outlet.columns or "canonical").encode(), (outlet.day_type or "all").encode()]
            if mapping is not None:
                log_content.append(mapping.read_bytes())
            fitted = _digest(f"{version}|fit|{network.seed}".encode(), *log_content)
            where = f"tasks/{outlet.name}/fit-{fitted}"
            arguments = ["fit", str(outlet.log), "--columns", outlet.columns or "canonical", "--seed", str(network.seed), "--jobs", "1",
                         "--quiet", "--force", "--out", f"{where}/fit"]
            if outlet.day_type:
                arguments += ["--day-type", outlet.day_type]
            fit = Task(_digest(b"fit", fitted.encode()), outlet.name, "fit", "fit", tuple(arguments), f"{where}/fit")
            tasks.append(fit)
            scenario_of_outlet = folder / where / "fit" / "scenario.yaml"
        for variant in outlet.variants:
            scenario = variant_scenario(outlet, variant, variants_folder, scenario_of_outlet)
            if fit is not None:
                content = log_content + ([_contents(p) for p in _inputs(variant.plan)] if variant.plan else [])
            else:
                content = [_contents(p) for p in _inputs(scenario)]
            after = (fit.key,) if fit is not None else ()
            settings = f"{version}|{network.work}|{network.seed}|{network.days}|{variant.demand_scale!r}".encode()
            base = _digest(settings, *content)
            where = f"tasks/{outlet.name}/{variant.name}-{base}"
            seed, days = str(network.seed), str(network.days)
            if network.work == "optimize":
                tasks.append(Task(_digest(b"optimize", base.encode()), outlet.name, variant.name, "optimize",
                                  ("optimize", str(scenario), "--seed", seed, "--validation-days", days, "--jobs", "1",
                                   "--quiet", "--force", "--out", f"{where}/optimize"), f"{where}/optimize", after))
                continue
            if network.work == "run":
                if network.shard_days and network.shard_days < network.days:
                    shards = []
                    for start in range(0, network.days, network.shard_days):
                        end = min(start + network.shard_days, network.days)
                        shard = Task(_digest(b"shard", base.encode(), f"{start}..{end}".encode()), outlet.name, variant.name, "shard",
                                     ("run", str(scenario), "--days", f"{start}..{end}", "--seed", seed, "--jobs", "1", "--quiet",
                                      "--force", "--out", f"{where}/days-{start}-{end}.shard"), f"{where}/days-{start}-{end}.shard", after)
                        shards.append(shard)
                    tasks += shards
                    tasks.append(Task(_digest(b"merge", base.encode()), outlet.name, variant.name, "merge",
                                      ("merge", *[s.output for s in shards], "--quiet", "--force", "--out", f"{where}/run"),
                                      f"{where}/run", tuple(s.key for s in shards)))
                else:
                    tasks.append(Task(_digest(b"run", base.encode()), outlet.name, variant.name, "run",
                                      ("run", str(scenario), "--replications", days, "--seed", seed, "--jobs", "1", "--quiet",
                                       "--force", "--out", f"{where}/run"), f"{where}/run", after))
            if network.work == "run":
                continue  # run's results folder has the targets' verdicts (targets.csv)
            tasks.append(Task(_digest(b"check", base.encode()), outlet.name, variant.name, "check",
                              ("check", str(scenario), "--replications", days, "--seed", seed, "--jobs", "1",
                               "--json", f"{where}/check.json"), f"{where}/check.json", after))
    return tasks
