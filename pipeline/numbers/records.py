"""What the number reader gives back: a quantity, and a quantity mention in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@dataclass(frozen=True)
class Quantity:
    """A normalized quantity.

    value: the number, or the low end of a range; a proportion in percent.
    high: the high end of a range, else None.
    qualifier: one of QUALIFIERS.
    unit: "%", an ISO 4217 code, a time unit ("mois"), or None for a plain count.
    """

    value: float
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None


@dataclass(frozen=True)
class QuantityMention:
    """A quantity found in running text, with character offsets (end exclusive)."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    qualifier: str
    unit: str | None
    # where the number itself (without qualifier) starts: relation extraction
    # anchors on it.
    core_start: int
    core_end: int

    def to_dict(self) -> dict[str, Any]:
        # its fields are all scalars: a shallow copy, which dataclasses.asdict (deep) is ten times slower at
        return dict(self.__dict__)

    @property
    def quantity(self) -> Quantity:
        return Quantity(self.value, self.high, self.qualifier, self.unit)


def _as_percent(ratio: float) -> float:
    """A proportion in percent, to four significant digits (un tiers = 33.33, deux tiers = 66.67)."""
    return float(f"{100 * ratio:.4g}")
