"""The closed vocabularies of contract v1 (docs/event-format.md)."""

from __future__ import annotations

from typing import Literal, get_args

EventKind = Literal["transfer", "service", "financial", "labor", "vessel", "travel"]
PartyType = Literal["state", "entity", "individual", "vessel"]
Unit = Literal["units", "tonnes", "kg", "barrels", "litres", "cubic_metres", "usd"]
Status = Literal["alleged", "reported", "confirmed", "denied"]
VesselActivity = Literal[
    "ship_to_ship_transfer", "port_call", "transit", "cargo_delivery", "cargo_voyage",
    "loading", "bunkering", "flagging", "chartering", "crewing", "insurance",
    "classification", "other",
]
ExemptionBasis = Literal[
    "committee_approval", "committee_notification", "humanitarian", "livelihood",
    "transit_non_dprk_origin", "prior_contract", "other",
]
Category = Literal[
    "battle_tanks", "armoured_combat_vehicles", "large_calibre_artillery", "combat_aircraft",
    "attack_helicopters", "warships", "missiles", "small_arms_light_weapons", "ammunition",
    "arms_related_materiel", "nuclear_items", "ballistic_missile_items",
    "chemical_biological_items", "dual_use_items", "military_technology", "luxury_goods",
    "coal", "iron", "iron_ore", "gold", "titanium_ore", "vanadium_ore", "rare_earth_minerals",
    "copper", "nickel", "silver", "zinc", "lead", "lead_ore", "seafood", "textiles", "statues",
    "refined_petroleum", "crude_oil", "condensates_ngl", "aviation_fuel", "food_agricultural",
    "machinery", "electrical_equipment", "earth_stone", "wood", "vessels",
    "industrial_machinery", "transportation_vehicles", "iron_steel_metals", "other",
]
Verdict = Literal["potential_violation", "exempt", "clear", "insufficient_data"]

CATEGORIES: tuple[str, ...] = get_args(Category)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EXEMPTION_BASES: tuple[str, ...] = get_args(ExemptionBasis)
VESSEL_ACTIVITIES: tuple[str, ...] = get_args(VesselActivity)
STATUSES: tuple[str, ...] = get_args(Status)
