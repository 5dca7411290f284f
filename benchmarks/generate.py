"""Generate N synthetic events as JSON Lines, for benchmarks and engine-equivalence tests.

Four mixes: `dprk` (every event has a DPRK party, flag or transit), `trade` (a trade
feed where 1% of events are linked to the DPRK), `named` (the `dprk` mix with named
parties drawn from a pool of 400 names, a few of them listed, so that screening runs on
every event and names recur as they do in a real feed) and `feed` (the `trade` mix as
customs declarations and payment messages carry it: every record names its consignor and
consignee, drawn from 40,000 company and person names of many languages (see
`party_names.py`) with the skewed frequencies of a real feed, where a few counterparties
recur often and most appear once or twice; about one name in 2,000 is a listed one).

    python benchmarks/generate.py 100000 --mix dprk > events.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from itertools import accumulate
from typing import Any, Iterator

try:
    from benchmarks.party_names import name_pool
except ImportError:  # run as a script: benchmarks/ is on the path, not its parent
    from party_names import name_pool  # type: ignore[no-redef]

COUNTRIES = ["RU", "CN", "SG", "MY", "VN", "AE", "TR", "IN", "DE", "BR", "ZA", "PA", "SL", "TG"]
DESCRIPTIONS = [
    ("artillery shells", None, None), ("short-range ballistic missiles", None, None), ("T-90 battle tanks", None, None),
    ("Aurus Senat limousine", None, None), ("diesel fuel", "2710", "barrels"), ("crude oil", "2709", "barrels"),
    ("anthracite coal", "2701", "tonnes"), ("garments", "6203", "units"), ("trucks", "8704", "units"),
    ("steel pipes", "7304", "tonnes"), ("hand-knotted rugs", "5701", "units"), ("rice", "1006", "tonnes"),
    ("water pumps", "8413", "units"), ("frozen squid", "0307", "tonnes"), ("iron ore", "2601", "tonnes"),
    ("jet fuel", "2710", "barrels"), ("textiles", "5208", "units"), ("machine tools", "8458", "units"),
    ("medicine", "3004", "units"), ("copper concentrate", "2603", "tonnes"),
]
KINDS = ["transfer"] * 7 + ["service", "financial", "labor", "vessel", "travel"]
ACTIVITIES = ["ship_to_ship_transfer", "port_call", "bunkering", "flagging", "chartering", "insurance", "cargo_delivery"]
STATUSES = ["alleged", "reported", "confirmed", "denied"]
BASES = ["committee_approval", "committee_notification", "humanitarian", "livelihood", "transit_non_dprk_origin", "prior_contract"]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2004, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def event(rng: random.Random, number: int, linked: bool) -> dict[str, Any]:
    kind = rng.choice(KINDS)
    origin, destination = rng.sample(COUNTRIES, 2)
    if linked:
        if rng.random() < 0.5:
            destination = "KP"
        else:
            origin = "KP"
    out: dict[str, Any] = {
        "id": f"evt-{number}", "date": _date(rng), "kind": kind,
        "origin": {"country": origin}, "destination": {"country": destination},
        "status": rng.choice(STATUSES),
    }
    description, hs, unit = rng.choice(DESCRIPTIONS)
    if kind in ("transfer", "vessel") or rng.random() < 0.2:
        item: dict[str, Any] = {"description": description}
        if hs and rng.random() < 0.6:
            item["hs_code"] = hs
        if unit and rng.random() < 0.8:
            item["quantity"] = rng.choice([10, 500, 20000, 150000, 600000])
            item["unit"] = unit
        if rng.random() < 0.5:
            item["value_usd"] = rng.choice([50, 400, 900, 2500, 1_000_000])
        out["item"] = item
    if kind in ("service", "financial"):
        out["activity"] = rng.choice(["technical assistance for satellite launch", "joint venture investment",
                                      "bank account opening", "military training", "scientific cooperation"])
    if kind == "vessel":
        out["vessel"] = {"name": f"SHIP {number}", "flag": "KP" if linked and rng.random() < 0.5 else rng.choice(COUNTRIES),
                         "activity": rng.choice(ACTIVITIES)}
    if rng.random() < 0.1:
        out["exemption"] = {"basis": rng.choice(BASES)}
    if rng.random() < 0.05:
        out["via"] = [rng.choice(COUNTRIES + ["KP"])]
    return out


NAME_WORDS = ["Ocean", "Star", "Trading", "Golden", "Pacific", "Union", "Energy", "Maritime", "Export", "Dragon",
              "Sunrise", "Global", "Harbour", "Northern", "Silk", "Road", "Eastern", "Logistics", "Metals", "Supply"]
LISTED = ["Korea Mining Development Trading Corporation", "Korea Ryonbong General Corporation",
          "Tanchon Commercial Bank", "Ocean Maritime Management Company, Limited", "Namchongang Trading Corporation"]


def _name_pool(rng: random.Random) -> list[str]:
    made = [" ".join(rng.sample(NAME_WORDS, rng.randint(2, 3))) + rng.choice([" Co", " Ltd", " LLC", ""])
            for _ in range(395)]
    return made + LISTED


LISTED_PERSONS = ["Jang Song Chol", "Ri Su Yong", "Kim Chol Nam", "Pak Chun Il"]
FEED_POOL = 40_000
# Zipf-like draw weights 1/rank^0.9: in 200,000 draws about 25,000 distinct names.
_FEED_SKEW = 0.9
_LISTED_SHARE = 0.0005


def _feed_names(rng: random.Random) -> tuple[list[tuple[str, str]], list[float]]:
    pool = name_pool(rng, FEED_POOL)
    rng.shuffle(pool)
    return pool, list(accumulate(1 / (rank + 1) ** _FEED_SKEW for rank in range(len(pool))))


def _feed_party(rng: random.Random, pool: list[tuple[str, str]], weights: list[float]) -> tuple[str, str]:
    if rng.random() < _LISTED_SHARE:
        return (rng.choice(LISTED), "entity") if rng.random() < 0.7 else (rng.choice(LISTED_PERSONS), "individual")
    return rng.choices(pool, cum_weights=weights)[0]


def events(count: int, mix: str = "dprk", seed: int = 1718) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    pool = _name_pool(random.Random(seed + 1)) if mix == "named" else []
    feed, weights = _feed_names(random.Random(seed + 2)) if mix == "feed" else ([], [])
    for number in range(count):
        linked = mix in ("dprk", "named") or rng.random() < 0.01
        record = event(rng, number, linked)
        if pool:
            for role in ("origin", "destination"):
                if record[role]["country"] != "KP" or rng.random() < 0.5:
                    record[role] = dict(record[role], name=rng.choice(pool), type="entity")
        if feed:  # consignor and consignee, named on every record
            for role in ("origin", "destination"):
                name, kind = _feed_party(rng, feed, weights)
                record[role] = dict(record[role], name=name, type=kind)
        yield record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--mix", choices=["dprk", "trade", "named", "feed"], default="dprk")
    parser.add_argument("--seed", type=int, default=1718)
    args = parser.parse_args()
    write = sys.stdout.write
    for record in events(args.count, args.mix, args.seed):
        write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
