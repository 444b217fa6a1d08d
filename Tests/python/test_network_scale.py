"""The network at scale, scaled down for CI: Benchmarks/network-scale.py
(1,000 outlets x 250 days in `make bench-network-scale`) run with 20
outlets x 10 days on a real LocalCluster, every outlet's check written."""
import json
import os
import pathlib
import subprocess
import sys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def test_the_scale_benchmark_runs_scaled_down(outletsim, tmp_path):
    figures_file = tmp_path / "scale.json"
    result = subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks" / "network-scale.py"), "--outlets", "20", "--days", "10",
                             "--json", str(figures_file)], capture_output=True, text=True, timeout=600,
                            env={**os.environ, "OUTLETSIM": str(outletsim)})
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["tasks"] == 20 and figures["statuses"] == {"ran": 20}, figures
    # One check report per outlet, and the customer count the weekday branch implies (about 600 a day at demand 100%).
    assert len([name for name in figures["reports"] if name.endswith(".json")]) >= 20
    assert 20 * 10 * 550 < figures["customers"] < 20 * 10 * 650
    assert "million a second" in result.stdout
