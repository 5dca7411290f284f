"""IMO ship identification numbers: 'IMO' and seven digits, the last a check digit.

The check digit is the sum of the first six digits weighted 7, 6, 5, 4, 3, 2, modulo 10
(IMO Resolution A.1117(30), ship identification number scheme). IMO *company* numbers,
which the UN list quotes for shipping companies, are also seven digits but carry no such
check: they are not ship numbers and are not validated here.
"""

from __future__ import annotations

import re

_IMO = re.compile(r"^(?:IMO)?\s*[:.\-]?\s*(\d{7})$", re.IGNORECASE)


def imo_check_digit(first_six: str) -> int:
    """The check digit for the first six digits of an IMO ship number."""
    return sum(int(digit) * weight for digit, weight in zip(first_six, range(7, 1, -1), strict=True)) % 10


def parse_imo(value: str | int) -> tuple[str | None, str | None]:
    """(the seven digits, None) for a valid ship number; (None, what is wrong) otherwise.

    Accepts '9562233', 'IMO 9562233', 'IMO9562233' and an int.
    """
    text = str(value).strip()
    found = _IMO.match(text)
    if not found:
        return None, f"'{text}' is not 'IMO' followed by seven digits"
    digits = found.group(1)
    expected = imo_check_digit(digits[:6])
    if int(digits[6]) != expected:
        return None, f"check digit of {digits} is {digits[6]}, the first six digits give {expected}"
    return digits, None


def is_valid_imo(value: str | int) -> bool:
    return parse_imo(value)[0] is not None
