"""Screening throughput: names per second against the full DPRK list, on one core.

    python benchmarks/bench_screening.py                  # 10,000 generated names, shipped list
    python benchmarks/bench_screening.py --names 50000 --list PATH/TO/consolidated.xml

The names are generated with a fixed seed: Korean personal names from common syllables
(half hyphenated or in other spellings), company and vessel names from common words, and
one in ten a listed name respelled, so that matches are found and explained too. Each
distinct name is screened once (nothing remembered yet), then all of them again.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FAMILY = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Han", "Yun", "Jang", "Lee", "Park", "Choi", "O",
          "Sin", "Hwang", "Ko", "Son", "Mun", "Yu", "Ryu", "Hyon", "Paek", "Chon"]
SYLLABLES = ["Chol", "Song", "Il", "Nam", "Yong", "Ho", "Jin", "Su", "Chun", "Hyok", "Kwang", "Myong", "Sok", "Un",
             "Jong", "Hui", "Ok", "Man", "Sik", "Gon", "Tae", "Hwan", "Bok", "Gil", "Dok", "Sun", "Ryong", "Gyu",
             "Mu", "Hak", "Cheol", "Young", "Sung", "Byung", "Chul"]
WORDS = ["Korea", "Trading", "Shipping", "Bank", "General", "Corporation", "Company", "International", "Ocean",
         "Pyongyang", "Star", "Global", "Energy", "Maritime", "Export", "Import", "Sunrise", "Golden", "Dragon",
         "Pacific", "Union", "Development", "Technology", "Hong", "Kong", "Limited", "Machinery", "Rungra"]
RESPELL = [("Cho", "Jo"), ("Ri ", "Lee "), ("Pak", "Park"), ("Chol", "Chul"), ("-", " "), ("Choe", "Choi")]


def generate(count: int, listed: list[str], seed: int = 1718) -> list[str]:
    rng = random.Random(seed)
    names = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            given = rng.sample(SYLLABLES, 2)
            joiner = rng.choice([" ", "-"])
            names.append(f"{rng.choice(FAMILY)} {given[0]}{joiner}{given[1].lower() if joiner == '-' else given[1]}")
        elif roll < 0.8:
            names.append(" ".join(rng.sample(WORDS, rng.randint(2, 4))))
        elif roll < 0.9:
            names.append(f"{rng.choice(WORDS)} {rng.choice(SYLLABLES)} {rng.randint(1, 9)}")  # vessel-like
        else:
            name = rng.choice(listed).title()
            old, new = rng.choice(RESPELL)
            names.append(name.replace(old, new))
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=10_000, help="how many names to screen")
    parser.add_argument("--list", type=Path, default=None, help="list file (default: the loaded list)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sanctions_check.lists.store import load_designations
    from sanctions_check.screening.match import DEFAULT_THRESHOLD, Screener

    designations = load_designations(args.list)
    start = time.perf_counter()
    screener = Screener(designations)
    built = time.perf_counter() - start
    names = list(dict.fromkeys(generate(args.names, [e.primary_name for e in designations.entries])))
    start = time.perf_counter()
    found = sum(len(screener.screen(name)) for name in names)
    elapsed = time.perf_counter() - start
    # A feed names the same parties again: scores are remembered, the date applied afresh.
    start = time.perf_counter()
    for name in names:
        screener.screen(name)
    again = time.perf_counter() - start
    counts = designations.counts()
    print(f"list: {counts['individual']} individuals, {counts['entity']} entities, {counts['vessel']} vessels "
          f"({designations.source})")
    print(f"screener built in {built * 1000:.0f} ms")
    print(f"screened {len(names):,} distinct names in {elapsed:.2f} s: {len(names) / elapsed:,.0f} names/s "
          f"({found} candidates at threshold {DEFAULT_THRESHOLD:g})")
    print(f"the same names again (a feed repeating its parties): {len(names) / again:,.0f} names/s")

if __name__ == "__main__":
    main()
