"""Planning a large network: `outletsim-network plan` on 1,000 and 10,000
outlets, once with every outlet naming one of the 20 example outlet files,
once with a file of its own (different bytes each), and once with 1,000
outlets whose 250 days are run in one-day shards. It prints
seconds and peak memory, split into the inputs' check (outletsim validate)
and the plan itself, so that both can be seen to grow linearly.

    python Benchmarks/network-plan.py .build/release/outletsim
"""
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]


def make(folder: pathlib.Path, outlets: int, own_files: bool, extra: str = "") -> pathlib.Path:
    sources = sorted((REPOSITORY / "scenarios" / "network" / "outlets").glob("*.yaml"))
    lines = [f"name: plan-{outlets}", "seed: 1", "days: 250", "work: run", extra, "outlets:"]
    copies = folder / "scenarios" / "network" / "copies"
    for index in range(outlets):
        source = sources[index % len(sources)]
        if own_files:
            path = copies / f"outlet-{index}.yaml"
            path.write_text(source.read_text(encoding="utf-8") + f"# outlet {index}\n", encoding="utf-8")
        else:
            path = source
        lines.append(f"  - {{ name: outlet-{index}, scenario: {path} }}")
    file = folder / f"plan-{outlets}-{'own' if own_files else 'shared'}.network.yaml"
    file.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    return file


def main() -> None:
    binary = str(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else REPOSITORY / ".build" / "release" / "outletsim").resolve())
    environment = dict(os.environ, OUTLETSIM=binary)
    with tempfile.TemporaryDirectory(prefix="outletsim-plan-bench-") as scratch:
        folder = pathlib.Path(scratch)
        shutil.copytree(REPOSITORY / "scenarios", folder / "scenarios")
        (folder / "scenarios" / "network" / "copies").mkdir()
        cases = [(1_000, False, ""), (10_000, False, ""), (1_000, True, ""), (10_000, True, ""), (1_000, False, "shard_days: 1")]
        print("| outlets | scenario files | shards | total s | check s | plan s | peak MB |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for outlets, own, extra in cases:
            file = make(folder, outlets, own, extra)
            started = time.monotonic()
            result = subprocess.run([sys.executable, "-m", "outletsim_network.cli", "plan", str(file)], capture_output=True, text=True,
                                    env=environment, cwd=folder)
            seconds = time.monotonic() - started
            if result.returncode != 0:
                raise SystemExit(result.stderr[-2000:])
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            words = result.stdout.split()
            check, plan = words[words.index("checked") + 2], words[words.index("planned") + 2]
            print(f"| {outlets:,} | {'one each' if own else '20 shared'} | {'250 a variant' if extra else 'none'} | "
                  f"{seconds:.1f} | {check} | {plan} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
