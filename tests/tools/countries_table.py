# ruff: noqa: E501  (tables of names: one row a line reads best)
"""UN member states (and Palestine, Taiwan, the Holy See, Kosovo): ISO codes, English name,
adjective and capital, and the names in Arabic and Chinese. Hand-written; used by
people_from_wikidata.py to map the Wikidata tables' ISO-3 codes and to write
alerts/knowledge/data/countries-generated.yaml."""

# iso3 | iso2 | English name | English adjective | capital | Arabic | Chinese
TABLE = """\
AFG|AF|Afghanistan|Afghan|Kabul|أفغانستان|阿富汗
ALB|AL|Albania|Albanian|Tirana|ألبانيا|阿尔巴尼亚
DZA|DZ|Algeria|Algerian|Algiers|الجزائر|阿尔及利亚
AND|AD|Andorra|Andorran|Andorra la Vella|أندورا|安道尔
AGO|AO|Angola|Angolan|Luanda|أنغولا|安哥拉
ATG|AG|Antigua and Barbuda|Antiguan|St. John's|أنتيغوا وباربودا|安提瓜和巴布达
ARG|AR|Argentina|Argentine|Buenos Aires|الأرجنتين|阿根廷
ARM|AM|Armenia|Armenian|Yerevan|أرمينيا|亚美尼亚
AUS|AU|Australia|Australian|Canberra|أستراليا|澳大利亚
AUT|AT|Austria|Austrian|Vienna|النمسا|奥地利
AZE|AZ|Azerbaijan|Azerbaijani|Baku|أذربيجان|阿塞拜疆
BHS|BS|Bahamas|Bahamian|Nassau|جزر البهاما|巴哈马
BHR|BH|Bahrain|Bahraini|Manama|البحرين|巴林
BGD|BD|Bangladesh|Bangladeshi|Dhaka|بنغلاديش|孟加拉国
BRB|BB|Barbados|Barbadian|Bridgetown|باربادوس|巴巴多斯
BLR|BY|Belarus|Belarusian|Minsk|بيلاروسيا|白俄罗斯
BEL|BE|Belgium|Belgian|Brussels|بلجيكا|比利时
BLZ|BZ|Belize|Belizean|Belmopan|بليز|伯利兹
BEN|BJ|Benin|Beninese|Porto-Novo|جمهورية بنين|贝宁
BTN|BT|Bhutan|Bhutanese|Thimphu|بوتان|不丹
BOL|BO|Bolivia|Bolivian|La Paz|بوليفيا|玻利维亚
BIH|BA|Bosnia and Herzegovina|Bosnian|Sarajevo|البوسنة والهرسك|波斯尼亚和黑塞哥维那
BWA|BW|Botswana|Botswanan|Gaborone|بوتسوانا|博茨瓦纳
BRA|BR|Brazil|Brazilian|Brasília|البرازيل|巴西
BRN|BN|Brunei|Bruneian|Bandar Seri Begawan|بروناي|文莱
BGR|BG|Bulgaria|Bulgarian|Sofia|بلغاريا|保加利亚
BFA|BF|Burkina Faso|Burkinabe|Ouagadougou|بوركينا فاسو|布基纳法索
BDI|BI|Burundi|Burundian|Gitega|بوروندي|布隆迪
CPV|CV|Cabo Verde|Cape Verdean|Praia|الرأس الأخضر|佛得角
KHM|KH|Cambodia|Cambodian|Phnom Penh|كمبوديا|柬埔寨
CMR|CM|Cameroon|Cameroonian|Yaoundé|الكاميرون|喀麦隆
CAN|CA|Canada|Canadian|Ottawa|كندا|加拿大
CAF|CF|Central African Republic|Central African|Bangui|جمهورية أفريقيا الوسطى|中非共和国
TCD|TD|Chad|Chadian|N'Djamena|تشاد|乍得
CHL|CL|Chile|Chilean|Santiago|تشيلي|智利
CHN|CN|China|Chinese|Beijing|الصين|中国
COL|CO|Colombia|Colombian|Bogotá|كولومبيا|哥伦比亚
COM|KM|Comoros|Comorian|Moroni|جزر القمر|科摩罗
COG|CG|Republic of the Congo|Congolese|Brazzaville|جمهورية الكونغو|刚果共和国
COD|CD|Democratic Republic of the Congo|Congolese|Kinshasa|جمهورية الكونغو الديمقراطية|刚果民主共和国
CRI|CR|Costa Rica|Costa Rican|San José|كوستاريكا|哥斯达黎加
CIV|CI|Ivory Coast|Ivorian|Yamoussoukro|ساحل العاج|科特迪瓦
HRV|HR|Croatia|Croatian|Zagreb|كرواتيا|克罗地亚
CUB|CU|Cuba|Cuban|Havana|كوبا|古巴
CYP|CY|Cyprus|Cypriot|Nicosia|قبرص|塞浦路斯
CZE|CZ|Czech Republic|Czech|Prague|التشيك|捷克
DNK|DK|Denmark|Danish|Copenhagen|الدنمارك|丹麦
DJI|DJ|Djibouti|Djiboutian|Djibouti|جيبوتي|吉布提
DMA|DM|Dominica|Dominican|Roseau|دومينيكا|多米尼克
DOM|DO|Dominican Republic|Dominican|Santo Domingo|جمهورية الدومينيكان|多米尼加共和国
ECU|EC|Ecuador|Ecuadorian|Quito|الإكوادور|厄瓜多尔
EGY|EG|Egypt|Egyptian|Cairo|مصر|埃及
SLV|SV|El Salvador|Salvadoran|San Salvador|السلفادور|萨尔瓦多
GNQ|GQ|Equatorial Guinea|Equatoguinean|Malabo|غينيا الاستوائية|赤道几内亚
ERI|ER|Eritrea|Eritrean|Asmara|إريتريا|厄立特里亚
EST|EE|Estonia|Estonian|Tallinn|إستونيا|爱沙尼亚
SWZ|SZ|Eswatini|Swazi|Mbabane|إسواتيني|斯威士兰
ETH|ET|Ethiopia|Ethiopian|Addis Ababa|إثيوبيا|埃塞俄比亚
FJI|FJ|Fiji|Fijian|Suva|فيجي|斐济
FIN|FI|Finland|Finnish|Helsinki|فنلندا|芬兰
FRA|FR|France|French|Paris|فرنسا|法国
GAB|GA|Gabon|Gabonese|Libreville|الغابون|加蓬
GMB|GM|Gambia|Gambian|Banjul|غامبيا|冈比亚
GEO|GE|Georgia|Georgian|Tbilisi|جورجيا|格鲁吉亚
DEU|DE|Germany|German|Berlin|ألمانيا|德国
GHA|GH|Ghana|Ghanaian|Accra|غانا|加纳
GRC|GR|Greece|Greek|Athens|اليونان|希腊
GRD|GD|Grenada|Grenadian|St. George's|غرينادا|格林纳达
GTM|GT|Guatemala|Guatemalan|Guatemala City|غواتيمالا|危地马拉
GIN|GN|Guinea|Guinean|Conakry|غينيا|几内亚
GNB|GW|Guinea-Bissau|Bissau-Guinean|Bissau|غينيا بيساو|几内亚比绍
GUY|GY|Guyana|Guyanese|Georgetown|غيانا|圭亚那
HTI|HT|Haiti|Haitian|Port-au-Prince|هايتي|海地共和国
HND|HN|Honduras|Honduran|Tegucigalpa|هندوراس|洪都拉斯
HUN|HU|Hungary|Hungarian|Budapest|المجر|匈牙利
ISL|IS|Iceland|Icelandic|Reykjavík|آيسلندا|冰岛
IND|IN|India|Indian|New Delhi|الهند|印度
IDN|ID|Indonesia|Indonesian|Jakarta|إندونيسيا|印度尼西亚
IRN|IR|Iran|Iranian|Tehran|إيران|伊朗
IRQ|IQ|Iraq|Iraqi|Baghdad|العراق|伊拉克
IRL|IE|Ireland|Irish|Dublin|أيرلندا|爱尔兰
ISR|IL|Israel|Israeli|Jerusalem|إسرائيل|以色列
ITA|IT|Italy|Italian|Rome|إيطاليا|意大利
JAM|JM|Jamaica|Jamaican|Kingston|جامايكا|牙买加
JPN|JP|Japan|Japanese|Tokyo|اليابان|日本
JOR|JO|Jordan|Jordanian|Amman|الأردن|约旦
KAZ|KZ|Kazakhstan|Kazakh|Astana|كازاخستان|哈萨克斯坦
KEN|KE|Kenya|Kenyan|Nairobi|كينيا|肯尼亚
KIR|KI|Kiribati|I-Kiribati|Tarawa|كيريباتي|基里巴斯
PRK|KP|North Korea|North Korean|Pyongyang|كوريا الشمالية|朝鲜
KOR|KR|South Korea|South Korean|Seoul|كوريا الجنوبية|韩国
KWT|KW|Kuwait|Kuwaiti|Kuwait City|الكويت|科威特
KGZ|KG|Kyrgyzstan|Kyrgyz|Bishkek|قيرغيزستان|吉尔吉斯斯坦
LAO|LA|Laos|Lao|Vientiane|لاوس|老挝
LVA|LV|Latvia|Latvian|Riga|لاتفيا|拉脱维亚
LBN|LB|Lebanon|Lebanese|Beirut|لبنان|黎巴嫩
LSO|LS|Lesotho|Basotho|Maseru|ليسوتو|莱索托
LBR|LR|Liberia|Liberian|Monrovia|ليبيريا|利比里亚
LBY|LY|Libya|Libyan|Tripoli|ليبيا|利比亚
LIE|LI|Liechtenstein|Liechtenstein|Vaduz|ليختنشتاين|列支敦士登
LTU|LT|Lithuania|Lithuanian|Vilnius|ليتوانيا|立陶宛
LUX|LU|Luxembourg|Luxembourgish|Luxembourg|لوكسمبورغ|卢森堡
MDG|MG|Madagascar|Malagasy|Antananarivo|مدغشقر|马达加斯加
MWI|MW|Malawi|Malawian|Lilongwe|مالاوي|马拉维
MYS|MY|Malaysia|Malaysian|Kuala Lumpur|ماليزيا|马来西亚
MDV|MV|Maldives|Maldivian|Malé|جزر المالديف|马尔代夫
MLI|ML|Mali|Malian|Bamako|جمهورية مالي|马里共和国
MLT|MT|Malta|Maltese|Valletta|مالطا|马耳他
MHL|MH|Marshall Islands|Marshallese|Majuro|جزر مارشال|马绍尔群岛
MRT|MR|Mauritania|Mauritanian|Nouakchott|موريتانيا|毛里塔尼亚
MUS|MU|Mauritius|Mauritian|Port Louis|موريشيوس|毛里求斯
MEX|MX|Mexico|Mexican|Mexico City|المكسيك|墨西哥
FSM|FM|Micronesia|Micronesian|Palikir|ميكرونيزيا|密克罗尼西亚联邦
MDA|MD|Moldova|Moldovan|Chișinău|مولدوفا|摩尔多瓦
MCO|MC|Monaco|Monegasque|Monaco|موناكو|摩纳哥
MNG|MN|Mongolia|Mongolian|Ulaanbaatar|منغوليا|蒙古国
MNE|ME|Montenegro|Montenegrin|Podgorica|الجبل الأسود|黑山
MAR|MA|Morocco|Moroccan|Rabat|المغرب|摩洛哥
MOZ|MZ|Mozambique|Mozambican|Maputo|موزمبيق|莫桑比克
MMR|MM|Myanmar|Myanmar|Naypyidaw|ميانمار|缅甸
NAM|NA|Namibia|Namibian|Windhoek|ناميبيا|纳米比亚
NRU|NR|Nauru|Nauruan|Yaren|ناورو|瑙鲁
NPL|NP|Nepal|Nepali|Kathmandu|نيبال|尼泊尔
NLD|NL|Netherlands|Dutch|Amsterdam|هولندا|荷兰
NZL|NZ|New Zealand|New Zealand|Wellington|نيوزيلندا|新西兰
NIC|NI|Nicaragua|Nicaraguan|Managua|نيكاراغوا|尼加拉瓜
NER|NE|Niger|Nigerien|Niamey|النيجر|尼日尔
NGA|NG|Nigeria|Nigerian|Abuja|نيجيريا|尼日利亚
MKD|MK|North Macedonia|North Macedonian|Skopje|مقدونيا الشمالية|北马其顿
NOR|NO|Norway|Norwegian|Oslo|النرويج|挪威
OMN|OM|Oman|Omani|Muscat|سلطنة عمان|阿曼苏丹国
PAK|PK|Pakistan|Pakistani|Islamabad|باكستان|巴基斯坦
PLW|PW|Palau|Palauan|Ngerulmud|بالاو|帕劳
PAN|PA|Panama|Panamanian|Panama City|بنما|巴拿马
PNG|PG|Papua New Guinea|Papua New Guinean|Port Moresby|بابوا غينيا الجديدة|巴布亚新几内亚
PRY|PY|Paraguay|Paraguayan|Asunción|باراغواي|巴拉圭
PER|PE|Peru|Peruvian|Lima|بيرو|秘鲁
PHL|PH|Philippines|Philippine|Manila|الفلبين|菲律宾
POL|PL|Poland|Polish|Warsaw|بولندا|波兰
PRT|PT|Portugal|Portuguese|Lisbon|البرتغال|葡萄牙
QAT|QA|Qatar|Qatari|Doha|قطر|卡塔尔
ROU|RO|Romania|Romanian|Bucharest|رومانيا|罗马尼亚
RUS|RU|Russia|Russian|Moscow|روسيا|俄罗斯
RWA|RW|Rwanda|Rwandan|Kigali|رواندا|卢旺达
KNA|KN|Saint Kitts and Nevis|Kittitian|Basseterre|سانت كيتس ونيفيس|圣基茨和尼维斯
LCA|LC|Saint Lucia|Saint Lucian|Castries|سانت لوسيا|圣卢西亚
VCT|VC|Saint Vincent and the Grenadines|Vincentian|Kingstown|سانت فينسنت والغرينادين|圣文森特和格林纳丁斯
WSM|WS|Samoa|Samoan|Apia|ساموا|萨摩亚
SMR|SM|San Marino|Sammarinese|San Marino|سان مارينو|圣马力诺
STP|ST|São Tomé and Príncipe|Santomean|São Tomé|ساو تومي وبرينسيب|圣多美和普林西比
SAU|SA|Saudi Arabia|Saudi|Riyadh|السعودية|沙特阿拉伯
SEN|SN|Senegal|Senegalese|Dakar|السنغال|塞内加尔
SRB|RS|Serbia|Serbian|Belgrade|صربيا|塞尔维亚
SYC|SC|Seychelles|Seychellois|Victoria|سيشل|塞舌尔
SLE|SL|Sierra Leone|Sierra Leonean|Freetown|سيراليون|塞拉利昂
SGP|SG|Singapore|Singaporean|Singapore|سنغافورة|新加坡
SVK|SK|Slovakia|Slovak|Bratislava|سلوفاكيا|斯洛伐克
SVN|SI|Slovenia|Slovenian|Ljubljana|سلوفينيا|斯洛文尼亚
SLB|SB|Solomon Islands|Solomon Islander|Honiara|جزر سليمان|所罗门群岛
SOM|SO|Somalia|Somali|Mogadishu|الصومال|索马里
ZAF|ZA|South Africa|South African|Pretoria|جنوب أفريقيا|南非
SSD|SS|South Sudan|South Sudanese|Juba|جنوب السودان|南苏丹
ESP|ES|Spain|Spanish|Madrid|إسبانيا|西班牙
LKA|LK|Sri Lanka|Sri Lankan|Colombo|سريلانكا|斯里兰卡
SDN|SD|Sudan|Sudanese|Khartoum|السودان|苏丹
SUR|SR|Suriname|Surinamese|Paramaribo|سورينام|苏里南
SWE|SE|Sweden|Swedish|Stockholm|السويد|瑞典
CHE|CH|Switzerland|Swiss|Bern|سويسرا|瑞士
SYR|SY|Syria|Syrian|Damascus|سوريا|叙利亚
TJK|TJ|Tajikistan|Tajik|Dushanbe|طاجيكستان|塔吉克斯坦
TZA|TZ|Tanzania|Tanzanian|Dodoma|تنزانيا|坦桑尼亚
THA|TH|Thailand|Thai|Bangkok|تايلاند|泰国
TLS|TL|Timor-Leste|Timorese|Dili|تيمور الشرقية|东帝汶
TGO|TG|Togo|Togolese|Lomé|توغو|多哥
TON|TO|Tonga|Tongan|Nukuʻalofa|تونغا|汤加
TTO|TT|Trinidad and Tobago|Trinidadian|Port of Spain|ترينيداد وتوباغو|特立尼达和多巴哥
TUN|TN|Tunisia|Tunisian|Tunis|تونس|突尼斯
TUR|TR|Turkey|Turkish|Ankara|تركيا|土耳其
TKM|TM|Turkmenistan|Turkmen|Ashgabat|تركمانستان|土库曼斯坦
TUV|TV|Tuvalu|Tuvaluan|Funafuti|توفالو|图瓦卢
UGA|UG|Uganda|Ugandan|Kampala|أوغندا|乌干达
UKR|UA|Ukraine|Ukrainian|Kyiv|أوكرانيا|乌克兰
ARE|AE|United Arab Emirates|Emirati|Abu Dhabi|الإمارات|阿联酋
GBR|GB|United Kingdom|British|London|بريطانيا|英国
USA|US|United States|American|Washington|الولايات المتحدة|美国
URY|UY|Uruguay|Uruguayan|Montevideo|الأوروغواي|乌拉圭
UZB|UZ|Uzbekistan|Uzbek|Tashkent|أوزبكستان|乌兹别克斯坦
VUT|VU|Vanuatu|Ni-Vanuatu|Port Vila|فانواتو|瓦努阿图
VEN|VE|Venezuela|Venezuelan|Caracas|فنزويلا|委内瑞拉
VNM|VN|Vietnam|Vietnamese|Hanoi|فيتنام|越南
YEM|YE|Yemen|Yemeni|Sanaa|اليمن|也门
ZMB|ZM|Zambia|Zambian|Lusaka|زامبيا|赞比亚
ZWE|ZW|Zimbabwe|Zimbabwean|Harare|زيمبابوي|津巴布韦
PSE|PS|Palestine|Palestinian|Ramallah|فلسطين|巴勒斯坦
TWN|TW|Taiwan|Taiwanese|Taipei|تايوان|台湾
VAT|VA|Holy See|Vatican|Vatican City|الفاتيكان|梵蒂冈
XKX|XK|Kosovo|Kosovar|Pristina|كوسوفو|科索沃
"""

# Extra names: Arabic and Chinese alternatives writers use. Left out on purpose: مالي (Mali)
# and بنين (Benin) are also common words ("financial", "boys"), and 海地 (Haiti) is inside
# 沿海地区 ("coastal areas"), 马里 (Mali) inside 马里奥 (Mario), 阿曼 (Oman) inside 阿曼达
# (Amanda); their longer forms are used instead (short ones only before an office).
EXTRA_NAMES = {
    "US": {"ar": ["أمريكا", "أميركا", "واشنطن"], "zh": ["美利坚合众国"]},
    "GB": {"ar": ["المملكة المتحدة"], "zh": ["联合王国"]},
    "RU": {"zh": ["俄国", "俄"]},
    "CN": {"ar": ["جمهورية الصين الشعبية"], "zh": ["中华人民共和国"]},
    "SA": {"ar": ["المملكة العربية السعودية"]},
    "AE": {"ar": ["الإمارات العربية المتحدة"], "zh": ["阿拉伯联合酋长国"]},
    "IR": {"ar": ["طهران"]},
    "IL": {"ar": ["تل أبيب"]},
    "KP": {"zh": ["朝鲜民主主义人民共和国"]},
    "KR": {"zh": ["大韩民国"]},
    "CZ": {"ar": ["جمهورية التشيك"]},
    "SY": {"ar": ["سورية"]},
    "BN": {"zh": ["文莱苏丹"]},  # 苏丹 alone is Sudan: the Sultan of Brunei must not be
    "OM": {"zh": ["阿曼苏丹"]},
}

# Organisations beyond countries.yaml: code | English names | Arabic | Chinese | seat
ORGANISATIONS = """\
ASEAN|ASEAN;Association of Southeast Asian Nations|آسيان;رابطة دول جنوب شرق آسيا|东盟;东南亚国家联盟|Jakarta
GCC|Gulf Cooperation Council;GCC;Cooperation Council for the Arab States of the Gulf|مجلس التعاون الخليجي;مجلس التعاون لدول الخليج العربية|海湾阿拉伯国家合作委员会;海合会|Riyadh
OSCE|OSCE;Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe|منظمة الأمن والتعاون في أوروبا|欧洲安全与合作组织;欧安组织|Vienna
"""

# Arabic and Chinese names of the organisations countries.yaml already has.
ORG_NAMES = {
    # The UN's organs name the UN ("UN Security Council", "Совбез ООН"); a bare "Security
    # Council" is left out: Russia's, Ukraine's and others' have one too.
    "UN": {"en": ["UN Security Council", "U.N. Security Council", "United Nations Security Council",
                  "UNSC", "UN General Assembly", "U.N. General Assembly",
                  "United Nations General Assembly", "UNGA", "UN Secretariat", "U.N. Secretariat"],
           "fr": ["Conseil de sécurité de l'ONU", "Conseil de sécurité des Nations unies",
                  "Assemblée générale de l'ONU", "Assemblée générale des Nations unies"],
           "de": ["UN-Sicherheitsrat", "UN-Sicherheitsrats", "UNO-Sicherheitsrat", "Weltsicherheitsrat",
                  "Weltsicherheitsrats", "UN-Vollversammlung", "UN-Generalversammlung",
                  "Sicherheitsrat der Vereinten Nationen", "Generalversammlung der Vereinten Nationen"],
           "es": ["Consejo de Seguridad de la ONU", "Consejo de Seguridad de Naciones Unidas",
                  "Consejo de Seguridad de las Naciones Unidas", "Asamblea General de la ONU",
                  "Asamblea General de Naciones Unidas"],
           "ru": ["Совбез ООН", "Совбеза ООН", "Совбезе ООН", "Совет Безопасности ООН",
                  "Совета Безопасности ООН", "Совете Безопасности ООН", "СБ ООН", "Генассамблея ООН",
                  "Генассамблеи ООН", "Генеральная Ассамблея ООН", "Генеральной Ассамблеи ООН"],
           "uk": ["Рада Безпеки ООН", "Ради Безпеки ООН", "Раді Безпеки ООН", "Радбез ООН",
                  "Радбезу ООН", "Генасамблея ООН", "Генасамблеї ООН", "Генеральна Асамблея ООН",
                  "Генеральної Асамблеї ООН"],
           "ar": ["الأمم المتحدة", "مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة",
                  "الجمعية العامة للأمم المتحدة"],
           "zh": ["联合国", "联合国安理会", "安理会", "联合国大会"]},
    "EU": {"ar": ["الاتحاد الأوروبي"], "zh": ["欧盟", "欧洲联盟"]},
    "NATO": {"ar": ["الناتو", "حلف شمال الأطلسي", "حلف الناتو"], "zh": ["北约", "北大西洋公约组织"]},
    "AFRICAN-UNION": {"ar": ["الاتحاد الأفريقي", "الاتحاد الإفريقي"], "zh": ["非盟", "非洲联盟"]},
    "ARAB-LEAGUE": {"ar": ["جامعة الدول العربية", "الجامعة العربية"], "zh": ["阿拉伯国家联盟", "阿盟"]},
}
