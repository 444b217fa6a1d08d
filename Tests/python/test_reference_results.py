"""The committed reference results folder: it loads, and this build reproduces it byte for byte."""
import json
import pathlib
import subprocess
import sys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
REFERENCE = REPOSITORY / "results" / "reference" / "bank-branch-weekday"
sys.path.insert(0, str(REPOSITORY / "notebooks"))
import outletsim_results as osr  # noqa: E402


def test_reference_folder_loads():
    results = osr.load(REFERENCE)
    assert results.run["replications"] == 5 and results.run["seed"] == "1"
    assert results.summary["scenario"]["name"] == "bank-branch-weekday"
    p90 = results.metric("intervals", "wait_p90")
    assert len(p90) == 16 and (p90["ci_low"] <= p90["ci_high"]).all()


def test_this_build_reproduces_the_reference_folder(outletsim, tmp_path):
    """Fails when the engine's output changes: if on purpose, run `make reference-results`."""
    run = json.loads((REFERENCE / "run.json").read_text(encoding="utf-8"))
    out = tmp_path / "again"
    subprocess.run([str(outletsim), "run", str(REPOSITORY / run["scenario_file"]), "--replications", str(run["replications"]),
                    "--seed", run["seed"], "--quiet", "--out", str(out)], check=True)
    for name in ["summary.json", "intervals.csv", "segments.csv", "transactions.csv", "window_groups.csv", "resources.csv",
                 "targets.csv", "scenario.yaml", "report.html"]:
        assert (out / name).read_bytes() == (REFERENCE / name).read_bytes(), \
            f"{name} differs from results/reference; if the change is intended, run `make reference-results`"
