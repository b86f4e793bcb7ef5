"""A shopper's time zone from an address (country, and province where the country has several
zones), no ORM. Used by the quiet hours (``support/rules/quiet_hours.py``).

- A country with one zone: that zone (CLDR's territory -> zones table, shipped with Babel).
- A country with several: the province's zone for the big ones mapped here (``PROVINCE_ZONES``: US
  states and territories, Canadian provinces, Australian states, Brazilian and Mexican states, the
  Canary Islands, the Azores and Madeira), each state at the zone of most of its people (Texas is
  Central although El Paso is Mountain; Tennessee Central, Kentucky Eastern, Idaho Mountain); for
  countries where nearly everyone lives on one clock, that clock (``MAIN_ZONES``: Germany, Spain,
  China, Argentina, ...), also when the province is unknown.
- Otherwise (Russia, Indonesia, the US, Canada or Australia without a known province, ...): None, and
  the caller falls back to the shop's zone.

Province codes are Shopify's (``CA``, ``ON``, ``NSW``, ``SP``, ``Q ROO``) or ISO 3166-2 with or without
the country prefix (``US-CA``, ``MX-ROO``, ``PT-20``); case and spaces do not matter."""
from functools import cache

from babel.core import get_global

_US = {
    "America/New_York": "CT DE DC FL GA KY ME MD MA NH NJ NY NC OH PA RI SC VT VA WV",
    "America/Chicago": "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI",
    "America/Denver": "CO MT NM UT WY",
    "America/Boise": "ID",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "America/Detroit": "MI",
    "America/Indiana/Indianapolis": "IN",
    "Pacific/Honolulu": "HI",
    "America/Puerto_Rico": "PR",
    "Pacific/Guam": "GU",
    "America/St_Thomas": "VI",
    "Pacific/Pago_Pago": "AS",
    "Pacific/Saipan": "MP",
}
_CA = {
    "America/Toronto": "ON QC",
    "America/Halifax": "NS PE",
    "America/Moncton": "NB",
    "America/St_Johns": "NL",
    "America/Winnipeg": "MB",
    "America/Regina": "SK",
    "America/Edmonton": "AB NT",
    "America/Vancouver": "BC",
    "America/Whitehorse": "YT",
    "America/Iqaluit": "NU",
}
_AU = {
    "Australia/Sydney": "NSW ACT",
    "Australia/Melbourne": "VIC",
    "Australia/Brisbane": "QLD",
    "Australia/Adelaide": "SA",
    "Australia/Perth": "WA",
    "Australia/Hobart": "TAS",
    "Australia/Darwin": "NT",
}
# Brazil and Mexico: the states off the main zone (``MAIN_ZONES``), in Shopify's and ISO's codes.
_BR = {
    "America/Manaus": "AM",
    "America/Rio_Branco": "AC",
    "America/Porto_Velho": "RO",
    "America/Boa_Vista": "RR",
    "America/Cuiaba": "MT",
    "America/Campo_Grande": "MS",
    "America/Belem": "PA AP",
    "America/Fortaleza": "CE MA PB PI RN",
    "America/Recife": "PE",
    "America/Maceio": "AL SE",
    "America/Bahia": "BA",
    "America/Araguaina": "TO",
}
_MX = {
    "America/Tijuana": "BC BCN",
    "America/Mazatlan": "BCS SIN NAY",
    "America/Hermosillo": "SON",
    "America/Chihuahua": "CHIH CHH",
    "America/Cancun": "QROO ROO",
}
_ES = {"Atlantic/Canary": "GC TF CN"}
_PT = {"Atlantic/Azores": "20", "Atlantic/Madeira": "30"}

MAIN_ZONES = {
    "AR": "America/Argentina/Buenos_Aires", "BR": "America/Sao_Paulo", "CL": "America/Santiago",
    "CN": "Asia/Shanghai", "CY": "Asia/Nicosia", "DE": "Europe/Berlin", "EC": "America/Guayaquil",
    "ES": "Europe/Madrid", "GL": "America/Nuuk", "KZ": "Asia/Almaty", "MH": "Pacific/Majuro",
    "MN": "Asia/Ulaanbaatar", "MX": "America/Mexico_City", "MY": "Asia/Kuala_Lumpur", "NZ": "Pacific/Auckland",
    "PF": "Pacific/Tahiti", "PG": "Pacific/Port_Moresby", "PS": "Asia/Hebron", "PT": "Europe/Lisbon",
    "UA": "Europe/Kyiv", "UZ": "Asia/Tashkent",
}


def _by_province(table: dict[str, str]) -> dict[str, str]:
    return {code: zone for zone, codes in table.items() for code in codes.split()}


PROVINCE_ZONES = {"US": _by_province(_US), "CA": _by_province(_CA), "AU": _by_province(_AU), "BR": _by_province(_BR),
                  "MX": _by_province(_MX), "ES": _by_province(_ES), "PT": _by_province(_PT)}


def zone_for_address(country_code: str | None, province_code: str | None) -> str | None:
    """The zone of a shipping or customer address, or None when the address does not tell."""
    country = (country_code or "").strip().upper()
    if not country:
        return None
    province = _province(country, province_code)
    found = PROVINCE_ZONES.get(country, {}).get(province) or MAIN_ZONES.get(country)
    if found:
        return found
    zones = _territory_zones().get(country, ())
    return zones[0] if len(zones) == 1 else None


def _province(country: str, province_code: str | None) -> str:
    code = "".join((province_code or "").upper().split())
    return code.removeprefix(f"{country}-")


@cache
def _territory_zones() -> dict[str, tuple[str, ...]]:
    return {country: tuple(zones) for country, zones in get_global("territory_zones").items()}
