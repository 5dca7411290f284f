"""IMO ship numbers: seven digits, the last the weighted sum of the first six (weights 7..2) mod 10."""

from __future__ import annotations

import pytest

from sanctions_check.screening.imo import imo_check_digit, is_valid_imo, parse_imo


def test_the_check_digit_of_the_imo_example() -> None:
    # IMO 9074729: 9x7 + 0x6 + 7x5 + 4x4 + 7x3 + 2x2 = 139, last digit 9.
    assert imo_check_digit("907472") == 9
    assert parse_imo("IMO 9074729") == ("9074729", None)


@pytest.mark.parametrize("written", ["9562233", "IMO 9562233", "IMO9562233", "imo: 9562233", 9562233, " 9562233 "])
def test_usual_ways_of_writing_it_are_read(written: str | int) -> None:
    assert parse_imo(written) == ("9562233", None)


def test_a_wrong_check_digit_is_refused_with_the_expected_digit() -> None:
    digits, problem = parse_imo("9562234")
    assert digits is None
    assert problem == "check digit of 9562234 is 4, the first six digits give 3"


@pytest.mark.parametrize("written", ["956223", "95622330", "IMO 95622A3", "", "MMSI 9562233"])
def test_anything_but_seven_digits_is_refused(written: str) -> None:
    assert not is_valid_imo(written)


def test_imo_company_numbers_from_the_un_comments_are_not_ship_numbers() -> None:
    # The UN list quotes owners' IMO company numbers (KPe.022, KPe.056): no ship check digit.
    assert not is_valid_imo("5342883")
    assert not is_valid_imo("5571322")
