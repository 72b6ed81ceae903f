"""How long ``faits --help`` takes to answer: the median of several runs, each a fresh process.

    python bench/cli_startup.py                  # this checkout, 15 runs of each command
    python bench/cli_startup.py --root ../main   # another checkout (its pipeline/ comes first on the path)

Each command runs as ``python -m pipeline ...`` in a subprocess with the
checkout first on ``PYTHONPATH``, output discarded; wall time from start to
exit, so Python's own start-up is counted (``python -c pass`` is shown for
reference). Runs alternate between commands so that a burst of load on the
machine does not fall on one of them only. The unit test
(tests/test_cli.py) checks what --help imports, not its time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "faits --help": ["-m", "pipeline", "--help"],
    "faits run --help": ["-m", "pipeline", "run", "--help"],
    "faits --version": ["-m", "pipeline", "--version"],
}


def timed(args: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="The checkout to measure (default: this one).")
    parser.add_argument("-n", "--runs", type=int, default=15, help="Runs of each command.")
    args = parser.parse_args()
    root = args.root.resolve()
    env = {**os.environ, "PYTHONPATH": str(root), "FAITS_MODELS_DIR": str(root / "models")}
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for argv in COMMANDS.values():  # one warm-up each: the first run reads files from disk
        timed(argv, env, root)
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            times[name].append(timed(argv, env, root))
    load = os.getloadavg()[0]
    print(f"{root}: median of {args.runs} runs (load average {load:.2f} on {os.cpu_count()} cores)")
    for name, values in times.items():
        print(f"  {name:20} {statistics.median(values):6.3f} s   (min {min(values):.3f}, max {max(values):.3f})")


if __name__ == "__main__":
    main()
