"""Descriptions and HS codes become legal categories, and findings say how."""

from __future__ import annotations

from sanctions_check.classify import classifier_for
from sanctions_check.model.event import Event
from tests.conftest import event


def _classify(rules, **fields):  # type: ignore[no-untyped-def]
    return classifier_for(rules).classify(Event.model_validate(event(**fields)))


def test_artillery_shells_are_ammunition_from_the_description(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"description": "Artillery shells (152 mm)"})
    assert "ammunition" in result.categories
    assert result.how("ammunition").describe() == "classified as ammunition from the description ('artillery shells')"


def test_limousine_is_a_luxury_motor_vehicle_with_implied_hs_8703(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"description": "Aurus Senat limousine"})
    assert {"luxury_goods", "transportation_vehicles"} <= result.categories
    assert result.hs == "8703"


def test_hs_chapter_87_maps_to_transportation_vehicles(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"hs_code": "8704.21"})
    assert result.how("transportation_vehicles").source == "hs_code"
    assert result.hs == "870421"


def test_given_category_is_kept_and_said_to_be_given(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"category": "coal"})
    assert result.how("coal").describe() == "category coal given in the event"


def test_words_inside_other_words_do_not_match(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"description": "tanker freight of rice"})
    assert not result.categories & {"battle_tanks", "ammunition"}


def test_service_activity_is_classified_and_related_to_kept(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, kind="service", activity="technical assistance for satellite launch",
                       related_to=["military_technology"])
    assert {"ballistic_missile_items", "military_technology"} <= result.categories
    assert result.how("military_technology").source == "related_to"


def test_overlapping_phrases_all_count_and_the_longest_is_named(rules) -> None:  # type: ignore[no-untyped-def]
    result = _classify(rules, item={"description": "Aurus Senat limousine"})
    assert result.how("luxury_goods").detail == "aurus senat"
    shells = _classify(rules, item={"description": "artillery shells (152 mm)"})
    assert shells.how("ammunition").detail == "artillery shells"


def test_results_are_reused_only_for_the_same_item_words(rules) -> None:  # type: ignore[no-untyped-def]
    classifier = classifier_for(rules)
    trucks = Event.model_validate(event(item={"description": "trucks"}))
    again = Event.model_validate(event(id="other", date="2020-01-01", item={"description": "trucks"}))
    assert classifier.classify(trucks) is classifier.classify(again)  # a feed repeats descriptions
    with_hs = classifier.classify(Event.model_validate(event(item={"description": "trucks", "hs_code": "2710"})))
    assert with_hs.hs == "2710" and classifier.classify(trucks).hs != "2710"
    service = Event.model_validate(event(kind="service", item=None, activity="military training"))
    transfer = Event.model_validate(event(kind="transfer", item={"description": "rice"}, activity="military training"))
    assert classifier.classify(service).categories != classifier.classify(transfer).categories
    related = Event.model_validate(event(kind="service", item=None, related_to=["ballistic_missile_items"]))
    assert "ballistic_missile_items" in classifier.classify(related).categories
    assert "ballistic_missile_items" not in classifier.classify(Event.model_validate(event(kind="service", item=None))).categories


def test_a_plural_in_the_text_matches_a_singular_table_phrase_but_never_the_reverse(rules) -> None:  # type: ignore[no-untyped-def]
    from sanctions_check.classify import classifier_for

    classifier = classifier_for(rules)
    found = classifier.phrases_in("containers of North Korean munitions")
    assert ("munitions",) in found  # shown as written; the table says "munition"
    assert ("arms",) not in classifier.phrases_in("a robotic arm for a car factory")
