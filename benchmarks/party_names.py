"""Party names as trade documents write them, for the realistic feed mix of `generate.py`.

Company names are built the way each country's firms are named and registered (a place or
family name, a trade word, the legal form: "Dalian Huaxin Trading Co., Ltd.", "OOO
Primortorgservis", "Yilmaz Lojistik San. ve Tic. Ltd. Şti.", "Müller Maschinenbau GmbH"),
in the romanisations customs and payment messages carry; a tenth are persons. The pools are
common words, not real firms; a name can still happen to share words with a listed one, as
real names do. Everything is drawn from one seeded generator: the same seed, the same names.
"""

from __future__ import annotations

import random
from typing import Callable

_CN_CITY = ["Dalian", "Dandong", "Shenyang", "Qingdao", "Shanghai", "Ningbo", "Tianjin", "Guangzhou", "Shenzhen",
            "Xiamen", "Yantai", "Hunchun", "Yanji", "Harbin", "Changchun", "Weihai", "Zhuhai", "Fuzhou", "Nantong"]
_CN_SYLL = ["Hua", "Xin", "Tai", "Feng", "Sheng", "Long", "Hai", "Jin", "Yuan", "Heng", "Da", "Kang", "Rui", "Bao",
            "Fu", "Xing", "Tong", "Hong", "Cheng", "Ming", "Guang", "Yi", "Li", "Hui", "Wei", "Zhong", "An", "Lian"]
_CN_TRADE = ["Trading", "Import & Export", "International Trade", "Logistics", "Shipping", "Machinery", "Chemical",
             "Industrial", "Technology", "Textile", "Electronics", "Steel", "Seafood", "Supply Chain Management"]
_CN_FORM = ["Co., Ltd.", "Co. Ltd", "Company Limited", "Group Co., Ltd.", "Limited"]

_RU_ROOT = ["Vostok", "Sever", "Primor", "Dalnevostoch", "Trans", "Neft", "Gaz", "Stroi", "Snab", "Torg", "Impeks",
            "Logistik", "Flot", "Morport", "Sibir", "Ural", "Amur", "Baikal", "Tekh", "Prom", "Energo", "Avto",
            "Khim", "Agro", "Ryb", "Les", "Metall", "Servis", "Resurs", "Invest"]
_RU_FORM = ["OOO", "AO", "PAO", "ZAO", "OAO", "IP"]
_RU_PLACE = ["Vladivostok", "Nakhodka", "Khabarovsk", "Primorye", "Sakhalin", "Kamchatka", "Moskva", "Novosibirsk"]

_TR_FAMILY = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç",
              "Kılıç", "Aslan", "Çetin", "Kara", "Erdoğan", "Güneş", "Akın"]
_TR_TRADE = ["Deniz", "Nakliyat", "Tekstil", "Gıda", "İnşaat", "Dış Ticaret", "Lojistik", "Makina", "Enerji", "Kimya",
             "Otomotiv", "Tarım", "Madencilik", "Petrol"]
_TR_FORM = ["Ltd. Şti.", "San. ve Tic. Ltd. Şti.", "Sanayi ve Ticaret A.Ş.", "A.Ş.", "Tic. Ltd. Şti."]

_DE_FAMILY = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
              "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
              "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann"]
_DE_TRADE = ["Maschinenbau", "Logistik", "Handels", "Spedition", "Anlagenbau", "Stahlhandel", "Elektrotechnik",
             "Chemie", "Metallbau", "Feinmechanik", "Umwelttechnik", "Antriebstechnik", "Verpackung"]
_DE_FORM = ["GmbH", "GmbH & Co. KG", "AG", "KG", "Handelsgesellschaft mbH", "e.K."]

_AR_WORD = ["Al Noor", "Al Fajr", "Al Amal", "Al Baraka", "Al Rashid", "Al Mansour", "Al Jazeera", "Gulf", "Emirates",
            "Sahara", "Oasis", "Falcon", "Al Waha", "Al Safa", "Al Khaleej", "Al Hilal", "Al Majd", "Dar Al Salam",
            "Al Qasr", "Bin Hamdan", "Al Zahra", "Al Ameen"]
_AR_TRADE = ["General Trading", "Trading", "Shipping", "Marine Services", "Petroleum", "Foodstuff Trading",
             "Building Materials", "Electronics Trading", "Freight", "Auto Spare Parts"]
_AR_FORM = ["LLC", "L.L.C.", "FZE", "FZCO", "FZ-LLC", "Est.", "W.L.L.", "Co."]

_ES_WORD = ["Andina", "del Pacífico", "Austral", "del Sol", "del Norte", "Mar Azul", "Cóndor", "Atlántico", "Sierra",
            "Los Andes", "La Estrella", "San Miguel", "Santa Fe", "Río Grande", "Costa Verde", "El Puerto"]
_ES_FAMILY = ["García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez",
              "Torres", "Flores", "Núñez", "Castillo", "Morales", "Ortega", "Vargas"]
_ES_TRADE = ["Comercializadora", "Distribuidora", "Transportes", "Importadora", "Exportadora", "Naviera",
             "Inversiones", "Servicios Logísticos", "Agroindustrias", "Minera"]
_ES_FORM = ["S.A.", "S.A. de C.V.", "S.L.", "S.R.L.", "Ltda.", "S.A.C.", "y Cía."]

_JP_WORD = ["Yamato", "Nippon", "Toyo", "Kansai", "Hokkai", "Daiichi", "Asahi", "Fuji", "Sakura", "Tokai", "Chuo",
            "Nishi", "Higashi", "Kyushu", "Shikoku", "Yokohama", "Kobe", "Ise", "Mizuho", "Taiyo"]
_JP_TRADE = ["Shoji", "Kaiun", "Bussan", "Sangyo", "Kisen", "Tekko", "Denki", "Kogyo", "Unyu", "Seiki", "Kagaku",
             "Boeki", "Suisan"]
_JP_FORM = ["K.K.", "Kabushiki Kaisha", "Co., Ltd.", "Corporation", "Y.K."]

_KR_WORD = ["Hanil", "Daewon", "Samhwa", "Dongbang", "Seoul", "Busan", "Incheon", "Ulsan", "Sejin", "Hanjin",
            "Taeyang", "Kumho", "Dongil", "Sambo", "Shinhan", "Hwaseong", "Yeonsu", "Pyeonghwa", "Haedong", "Jinheung"]
_KR_TRADE = ["Sangsa", "Haeun", "Mulryu", "Trading", "Logis", "Tech", "Shipping", "Steel", "Chemical", "Precision",
             "Marine", "Electronics"]
_KR_FORM = ["Co., Ltd.", "Corporation", "Inc.", "Co."]

_IN_FAMILY = ["Sharma", "Patel", "Gupta", "Agarwal", "Mehta", "Shah", "Reddy", "Iyer", "Singh", "Jain", "Kapoor",
              "Bansal", "Desai", "Chopra", "Malhotra", "Nair", "Rao", "Joshi"]
_IN_WORD = ["Shree", "Ganesh", "Laxmi", "Bharat", "Hind", "Sagar", "Vijay", "Om", "Sai", "Krishna", "Durga", "Maruti"]
_IN_TRADE = ["Overseas", "Impex", "Exports", "Enterprises", "Industries", "Traders", "Shipping", "Agro Products",
             "Chemicals", "Textiles", "Engineering Works"]
_IN_FORM = ["Pvt. Ltd.", "Private Limited", "Ltd.", "LLP", "& Co.", "& Sons"]

_SEA = [  # South-East Asia: Vietnam, Malaysia, Indonesia, Thailand, Singapore
    (["Cong Ty TNHH"], ["Minh", "Phat", "Thanh", "Hoang", "Long", "Viet", "Phuong", "Nam", "An", "Tan"],
     ["Thuong Mai", "Xuat Nhap Khau", "Van Tai", "Dich Vu"], [""]),
    ([""], ["Sinar", "Maju", "Jaya", "Mega", "Teguh", "Bumi", "Permata", "Cahaya", "Mutiara", "Indah"],
     ["Perkasa", "Logistik", "Trading", "Marine", "Resources", "Ventures"], ["Sdn. Bhd.", "Bhd."]),
    (["PT"], ["Sumber", "Karya", "Abadi", "Sentosa", "Makmur", "Nusantara", "Samudera", "Bintang", "Surya", "Mandiri"],
     ["Niaga", "Lestari", "Utama", "Indonesia", "Perkasa"], ["Tbk", ""]),
    ([""], ["Siam", "Thai", "Chao Phraya", "Rattana", "Sombat", "Charoen", "Krung", "Wattana"],
     ["Trading", "Intertrade", "Shipping", "Logistics", "Rubber"], ["Co., Ltd.", "Public Co., Ltd."]),
    ([""], ["Pacific", "Orient", "Straits", "Harbourfront", "Lion City", "Marina", "Temasek", "Raffles"],
     ["Shipping", "Marine", "Bunkering", "Commodities", "Energy", "Resources"], ["Pte. Ltd.", "Pte Ltd"]),
]

_PERSONS = [  # (given names, family names, family first?)
    (["Ivan", "Sergei", "Dmitry", "Alexei", "Olga", "Natalia", "Andrei", "Yelena", "Mikhail", "Viktor"],
     ["Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov", "Fedorov", "Morozov", "Pavlov"], False),
    (["Wei", "Fang", "Lei", "Jing", "Hao", "Min", "Tao", "Yan", "Qiang", "Xiu Ying"],
     ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Sun", "Ma"], True),
    (["Mehmet", "Ahmet", "Mustafa", "Ayşe", "Fatma", "Emre", "Hüseyin", "Zeynep"], _TR_FAMILY, False),
    (["Hans", "Jürgen", "Klaus", "Petra", "Stefan", "Andreas", "Sabine", "Thomas"], _DE_FAMILY, False),
    (["Ahmed", "Mohammed", "Khalid", "Omar", "Fatima", "Yousef", "Hassan", "Ali"],
     ["Al-Mansouri", "Al-Hashimi", "Al Falasi", "Haddad", "Khoury", "Al-Qassimi", "Nasser", "Saleh"], False),
    (["Juan", "Carlos", "María", "José", "Luis", "Ana", "Miguel", "Lucía"], _ES_FAMILY, False),
    (["Kenji", "Hiroshi", "Takashi", "Yuki", "Akira", "Naoko", "Satoshi", "Haruto"],
     ["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Nakamura", "Kobayashi", "Yamamoto"], False),
    (["Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Soo-jin", "Dong-hyun", "Ji-woo", "Sung-min"],
     ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"], True),
    (["Rajesh", "Amit", "Priya", "Sunil", "Anil", "Deepak", "Kavita", "Vikram"], _IN_FAMILY, False),
]


def _pick(rng: random.Random, pool: list[str]) -> str:
    return pool[rng.randrange(len(pool))]


def _chinese(rng: random.Random) -> str:
    brand = _pick(rng, _CN_SYLL) + _pick(rng, _CN_SYLL).lower()
    return f"{_pick(rng, _CN_CITY)} {brand} {_pick(rng, _CN_TRADE)} {_pick(rng, _CN_FORM)}"


def _russian(rng: random.Random) -> str:
    word = _pick(rng, _RU_ROOT) + _pick(rng, _RU_ROOT).lower()
    if rng.random() < 0.3:
        word += f"-{_pick(rng, _RU_PLACE)}"
    form = _pick(rng, _RU_FORM)
    return f'{form} "{word}"' if rng.random() < 0.4 else f"{form} {word}"


def _turkish(rng: random.Random) -> str:
    return f"{_pick(rng, _TR_FAMILY)} {_pick(rng, _TR_TRADE)} {_pick(rng, _TR_FORM)}"


def _german(rng: random.Random) -> str:
    family = _pick(rng, _DE_FAMILY)
    if rng.random() < 0.3:
        family += f" & {_pick(rng, _DE_FAMILY)}"
    return f"{family} {_pick(rng, _DE_TRADE)} {_pick(rng, _DE_FORM)}"


def _arabic(rng: random.Random) -> str:
    return f"{_pick(rng, _AR_WORD)} {_pick(rng, _AR_TRADE)} {_pick(rng, _AR_FORM)}"


def _spanish(rng: random.Random) -> str:
    middle = _pick(rng, _ES_WORD) if rng.random() < 0.6 else f"{_pick(rng, _ES_FAMILY)} e Hijos"
    return f"{_pick(rng, _ES_TRADE)} {middle} {_pick(rng, _ES_FORM)}"


def _japanese(rng: random.Random) -> str:
    return f"{_pick(rng, _JP_WORD)} {_pick(rng, _JP_TRADE)} {_pick(rng, _JP_FORM)}"


def _korean(rng: random.Random) -> str:
    return f"{_pick(rng, _KR_WORD)} {_pick(rng, _KR_TRADE)} {_pick(rng, _KR_FORM)}"


def _indian(rng: random.Random) -> str:
    lead = _pick(rng, _IN_WORD) if rng.random() < 0.5 else _pick(rng, _IN_FAMILY)
    return f"{lead} {_pick(rng, _IN_TRADE)} {_pick(rng, _IN_FORM)}"


def _south_east_asian(rng: random.Random) -> str:
    lead, words, trade, forms = _SEA[rng.randrange(len(_SEA))]
    parts = [_pick(rng, lead), _pick(rng, words), _pick(rng, words), _pick(rng, trade), _pick(rng, forms)]
    return " ".join(p for p in parts if p)


_COMPANY: list[tuple[float, Callable[[random.Random], str]]] = [
    (0.25, _chinese), (0.12, _russian), (0.08, _turkish), (0.08, _german), (0.09, _arabic), (0.08, _spanish),
    (0.07, _japanese), (0.06, _korean), (0.07, _indian), (0.10, _south_east_asian),
]


def person(rng: random.Random) -> str:
    given, family, family_first = _PERSONS[rng.randrange(len(_PERSONS))]
    first, last = _pick(rng, given), _pick(rng, family)
    return f"{last} {first}" if family_first else f"{first} {last}"


def company(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for share, make in _COMPANY:
        total += share
        if roll < total:
            return make(rng)
    return _COMPANY[-1][1](rng)


def name_pool(rng: random.Random, size: int, person_share: float = 0.1) -> list[tuple[str, str]]:
    """`size` distinct (name, party type) pairs; about `person_share` of them individuals."""
    seen: dict[str, str] = {}
    while len(seen) < size:
        if rng.random() < person_share:
            seen.setdefault(person(rng), "individual")
        else:
            seen.setdefault(company(rng), "entity")
    return list(seen.items())
