# ruff: noqa: E501  (tables of names: one row a line reads best)
"""Office phrases people_from_wikidata.py writes for every country in countries_table.py:
English forms for the countries offices.yaml lacks, and Arabic and Chinese forms for all."""

# Arabic adjectives (nisba) of the countries most in the news: "الرئيس الروسي".
ARABIC_ADJECTIVES = {
    "US": ["الأمريكي", "الأميركي"], "RU": ["الروسي"], "CN": ["الصيني"], "FR": ["الفرنسي"],
    "GB": ["البريطاني"], "DE": ["الألماني"], "UA": ["الأوكراني"], "TR": ["التركي"],
    "IR": ["الإيراني"], "IL": ["الإسرائيلي"], "EG": ["المصري"], "SA": ["السعودي"],
    "AE": ["الإماراتي"], "QA": ["القطري"], "SY": ["السوري"], "LB": ["اللبناني"],
    "IQ": ["العراقي"], "JO": ["الأردني"], "PS": ["الفلسطيني"], "YE": ["اليمني"],
    "SD": ["السوداني"], "DZ": ["الجزائري"], "MA": ["المغربي"], "TN": ["التونسي"],
    "LY": ["الليبي"], "OM": ["العماني"], "KW": ["الكويتي"], "BH": ["البحريني"],
    "IN": ["الهندي"], "PK": ["الباكستاني"], "JP": ["الياباني"], "IT": ["الإيطالي"],
    "ES": ["الإسباني"], "CA": ["الكندي"], "BR": ["البرازيلي"], "AU": ["الأسترالي"],
    "KR": ["الكوري الجنوبي"], "ID": ["الإندونيسي"], "MX": ["المكسيكي"],
    "AR": ["الأرجنتيني"], "ZA": ["الجنوب أفريقي"], "AF": ["الأفغاني"], "BY": ["البيلاروسي"],
    "PL": ["البولندي"], "HU": ["المجري"], "VE": ["الفنزويلي"], "ET": ["الإثيوبي"],
    # Less often in the news, but summoned, recalled and visited all the same ("استدعت
    # السفيرة السويدية"): their singular forms only (SINGULAR_ONLY), for memory (#17). Left
    # out: المالي (Mali; "financial"), الروماني (also "Roman").
    "SE": ["السويدي"], "NL": ["الهولندي"], "DK": ["الدنماركي"], "NO": ["النرويجي"],
    "BE": ["البلجيكي"], "AT": ["النمساوي"], "CH": ["السويسري"], "GR": ["اليوناني"],
    "PT": ["البرتغالي"], "IE": ["الأيرلندي", "الإيرلندي"], "FI": ["الفنلندي"],
    "CZ": ["التشيكي"], "SK": ["السلوفاكي"], "BG": ["البلغاري"], "RS": ["الصربي"],
    "HR": ["الكرواتي"], "BA": ["البوسني"], "AL": ["الألباني"], "CY": ["القبرصي"],
    "LT": ["الليتواني"], "LV": ["اللاتفي"], "EE": ["الإستوني"], "MD": ["المولدوفي"],
    "AZ": ["الأذربيجاني", "الأذري"], "AM": ["الأرميني", "الأرمني"], "GE": ["الجورجي"],
    "KZ": ["الكازاخستاني", "الكازاخي"], "UZ": ["الأوزبكي", "الأوزبكستاني"],
    "TJ": ["الطاجيكي"], "KG": ["القرغيزي"], "TM": ["التركمانستاني"],
    "BD": ["البنغلاديشي"], "LK": ["السريلانكي"], "NP": ["النيبالي"],
    "VN": ["الفيتنامي"], "TH": ["التايلاندي"], "MY": ["الماليزي"], "PH": ["الفلبيني"],
    "SG": ["السنغافوري"], "KP": ["الكوري الشمالي"], "MN": ["المنغولي"],
    "NZ": ["النيوزيلندي"], "NG": ["النيجيري"], "KE": ["الكيني"], "SO": ["الصومالي"],
    "ER": ["الإريتري"], "DJ": ["الجيبوتي"], "TD": ["التشادي"], "MR": ["الموريتاني"],
    "SN": ["السنغالي"], "RW": ["الرواندي"], "UG": ["الأوغندي"], "TZ": ["التنزاني"],
    "AO": ["الأنغولي"], "MZ": ["الموزمبيقي"], "GH": ["الغاني"], "CM": ["الكاميروني"],
    "CU": ["الكوبي"], "CO": ["الكولومبي"], "CL": ["التشيلي"], "PE": ["البيروفي"],
    "BO": ["البوليفي"], "NI": ["النيكاراغوي"], "EC": ["الإكوادوري"],
}
# An adjective's forms the base holds as the country's Arabic adjectives (a nisba agrees in
# gender, number and case, with or without the article): الفرنسي, الفرنسية, فرنسيا (the
# accusative's alif: "التقى وزيرا فرنسيا"), فرنسيون, الفرنسيين, فرنسيات... Left out: forms that
# are a person's name in the news (السوداني: Iraq's prime minister Mohammed Shia al-Sudani).
ARABIC_ENDINGS = ("ي", "ية", "يا", "يان", "يين", "يون", "يات", "يتان", "يتين")
# The states whose adjectives the base holds in the singular only: the masculine and the
# feminine, with and without the article ("السفيرة السويدية", "سفير سويدي"). The plural and
# dual forms of 64 more states cost about 2 MiB in every process that reads the base (#17).
SINGULAR_ONLY = frozenset({
    "SE", "NL", "DK", "NO", "BE", "AT", "CH", "GR", "PT", "IE", "FI", "CZ", "SK", "BG", "RS",
    "HR", "BA", "AL", "CY", "LT", "LV", "EE", "MD", "AZ", "AM", "GE", "KZ", "UZ", "TJ", "KG",
    "TM", "BD", "LK", "NP", "VN", "TH", "MY", "PH", "SG", "KP", "MN", "NZ", "NG", "KE", "SO",
    "ER", "DJ", "TD", "MR", "SN", "RW", "UG", "TZ", "AO", "MZ", "GH", "CM", "CU", "CO", "CL",
    "PE", "BO", "NI", "EC"})
NOT_ADJECTIVES = {"السوداني"}


def arabic_adjective_forms(definite: str, singular: bool = False) -> list[str]:
    """Every form of a (definite, masculine) nisba adjective, one or more words (only the
    masculine and feminine singular if `singular`): each word that ends in ي is declined
    alike; the article kept where it is written (الجنوب أفريقي: not "الجنوب الأفريقي", which
    is southern Africa) or taken off every word."""
    words = definite.split()
    out = []
    for ending in ARABIC_ENDINGS[:2] if singular else ARABIC_ENDINGS:
        declined = [w[:-1] + ending if w.endswith("ي") else w for w in words]
        if ending != "يا":  # the alif is the indefinite accusative only
            out.append(" ".join(declined))
        out.append(" ".join(w.removeprefix("ال") for w in declined))
    return [form for form in dict.fromkeys(out) if form not in NOT_ADJECTIVES]


def arabic_feminine(definite: str) -> str:
    """الفرنسي -> الفرنسية; الكوري الجنوبي -> الكورية الجنوبية."""
    return " ".join(w + "ة" if w.endswith("ي") else w for w in definite.split())


# Kings, emirs, sultans and emperors: "King of X" names the head of state only here.
MONARCHS = {
    "King": "GB ES NL BE SE NO DK TH KH BT SA JO MA BH SZ LS TO MY",
    "Emir": "KW QA", "Sultan": "OM BN", "Emperor": "JP", "Grand Duke": "LU",
    "Prince": "MC LI",
}
ARABIC_MONARCHS = {"SA": ["العاهل السعودي", "الملك السعودي", "ملك السعودية"],
                   "JO": ["العاهل الأردني", "الملك الأردني", "ملك الأردن"],
                   "MA": ["العاهل المغربي", "ملك المغرب"],
                   "BH": ["العاهل البحريني", "ملك البحرين"],
                   "QA": ["أمير قطر", "الأمير القطري"], "KW": ["أمير الكويت"],
                   "OM": ["سلطان عمان", "السلطان العماني"]}
CHINESE_MONARCHS = {"SA": ["沙特国王"], "JO": ["约旦国王"], "MA": ["摩洛哥国王"],
                    "BH": ["巴林国王"], "QA": ["卡塔尔埃米尔"], "KW": ["科威特埃米尔"],
                    "OM": ["阿曼苏丹"], "GB": ["英国国王"], "JP": ["日本天皇"],
                    "ES": ["西班牙国王"], "TH": ["泰国国王"]}
# One-character (or short) forms Chinese news uses before an office: 俄外长, 美总统, 沙特王储.
CHINESE_SHORT = {"US": "美", "RU": "俄", "GB": "英", "FR": "法", "DE": "德", "JP": "日",
                 "KR": "韩", "IN": "印", "SA": "沙特", "UA": "乌", "IL": "以", "TR": "土",
                 "IT": "意", "AU": "澳", "CA": "加", "BR": "巴西", "EG": "埃及", "QA": "卡塔尔",
                 "ML": "马里", "OM": "阿曼", "HT": "海地"}
# Chinese calls these heads of government 首相 (prime minister), not 总理 (premier).
CHINESE_SHOUXIANG = {"JP", "GB", "MY", "TH", "KH"}
# Organisations' leaders: (office, code) -> phrases in every language.
ORGANISATION_OFFICES = {
    ("secretary-general", "UN"): ["الأمين العام للأمم المتحدة", "联合国秘书长"],
    ("secretary-general", "NATO"): ["الأمين العام لحلف الناتو", "الأمين العام لحلف شمال الأطلسي",
                                    "北约秘书长"],
    ("secretary-general", "ARAB-LEAGUE"): ["الأمين العام لجامعة الدول العربية", "阿盟秘书长"],
    ("head-of-government", "EU"): ["رئيسة المفوضية الأوروبية", "رئيس المفوضية الأوروبية",
                                   "欧盟委员会主席"],
    ("head-of-state", "EU"): ["رئيس المجلس الأوروبي", "欧洲理事会主席"],
    ("foreign-minister", "EU"): ["مسؤولة السياسة الخارجية في الاتحاد الأوروبي",
                                 "مسؤول السياسة الخارجية في الاتحاد الأوروبي",
                                 "欧盟外交与安全政策高级代表", "欧盟外交事务负责人"],
    ("secretary-general", "ASEAN"): ["ASEAN Secretary-General", "ASEAN Secretary General",
                                     "Secretary-General of ASEAN", "الأمين العام لآسيان",
                                     "东盟秘书长"],
    ("secretary-general", "GCC"): ["GCC Secretary-General", "GCC Secretary General",
                                   "Secretary-General of the GCC",
                                   "Secretary-General of the Gulf Cooperation Council",
                                   "الأمين العام لمجلس التعاون الخليجي",
                                   "الأمين العام لمجلس التعاون", "海合会秘书长"],
    ("secretary-general", "OSCE"): ["OSCE Secretary-General", "OSCE Secretary General",
                                    "Secretary General of the OSCE",
                                    "Secretary-General of the OSCE",
                                    "الأمين العام لمنظمة الأمن والتعاون في أوروبا", "欧安组织秘书长"],
    ("head-of-state", "AFRICAN-UNION"): ["African Union Chairperson", "AU Chairperson",
                                         "Chairperson of the African Union",
                                         "Chairman of the African Union",
                                         "الرئيس الدوري للاتحاد الأفريقي", "非盟轮值主席"],
    ("crown-prince", "SA"): ["ولي العهد السعودي", "沙特王储"],
    ("secretary-general", "AFRICAN-UNION"): ["رئيس مفوضية الاتحاد الأفريقي", "非盟委员会主席"],
}
# The leaders of the ruling parties of one-party states (people.yaml's "party-leader" roles):
# code -> phrases in the lexicon's eight languages. Never the bare "party chief" or
# "general secretary", which name many people.
PARTY_LEADERS = {
    "CN": ["General Secretary of the Chinese Communist Party",
           "General Secretary of the Communist Party of China",
           "Chinese Communist Party General Secretary", "Communist Party General Secretary",
           "CCP General Secretary", "CPC General Secretary", "China's party chief",
           "Chinese party chief", "China's Communist Party chief", "Chinese Communist Party chief",
           "Chinese Communist Party leader", "secrétaire général du Parti communiste chinois",
           "chef du Parti communiste chinois",
           "Generalsekretär der Kommunistischen Partei Chinas", "chinesische Parteichef",
           "chinesischen Parteichef", "chinesischen Parteichefs", "KP-Chef Chinas",
           "secretario general del Partido Comunista de China",
           "secretario general del Partido Comunista Chino",
           "генеральный секретарь ЦК КПК", "генерального секретаря ЦК КПК",
           "генеральным секретарём ЦК КПК", "генеральным секретарем ЦК КПК",
           "генсек ЦК КПК", "генсек КПК", "генеральний секретар ЦК КПК",
           "генерального секретаря ЦК КПК", "генеральним секретарем ЦК КПК",
           "الأمين العام للحزب الشيوعي الصيني", "中共中央总书记", "中共总书记"],
    "VN": ["General Secretary of the Communist Party of Vietnam",
           "Vietnamese Communist Party General Secretary", "Vietnam's party chief",
           "Vietnamese party chief", "Vietnam's Communist Party chief",
           "secrétaire général du Parti communiste vietnamien",
           "Generalsekretär der Kommunistischen Partei Vietnams",
           "secretario general del Partido Comunista de Vietnam",
           "генеральный секретарь ЦК КПВ", "генеральний секретар ЦК КПВ",
           "الأمين العام للحزب الشيوعي الفيتنامي", "越共中央总书记"],
    "LA": ["General Secretary of the Lao People's Revolutionary Party", "Laos' party chief",
           "Lao party chief", "老挝人民革命党中央总书记"],
    "CU": ["First Secretary of the Communist Party of Cuba", "Cuba's party chief",
           "Cuban Communist Party chief", "primer secretario del Partido Comunista de Cuba",
           "Первый секретарь ЦК Компартии Кубы", "古共中央第一书记"],
    "KP": ["General Secretary of the Workers' Party of Korea", "朝鲜劳动党总书记",
           "Генеральный секретарь ТПК", "الأمين العام لحزب العمال الكوري"],
}
