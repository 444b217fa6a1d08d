"""Shared fixtures: the built outletsim binary and one results folder made by it."""
import os
import pathlib
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def outletsim() -> pathlib.Path:
    binary = pathlib.Path(os.environ.get("OUTLETSIM", REPOSITORY / ".build" / "release" / "outletsim"))
    if not binary.exists():
        pytest.fail(f"outletsim was not found at {binary}; build it with `swift build -c release` first")
    return binary


@pytest.fixture(scope="session")
def weekday_results(outletsim, tmp_path_factory) -> pathlib.Path:
    """Results of the weekday branch, written by the CLI in this test run."""
    out = tmp_path_factory.mktemp("results") / "bank-branch-weekday"
    subprocess.run([str(outletsim), "run", str(REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"),
                    "--replications", "8", "--quiet", "--out", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def comparison(outletsim, tmp_path_factory) -> pathlib.Path:
    """The weekday branch against a variant with one more smart teller."""
    folder = tmp_path_factory.mktemp("comparison")
    variant = folder / "more-kiosks.yaml"
    variant.write_text(f"extends: {REPOSITORY / 'scenarios' / 'bank-branch-weekday.yaml'}\n"
                       "name: weekday-more-kiosks\nself_service:\n  kiosks:\n    smart teller:\n      count: 3\n", encoding="utf-8")
    out = folder / "out"
    subprocess.run([str(outletsim), "compare", str(REPOSITORY / "scenarios" / "bank-branch-weekday.yaml"), str(variant),
                    "--replications", "8", "--quiet", "--out", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def optimization(outletsim, tmp_path_factory) -> pathlib.Path:
    """The small branch optimized, with its shifts (a few seconds)."""
    out = tmp_path_factory.mktemp("optimization") / "small"
    subprocess.run([str(outletsim), "optimize", str(REPOSITORY / "Tests" / "OutletSimCLITests" / "Fixtures" / "optimize" / "small-branch-optimize.yaml"),
                    "--search-days", "30", "--validation-days", "40", "--quiet", "--out", str(out)], check=True)
    return out
