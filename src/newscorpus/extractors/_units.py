"""Unit, currency and qualifier vocabularies for the figures extractor.

The names follow the normalised vocabulary of the figures gold (``km``, ``USD``,
``year_of_age``, ``percent`` ...), so predictions and gold speak one language. Surface
forms are matched as sequences of lower-case tokens (``("per", "cent")``); the handful of
one-letter symbols whose case carries meaning (``m`` metre vs ``M``, ``C`` Celsius, ``F``
farad or Fahrenheit) live in a separate, case-sensitive table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

__all__ = [
    "CASED_UNITS",
    "CHANGE_WORDS",
    "CURRENCY_CODES",
    "CURRENCY_WORDS",
    "QUALIFIERS",
    "QUANTITY_OF",
    "RATE_DENOMINATORS",
    "UNITS",
    "UNIT_FIRST",
    "UNIT_WIDTH",
]


# unit -> surface forms ("|" separates forms; a form's words are matched as tokens).
_UNIT_FORMS: Final[dict[str, str]] = {
    "percent": "%|percent|per cent|pc|pct|percentage|per-cent",
    "point": "point|points|pts|percentage point|percentage points",
    "basis_point": "basis point|basis points|bps|bp|basis-point",
    "times": "times|fold|-fold",
    "km": "km|kms|kilometre|kilometres|kilometer|kilometers|kilometre-long|kilometer-long",
    "m": "metre|metres|meter|meters|mtr|mtrs",
    "cm": "cm|centimetre|centimetres|centimeter|centimeters",
    "mm": "mm|millimetre|millimetres|millimeter|millimeters",
    "um": "um|μm|µm|micron|microns|micrometre|micrometres|micrometer|micrometers",
    "nm": "nm|nanometre|nanometres|nanometer|nanometers",
    "mi": "mi|mile|miles|mile-long|-mile",
    "ft": "ft|foot|feet|′",
    "in": "inch|inches|″",
    "yd": "yd|yds|yard|yards",
    "nmi": "nautical mile|nautical miles|nmi",
    "km2": "km2|km²|sq km|square kilometre|square kilometres|square kilometer|square kilometers",
    "m2": "m2|m²|sq m|sqm|square metre|square metres|square meter|square meters",
    "ft2": "ft2|ft²|sq ft|sqft|square foot|square feet",
    "mi2": "mi2|sq mi|square mile|square miles",
    "acre": "acre|acres",
    "ha": "ha|hectare|hectares",
    "L": "l|litre|litres|liter|liters|ltr",
    "mL": "ml|millilitre|millilitres|milliliter|milliliters",
    "gal": "gal|gallon|gallons",
    "barrel": "barrel|barrels|bbl|bbls",
    "ft3": "cubic foot|cubic feet|cu ft",
    "m3": "m3|m³|cubic metre|cubic metres|cubic meter|cubic meters",
    "pint": "pint|pints",
    "quart": "quart|quarts",
    "kg": "kg|kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos",
    "g": "g|gram|grams|gramme|grammes",
    "mg": "mg|milligram|milligrams",
    "lb": "lb|lbs|pound|pounds",
    "oz": "oz|ounce|ounces",
    "t": "tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes",
    "ton": "ton|tons",
    "Gt": "gt|gigatonne|gigatonnes|gigaton|gigatons",
    "year": "year|years|yr|yrs",
    "month": "month|months",
    "week": "week|weeks",
    "day": "day|days",
    "hour": "hour|hours|hr|hrs|h",
    "minute": "minute|minutes|min|mins",
    "second": "second|seconds|sec|secs",
    "km/h": "km/h|kph|kmh|kmph|kilometres per hour|kilometers per hour|km per hour",
    "mph": "mph|miles per hour|mile per hour|miles an hour",
    "m/s": "m/s|metres per second|meters per second",
    "knot": "knot|knots|kt|kts",
    "degC": "°c|degrees celsius|degree celsius|celsius|degrees centigrade|centigrade|deg c|degc",
    "degF": "°f|degrees fahrenheit|degree fahrenheit|fahrenheit|degf",
    "degree": "degree|degrees|°",
    "W": "w|watt|watts",
    "kW": "kw|kilowatt|kilowatts",
    "MW": "mw|megawatt|megawatts",
    "GW": "gw|gigawatt|gigawatts",
    "kWh": "kwh|kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours",
    "MWh": "mwh|megawatt hour|megawatt hours",
    "GWh": "gwh|gigawatt hour|gigawatt hours|gigawatt-hour|gigawatt-hours",
    "hp": "hp|bhp|horsepower|ps",
    "cal": "cal|calorie|calories|kcal",
    "Hz": "hz|hertz",
    "kHz": "khz",
    "MHz": "mhz",
    "GHz": "ghz",
    "rpm": "rpm",
    "bit": "bit|bits",
    "byte": "byte|bytes",
    "KB": "kb|kilobyte|kilobytes",
    "MB": "mb|megabyte|megabytes",
    "GB": "gb|gigabyte|gigabytes",
    "TB": "tb|terabyte|terabytes",
    "Mbit/s": "mbps|mbit/s|megabits per second",
    "Pa": "pa|pascal|pascals",
    "kPa": "kpa",
    "MPa": "mpa",
    "GPa": "gpa",
    "ksi": "ksi",
    "ppm": "ppm|parts per million",
    "ppb": "ppb|parts per billion",
    "dB": "db|decibel|decibels",
    "mAh": "mah",
    "V": "v|volt|volts",
    "kV": "kv|kilovolt|kilovolts",
    "N*m": "nm|newton-metre|newton-metres|newton metres|newton-meter|newton-meters",
    "lbf*ft": "lb-ft|lb ft|pound-feet|pound-foot|pound feet|lbs-ft",
    "mpg": "mpg|miles per gallon",
    "cent": "cent|cents|pence|penny|sen|¢",
    "year_of_age": "year-old|years-old|years old|year old|-year-old",
    "month_of_age": "month-old|months-old|months old|month old",
}
# One-letter and case-sensitive symbols, matched only straight after digits ("40m", "12 C").
CASED_UNITS: Final[dict[str, str]] = {
    "m": "m",
    "C": "degC",
    "F": "degF",
    "L": "L",
    "t": "t",
    "h": "hour",
    "l": "L",
    "W": "W",
    "V": "V",
    "g": "g",
    "R": "R",
    "in": "in",
    "p": "cent",  # "50p", "164p": pence
    "Nm": "N*m",
    "MW": "MW",
    "GW": "GW",
    "kW": "kW",
    "mW": "mW",
}

UNITS: Final[dict[tuple[str, ...], str]] = {}
for _unit, _forms in _UNIT_FORMS.items():
    for _form in _forms.split("|"):
        if len(_form) == 1 and _form.isalpha():
            continue  # one letter: only in CASED_UNITS, where its case is checked
        UNITS[tuple(_form.replace("-", " - ").replace("/", " / ").split())] = _unit
UNIT_FIRST: Final = frozenset(key[0] for key in UNITS)
# "nm" reads as newton-metres in car stories far more often than as nanometres.
UNITS[("nm",)] = "N*m"
# The most words a unit starting with a given word has: no longer one need be looked up.
UNIT_WIDTH: Final[dict[str, int]] = {}
for _key in UNITS:
    UNIT_WIDTH[_key[0]] = max(UNIT_WIDTH.get(_key[0], 1), len(_key))

# Currency symbols and codes written before the number; "$" is USD unless the text says
# otherwise (NewsQuant's convention, and the usual one in English news).
CURRENCY_CODES: Final[frozenset[str]] = frozenset(
    "USD EUR GBP JPY CNY AUD CAD NZD HKD SGD MYR ILS INR DKK HRK ZAR CHF BRL MXN RUB KRW SEK NOK "
    "PLN TRY THB IDR NGN AED SAR".split()
)
CURRENCY_PREFIXES: Final[dict[str, str]] = {
    "$": "USD",
    "US$": "USD",
    "US $": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "$US": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AU $": "AUD",
    "AUD$": "AUD",
    "$A": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "NZ$": "NZD",
    "NZ $": "NZD",
    "NZD$": "NZD",
    "HK$": "HKD",
    "HK $": "HKD",
    "S$": "SGD",
    "S $": "SGD",
    "SG$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "PS": "GBP",  # how an ASCII transliteration writes "£"
    "€": "EUR",
    "¥": "JPY",
    "Y=": "JPY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "RM": "MYR",
    "R": "ZAR",
    "₪": "ILS",
    "₩": "KRW",
    "₽": "RUB",
    "Fr.": "CHF",
    "CHF": "CHF",
}
CURRENCY_SUFFIX_SYMBOLS: Final[dict[str, str]] = {"€": "EUR", "£": "GBP", "$": "USD", "¢": "cent"}
# Currency names written after the number ("1.3 billion shekels", "8.99 Australian dollars").
CURRENCY_WORDS: Final[dict[tuple[str, ...], str]] = {
    ("dollar",): "USD",
    ("dollars",): "USD",
    ("us", "dollars"): "USD",
    ("u.s.", "dollars"): "USD",
    ("american", "dollars"): "USD",
    ("australian", "dollars"): "AUD",
    ("australian", "dollar"): "AUD",
    ("canadian", "dollars"): "CAD",
    ("canadian", "dollar"): "CAD",
    ("new", "zealand", "dollars"): "NZD",
    ("new", "zealand", "dollar"): "NZD",
    ("hong", "kong", "dollars"): "HKD",
    ("singapore", "dollars"): "SGD",
    ("singapore", "dollar"): "SGD",
    ("euro",): "EUR",
    ("euros",): "EUR",
    ("pounds", "sterling"): "GBP",
    ("sterling",): "GBP",
    ("yen",): "JPY",
    ("yuan",): "CNY",
    ("renminbi",): "CNY",
    ("rupee",): "INR",
    ("rupees",): "INR",
    ("shekel",): "ILS",
    ("shekels",): "ILS",
    ("ringgit",): "MYR",
    ("rand",): "ZAR",
    ("swiss", "francs"): "CHF",
    ("francs",): "CHF",
    ("roubles",): "RUB",
    ("rubles",): "RUB",
    ("rouble",): "RUB",
    ("ruble",): "RUB",
    ("pesos",): "MXN",
    ("reais",): "BRL",
    ("won",): "KRW",
    ("kuna",): "HRK",
    ("kn",): "HRK",
    ("kroner",): "DKK",
    ("krone",): "DKK",
    ("zloty",): "PLN",
    ("lira",): "TRY",
    ("baht",): "THB",
    ("rupiah",): "IDR",
    ("naira",): "NGN",
    ("dirhams",): "AED",
    ("riyals",): "SAR",
    ("crowns",): "SEK",
    ("kronor",): "SEK",
}
for _code in CURRENCY_CODES:
    CURRENCY_WORDS[(_code.lower(),)] = _code

# Denominators of rates ("$14.95 a month", "800,000 barrels a day", "63 cents per share").
RATE_DENOMINATORS: Final[dict[str, str]] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
    "annum": "year",
    "century": "century",
    "decade": "decade",
    "barrel": "barrel",
    "share": "share",
    "gram": "g",
    "g": "g",
    "kilogram": "kg",
    "kg": "kg",
    "kilo": "kg",
    "pound": "lb",
    "lb": "lb",
    "ounce": "oz",
    "oz": "oz",
    "tonne": "t",
    "ton": "ton",
    "gallon": "gal",
    "litre": "L",
    "pint": "pint",
    "liter": "L",
    "game": "game",
    "head": "person",
    "person": "person",
    "capita": "person",
    "unit": "unit",
    "night": "night",
    "square": "square",
    "mile": "mi",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
}
RATE_ADVERBS: Final[dict[str, str]] = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}

# Words right before a figure that qualify it; the longest match wins.
QUALIFIERS: Final[dict[tuple[str, ...], str]] = {
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("over", "than"): "more_than",
    ("just", "over"): "more_than",
    ("well", "over"): "more_than",
    ("above",): "more_than",
    ("in", "excess", "of"): "more_than",
    ("upwards", "of"): "more_than",
    ("upward", "of"): "more_than",
    ("greater", "than"): "more_than",
    ("higher", "than"): "more_than",
    ("exceeding",): "more_than",
    ("north", "of"): "more_than",
    ("less", "than"): "less_than",
    ("fewer", "than"): "less_than",
    ("under",): "less_than",
    ("just", "under"): "less_than",
    ("below",): "less_than",
    ("lower", "than"): "less_than",
    ("shy", "of"): "less_than",
    ("about",): "approx",
    ("around",): "approx",
    ("round", "about"): "approx",
    ("approximately",): "approx",
    ("approx",): "approx",
    ("approx", "."): "approx",
    ("roughly",): "approx",
    ("some",): "approx",
    ("an", "estimated"): "approx",
    ("estimated",): "approx",
    ("circa",): "approx",
    ("~",): "approx",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("just", "shy", "of"): "nearly",
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("at", "most"): "at_most",
    ("up", "to"): "at_most",
    ("no", "more", "than"): "at_most",
    ("as", "many", "as"): "at_most",
    ("as", "much", "as"): "at_most",
    ("a", "maximum", "of"): "at_most",
}

# Verbs of change straight before a figure ("rose 5%", "fell by 3 million", "up 9.4 per cent").
CHANGE_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(
        "rise rises rose risen rising up gain gains gained gaining jump jumps jumped jumping "
        "climb climbs climbed climbing increase increases increased increasing grow grows grew "
        "grown growing surge surges surged surging soar soars soared soaring add adds added "
        "adding advance advances advanced advancing rally rallies rallied boost boosted raise "
        "raised raises spike spiked spikes rebound rebounded swell swelled widened "
        "expanded expand expands +".split(),
        "increase",
    ),
    **dict.fromkeys(
        "fall falls fell fallen falling down drop drops dropped dropping decline declines "
        "declined declining lose loses lost losing slide slides slid sliding slump slumps "
        "slumped plunge plunges plunged plunging decrease decreases decreased decreasing shed "
        "sheds shedding dip dips dipped tumble tumbles tumbled tumbling ease eases eased easing "
        "sink sinks sank sunk slip slips slipped retreat retreated shrink shrank shrunk shrinks "
        "contracted contract contracts narrowed sliced trimmed plummeted plummet plummets "
        "crashed slashed".split(),
        "decrease",
    ),
}

QUANTITY_OF: Final[dict[str, str]] = {
    "percent": "percent",
    "point": "points",
    "basis_point": "points",
    "times": "multiplier",
    "cent": "money",
    "year": "duration",
    "month": "duration",
    "week": "duration",
    "day": "duration",
    "hour": "duration",
    "minute": "duration",
    "second": "duration",
    "year_of_age": "age",
    "month_of_age": "age",
    "time_of_day": "time",
    **dict.fromkeys("km m cm mm um nm mi ft in yd nmi".split(), "length"),
    **dict.fromkeys("km2 m2 ft2 mi2 acre ha".split(), "area"),
    **dict.fromkeys("L mL gal barrel ft3 m3 pint quart".split(), "volume"),
    **dict.fromkeys("kg g mg lb oz t ton Gt".split(), "mass"),
    **dict.fromkeys("km/h mph m/s knot".split(), "speed"),
    **dict.fromkeys("degC degF degree kelvin".split(), "temperature"),
    **dict.fromkeys("W kW MW GW mW hp".split(), "power"),
    **dict.fromkeys("kWh MWh GWh cal".split(), "energy"),
    **dict.fromkeys("Hz kHz MHz GHz rpm".split(), "frequency"),
    **dict.fromkeys("bit byte KB MB GB TB Mbit/s".split(), "data"),
    **dict.fromkeys("Pa kPa MPa GPa ksi".split(), "pressure"),
}


@lru_cache(maxsize=1024)  # a few hundred units, asked about for every figure
def quantity_of(unit: str | None) -> str:
    """The kind of quantity a unit measures (``km`` -> ``length``, ``USD`` -> ``money``)."""
    if unit is None:
        return "number"
    base = unit.split("/")[0]
    if base in CURRENCY_CODES:
        return "money" if "/" not in unit else "price"
    if base == "count":
        return "count" if "/" not in unit else "rate"
    kind = QUANTITY_OF.get(base, "measure")
    return kind if "/" not in unit else "rate"
