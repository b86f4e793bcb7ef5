"""Static reference data for the seeded store: markets, cities, carriers, products.

The shop sells from a US warehouse (New Jersey) and a Shenzhen fulfilment partner, so
parcels travel on carriers that make sense for each origin and destination.
"""

from __future__ import annotations

from dataclasses import dataclass

SHOP_CURRENCY = "USD"
SHOP_TIMEZONE = "America/New_York"


@dataclass(frozen=True)
class Market:
    country_code: str
    country: str
    currency: str
    fx_rate: str  # presentment units per USD
    calling_code: str
    national_digits: int
    locales: tuple[tuple[str, str], ...]  # (Shopify locale, Faker locale)
    cities: tuple[tuple[str, str | None, str | None, str], ...]  # city, province, code, zip
    weight: int  # relative share of customers


MARKETS: tuple[Market, ...] = (
    Market(
        "US",
        "United States",
        "USD",
        "1",
        "1",
        10,
        (("en", "en_US"),),
        (
            ("New York", "New York", "NY", "10001"),
            ("Austin", "Texas", "TX", "78701"),
            ("San Francisco", "California", "CA", "94103"),
            ("Chicago", "Illinois", "IL", "60601"),
            ("Seattle", "Washington", "WA", "98101"),
        ),
        14,
    ),
    Market(
        "GB",
        "United Kingdom",
        "GBP",
        "0.79",
        "44",
        10,
        (("en", "en_GB"),),
        (
            ("London", "England", "ENG", "SW1A 1AA"),
            ("Manchester", "England", "ENG", "M1 1AE"),
            ("Edinburgh", "Scotland", "SCT", "EH1 1YZ"),
        ),
        6,
    ),
    Market(
        "CA",
        "Canada",
        "CAD",
        "1.36",
        "1",
        10,
        (("en", "en_CA"), ("fr", "fr_CA")),
        (
            ("Toronto", "Ontario", "ON", "M5V 2T6"),
            ("Vancouver", "British Columbia", "BC", "V6B 1A1"),
            ("Montréal", "Quebec", "QC", "H2X 1Y4"),
        ),
        5,
    ),
    Market(
        "DE",
        "Germany",
        "EUR",
        "0.92",
        "49",
        10,
        (("de", "de_DE"),),
        (("Berlin", None, None, "10115"), ("München", None, None, "80331"), ("Hamburg", None, None, "20095")),
        4,
    ),
    Market(
        "FR",
        "France",
        "EUR",
        "0.92",
        "33",
        9,
        (("fr", "fr_FR"),),
        (("Paris", None, None, "75002"), ("Lyon", None, None, "69002"), ("Marseille", None, None, "13001")),
        4,
    ),
    Market(
        "ES",
        "Spain",
        "EUR",
        "0.92",
        "34",
        9,
        (("es", "es_ES"),),
        (("Madrid", "Madrid", "M", "28013"), ("Barcelona", "Barcelona", "B", "08002")),
        3,
    ),
    Market(
        "BR",
        "Brazil",
        "BRL",
        "5.02",
        "55",
        11,
        (("pt-BR", "pt_BR"),),
        (
            ("São Paulo", "São Paulo", "SP", "01310-100"),
            ("Rio de Janeiro", "Rio de Janeiro", "RJ", "20040-020"),
        ),
        3,
    ),
    Market(
        "MX",
        "Mexico",
        "MXN",
        "17.10",
        "52",
        10,
        (("es", "es_MX"),),
        (
            ("Ciudad de México", "Ciudad de México", "CMX", "06600"),
            ("Guadalajara", "Jalisco", "JAL", "44100"),
        ),
        3,
    ),
    Market(
        "IT",
        "Italy",
        "EUR",
        "0.92",
        "39",
        10,
        (("it", "it_IT"),),
        (("Milano", "Milano", "MI", "20121"), ("Roma", "Roma", "RM", "00184")),
        2,
    ),
    Market(
        "NL",
        "Netherlands",
        "EUR",
        "0.92",
        "31",
        9,
        (("nl", "nl_NL"),),
        (("Amsterdam", None, None, "1012 AB"), ("Rotterdam", None, None, "3011 AD")),
        2,
    ),
    Market(
        "JP",
        "Japan",
        "JPY",
        "150",
        "81",
        10,
        (("ja", "ja_JP"),),
        (("Shibuya", "Tokyo", "JP-13", "150-0002"), ("Osaka", "Osaka", "JP-27", "530-0001")),
        3,
    ),
    Market(
        "CN",
        "China",
        "CNY",
        "7.20",
        "86",
        11,
        (("zh-CN", "zh_CN"),),
        (("Shanghai", "Shanghai", "SH", "200001"), ("Beijing", "Beijing", "BJ", "100010")),
        2,
    ),
    Market(
        "AU",
        "Australia",
        "AUD",
        "1.52",
        "61",
        9,
        (("en", "en_AU"),),
        (("Sydney", "New South Wales", "NSW", "2000"), ("Melbourne", "Victoria", "VIC", "3000")),
        3,
    ),
    Market(
        "SA",
        "Saudi Arabia",
        "SAR",
        "3.75",
        "966",
        9,
        (("ar", "ar_SA"),),
        (("Riyadh", None, None, "11564"), ("Jeddah", None, None, "21577")),
        2,
    ),
)

MARKETS_BY_CODE = {market.country_code: market for market in MARKETS}


@dataclass(frozen=True)
class Product:
    title: str
    sku: str
    price: str  # USD
    origin: str  # "US" warehouse or "CN" fulfilment partner
    vendor: str


PRODUCTS: tuple[Product, ...] = (
    Product("Merino Wool Beanie", "BEANIE-MER-01", "29.00", "US", "Northwind Knits"),
    Product("Canvas Weekender Bag", "BAG-WKD-02", "89.00", "US", "Harbor Goods"),
    Product("Ceramic Pour-Over Set", "COF-POUR-03", "45.50", "US", "Kiln & Co"),
    Product("Organic Cotton Tee", "TEE-ORG-04", "24.00", "US", "Harbor Goods"),
    Product("Trail Running Socks (3-pack)", "SOCK-TRL-05", "18.00", "US", "Northwind Knits"),
    Product("Wireless Earbuds Case", "EAR-CASE-06", "12.50", "CN", "Volt Supply"),
    Product("LED Desk Lamp", "LAMP-LED-07", "39.90", "CN", "Volt Supply"),
    Product("Phone Tripod Mini", "TRI-MINI-08", "15.75", "CN", "Volt Supply"),
    Product("Bamboo Cutting Board", "BRD-BMB-09", "34.00", "US", "Kiln & Co"),
    Product("Silk Sleep Mask", "MASK-SLK-10", "22.00", "CN", "Luna Textiles"),
)

LOCATIONS = {
    "US": {
        "name": "Newark Warehouse",
        "city": "Newark",
        "province_code": "NJ",
        "country_code": "US",
        "zip": "07102",
    },
    "CN": {
        "name": "Shenzhen Fulfilment Partner",
        "city": "Shenzhen",
        "province_code": "GD",
        "country_code": "CN",
        "zip": "518000",
    },
}

# (company, tracking number pattern, tracking url template). Patterns: "S10:XX:CC" is a
# UPU S10 number with a check digit, otherwise "#" is a digit and "A" an upper-case letter.
CARRIERS: dict[str, tuple[str, str]] = {
    "USPS": ("9400#####################", "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}"),
    "UPS": ("1ZAAA###########", "https://www.ups.com/track?tracknum={n}"),
    "FedEx": ("############", "https://www.fedex.com/fedextrack/?trknbr={n}"),
    "DHL Express": ("##########", "https://www.dhl.com/global-en/home/tracking.html?tracking-id={n}"),
    "Royal Mail": ("S10:RR:GB", "https://www.royalmail.com/track-your-item#/tracking-results/{n}"),
    "Canada Post": (
        "################",
        "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={n}",
    ),
    "Australia Post": ("S10:RR:AU", "https://auspost.com.au/mypost/track/details/{n}"),
    "Correios": ("S10:LB:BR", "https://rastreamento.correios.com.br/app/index.php?objeto={n}"),
    "La Poste": ("S10:CB:FR", "https://www.laposte.fr/outils/suivre-vos-envois?code={n}"),
    "Colissimo": ("6A###########", "https://www.laposte.fr/outils/suivre-vos-envois?code={n}"),
    "PostNL": ("3SAAAA#######", "https://jouw.postnl.nl/track-and-trace/{n}"),
    "Japan Post (EN)": (
        "S10:EJ:JP",
        "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1={n}",
    ),
    "China Post": ("S10:LK:CN", "https://track.chinapost.com.cn/#/?trackingNumber={n}"),
    "Yanwen": ("S10:UG:CN", "https://track.yw56.com.cn/en/querydel?nums={n}"),
    "4PX": ("4PX30000########CN", "https://track.4px.com/#/result/0/{n}"),
}

# Carriers by (origin warehouse, destination country); "*" is any other destination.
ROUTES: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "US"): ("USPS", "UPS", "FedEx"),
    ("US", "CA"): ("Canada Post", "UPS"),
    ("US", "GB"): ("Royal Mail", "DHL Express"),
    ("US", "FR"): ("La Poste", "Colissimo", "DHL Express"),
    ("US", "NL"): ("PostNL", "DHL Express"),
    ("US", "BR"): ("Correios",),
    ("US", "JP"): ("Japan Post (EN)", "DHL Express"),
    ("US", "AU"): ("Australia Post", "DHL Express"),
    ("US", "MX"): ("FedEx", "DHL Express"),
    ("US", "*"): ("DHL Express", "UPS", "FedEx"),
    ("CN", "CN"): ("China Post",),
    ("CN", "*"): ("Yanwen", "4PX", "China Post"),
}

SHIPPING_STATES = (
    "unfulfilled",
    "in_transit",
    "out_for_delivery",
    "delivered",
    "delayed",
    "attempted_delivery",
    "failure",
    "partially_fulfilled",
    "cancelled",
)

# Relative frequency of each shipping state after every state got one order.
STATE_WEIGHTS = (12, 18, 6, 40, 6, 4, 3, 5, 6)

# Days since the order was placed, per state (inclusive range).
STATE_AGE_DAYS: dict[str, tuple[int, int]] = {
    "unfulfilled": (1, 3),
    "in_transit": (2, 9),
    "out_for_delivery": (3, 10),
    "delivered": (6, 59),
    "delayed": (12, 30),
    "attempted_delivery": (5, 14),
    "failure": (10, 25),
    "partially_fulfilled": (3, 12),
    "cancelled": (1, 40),
}

STAFF_LOCALES = ("en", "zh-CN", "es")
STAFF_FAKER = {"en": "en_US", "zh-CN": "zh_CN", "es": "es_ES"}


def carriers_for(origin: str, country_code: str) -> tuple[str, ...]:
    return ROUTES.get((origin, country_code)) or ROUTES[(origin, "*")]


SHIP_FEES = {"domestic": "6.90", "international": "14.90"}
