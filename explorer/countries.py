"""The countries a clinic may be in (clinic.csv's `country`, an ISO 3166-1 alpha-2 code) and the
numbers people there call for help. Numbers are facts of the country, the same in every language,
so they are kept here once; the names of the services are words, in the catalogue
(content/<language>/ui.toml, [country.<code>]), and every country here has them there."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from explorer.words import LANGUAGE


@dataclass(frozen=True)
class Country:
    # Numbers that reach the emergency services: the clinic's emergency_phone must be one.
    emergency_numbers: tuple[str, ...]
    # A national line for urgent advice that is not an emergency, where the country has one:
    # the warning signs name it as that service only when the clinic's urgent_phone is it.
    urgent_numbers: tuple[str, ...] = ()


# Sources read for each number (December 2026):
COUNTRIES: dict[str, Country] = {
    # United Kingdom. 999 and 112: GOV.UK, "999 and 112: the UK's national emergency numbers"
    # (calls to either reach the same call-handling centres). 111: NHS pages (West Midlands
    # Ambulance Service "999 or 111?", South Western Ambulance Service "When to call 999"): NHS 111
    # for medical help that is not a life-threatening emergency, 24 hours a day.
    "GB": Country(("999", "112"), ("111",)),
    # United States. 911: FCC, "9-1-1 and E9-1-1 Services" (the 911 Act made 911 the universal
    # emergency number for all telephone services). No national line for urgent advice.
    "US": Country(("911",)),
    # Spain. 112: the single European emergency number (European Commission, 112 Day; Spain's
    # 112 services). 061: health emergencies in several regions (upday España, "¿112, 091 o
    # 061?"; Diario de Almería on Andalucía's 061).
    "ES": Country(("112", "061")),
    # Mexico. 911: the national emergency number since 2016-2017, replacing 066 (Secretariado
    # Ejecutivo del SNSP, as reported by El Informador and Uno TV, October 2016).
    "MX": Country(("911",)),
}

# Where the reader is not in the clinic's country, the warning signs add a local emergency number
# as examples: the single European number, and the one the United States and Mexico share (both
# in COUNTRIES above). Sources read for them (data/sources.csv): S434, the European Commission on
# 112 in every member state; S435, FCC on 911; S436, Mexico's 911 replacing 066.
ELSEWHERE_NUMBERS = {
    "eu_phone": COUNTRIES["ES"].emergency_numbers[0],
    "us_phone": COUNTRIES["US"].emergency_numbers[0],
}
ELSEWHERE_SOURCES = ("S434", "S435", "S436")


def is_country_code(code: str) -> bool:
    """Whether `code` is a two-letter country code (ISO 3166-1 alpha-2, in capitals) that CLDR
    names, whether or not the app knows its numbers."""
    return len(code) == 2 and code.isalpha() and code.isupper() and code in _territories(LANGUAGE)


def country_name(code: str, language: str) -> str:
    """The country's name in `language` ("United Kingdom", "Reino Unido"), from CLDR; the code
    itself where CLDR has no name for it."""
    return _territories(language).get(code, code)


@cache
def _territories(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language, sep="-").territories)
    except (UnknownLocaleError, ValueError):  # a language CLDR lacks: its names in English
        return dict(Locale.parse(LANGUAGE).territories)
