"""How long the audio engine takes on a realistic input: a 3-minute stereo 44.1 kHz track.

Run with ``.venv/bin/python benchmarks/audio_bench.py`` (``--runs``/``--seconds`` to change the
defaults). Prints the median of five runs, wall-clock and CPU seconds, for mastering (each preset)
and for analysis, plus the codec steps a processor does around them. The load average is printed
too: on a shared 2-core box the same code can run twice as slow when other jobs are busy, so
compare like with like.

Goal: mastering and analysis under 1 s each on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial

from tonn_mock.audio import LOUDNESS_TARGETS, analyse, decode, encode, master, preview, stand_in_signal


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``runs`` calls (after one untimed warm-up call).

    CPU time counts every thread of this process, so it exceeds wall time when the engine's
    concurrent steps really run in parallel, and it is steadier than wall time on a busy machine.
    """
    action()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Generate the input once, then time each step and print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=180.0)
    args = parser.parse_args()

    track = stand_in_signal("https://example.com/benchmark.wav", args.seconds, 44100)
    wav = encode(track, "WAV", 24)
    decoded = decode(wav)
    mastered = master(track, LOUDNESS_TARGETS["MEDIUM"])
    steps: dict[str, Callable[[], object]] = {
        f"master {name} ({target:g} LUFS)": partial(master, track, target)
        for name, target in LOUDNESS_TARGETS.items()
    }
    steps["master MEDIUM at 48 kHz"] = lambda: master(track, LOUDNESS_TARGETS["MEDIUM"], sample_rate=48000)
    steps["analyse (decoded 24-bit WAV)"] = lambda: analyse(decoded, "POP", is_master=False)
    steps["decode 24-bit WAV"] = lambda: decode(wav)
    steps["encode 16-bit WAV"] = lambda: encode(mastered, "WAV", 16)
    steps["preview + encode MP3 (30 s)"] = lambda: encode(preview(mastered, None)[0], "MP3")

    print(f"{args.seconds:g} s stereo 44.1 kHz, median of {args.runs} runs, load average {_load()}")
    print(f"  {'step':<32} {'wall':>7} {'cpu':>7}")
    for name, action in steps.items():
        wall, cpu = median_seconds(action, args.runs)
        print(f"  {name:<32} {wall:6.3f}s {cpu:6.3f}s")
    print(f"  load average after: {_load()}")


def _load() -> str:
    """The 1-minute load average, or "n/a" where the OS does not report it."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


if __name__ == "__main__":
    main()
