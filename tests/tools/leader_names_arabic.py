"""Arabic names of heads of state and government and foreign ministers of 2019-2025 of the
states of Africa and Asia that Arabic agencies (KUNA, WAM, SPA, QNA, MENA) report on most,
whom the base named in no Arabic form.

The blind contact set of smaller states' leaders of 7 Dec 2026 (probe85) showed Gulf and
Egyptian readouts naming African and Central Asian presidents in Arabic only ("تلقى ... اتصالاً
هاتفياً من الرئيس إسماعيل عمر جيله"). Written by a helper from the agencies' spellings for the
persons of those states the base had no Arabic name for (465), of whom it knew 249 well
enough; then filtered: a surname alone of at least five letters, no first name ("باسيل"),
none shared by a relative in office (Japarov, Déby, Bongo...: the helper left those out).
Each line: person id | Arabic forms separated by ";" (full names, then a distinctive surname).
"""

from __future__ import annotations

_NAMES = """
salahuddin-rabbani|صلاح الدين رباني
haneef-atmar|حنيف أتمر;محمد حنيف أتمر
zohrab-mnatsakanyan|زهراب مناتساكانيان;مناتساكانيان
ara-ayvazyan|آرا أيفازيان;أيفازيان
armen-grigoryan|أرمين غريغوريان
manuel-domingos-augusto|مانويل دومينغوس أوغوستو
tete-antonio|تيتي أنطونيو
elmar-mammadyarov|إلمار محمدياروف;محمدياروف
abul-hassan-mahmood-ali|أبو الحسن محمود علي
ak-abdul-momen|أبو الكلام عبد المؤمن
touhid-hossain|توحيد حسين
alpha-barry|ألفا باري
olivia-ragnaghnewende-rouamba|أوليفيا روامبا;روامبا
karamoko-jean-marie-traore|كاراموكو جان ماري تراوري
khalid-bin-ahmed-al-khalifa|خالد بن أحمد آل خليفة
jean-claude-gakosso|جان كلود غاكوسو;غاكوسو
mahamoud-ali-youssouf|محمود علي يوسف
abdoulkader-houssein-omar|عبد القادر حسين عمر
abdelkader-messahel|عبد القادر مساهل;مساهل
sabri-boukadoum|صبري بوقدوم;بوقدوم
ahmed-attaf|أحمد عطاف
sushma-swaraj|سوشما سواراج;سواراج
mohamed-ali-alhakim|محمد علي الحكيم
monica-juma|مونيكا جوما
alfred-mutua|ألفريد موتوا;موتوا
musalia-mudavadi|موساليا مودافادي;مودافادي
chingiz-aidarbekov|جنكيز أيداربيكوف;تشينغيز أيداربيكوف;أيداربيكوف
ruslan-kazakbayev|روسلان كازاكباييف;كازاكباييف
jeenbek-kulubaev|جينبيك كولوبايف;كولوبايف
mohamed-el-amine-souef|محمد الأمين صويف
dhoihir-dhoulkamal|ظهير ذو الكمال;ذو الكمال
sabah-al-khalid-al-sabah|صباح خالد الحمد الصباح;صباح الخالد
ahmad-nasser-al-mohammed-al-sabah|أحمد ناصر المحمد الصباح
salem-abdullah-al-jaber-al-sabah|سالم عبد الله الجابر الصباح
abdullah-al-yahya|عبد الله علي اليحيا;عبد الله اليحيا
beibut-atamkulov|بيبوت أتامكولوف;أتامكولوف
mukhtar-tleuberdi|مختار تلوبيردي;تلوبيردي
gebran-bassil|جبران باسيل
nassif-hitti|ناصيف حتي
charbel-wehbe|شربل وهبة
zeina-akar|زينة عكر
dinesh-gunawardena|دينيش غوناواردينا;غوناواردينا
mohamed-taha-siala|محمد الطاهر سيالة;سيالة
aung-san-suu-kyi|أونغ سان سو تشي;سو تشي
ismail-ould-cheikh-ahmed|إسماعيل ولد الشيخ أحمد
mohamed-salem-ould-merzoug|محمد سالم ولد مرزوك;ولد مرزوك
abdulla-shahid|عبد الله شاهد
saifuddin-abdullah|سيف الدين عبد الله
hishammuddin-hussein|هشام الدين حسين
zambry-abdul-kadir|زامبري عبد القادر
netumbo-nandi-ndaitwah|نيتومبو ناندي ندايتواه;ناندي ندايتواه
hassoumi-massoudou|حسومي مسعودو;مسعودو
geoffrey-onyeama|جيفري أونياما;أونياما
yusuf-tuggar|يوسف توغار;توغار
pradeep-gyawali|براديب غياوالي;غياوالي
narayan-khadka|نارايان خادكا;خادكا
arzu-rana-deuba|أرزو رانا ديوبا
teodoro-locsin-jr|تيودورو لوكسين;لوكسين
enrique-manalo|إنريكي مانالو;مانالو
ibrahim-abdulaziz-al-assaf|إبراهيم بن عبد العزيز العساف;إبراهيم العساف
al-dirdiri-muhammad-ahmad|الدرديري محمد أحمد;الدرديري
asma-mohamed-abdalla|أسماء محمد عبد الله
omer-ismail|عمر قمر الدين إسماعيل;عمر قمر الدين
mariam-al-mahdi|مريم الصادق المهدي;مريم المهدي
vivian-balakrishnan|فيفيان بالاكريشنان;بالاكريشنان
amadou-ba|أمادو با
walid-muallem|وليد المعلم
mahamat-zene-cherif|محمد زين شريف
mahamat-saleh-annadif|محمد صالح النظيف
abderaman-koulamallah|عبد الرحمن غلام الله;غلام الله
rasit-meredow|رشيد مريدوف;مريدوف
khemaies-jhinaoui|خميس الجهيناوي;الجهيناوي
sabri-bachtobji|صبري باشطبجي;باشطبجي
noureddine-erray|نور الدين الري
selma-ennaifer|سلمى النيفر;النيفر
othman-jerandi|عثمان الجرندي;الجرندي
nabil-ammar|نبيل عمار
mohamed-ali-nafti|محمد علي النفطي
sam-kutesa|سام كوتيسا;كوتيسا
abdulaziz-kamilov|عبد العزيز كاملوف;كاملوف
vladimir-norov|فلاديمير نوروف;نوروف
bakhtiyor-saidov|بختيار سعيدوف
pham-binh-minh|فام بينه مينه
bui-thanh-son|بوي ثانه سون
khalid-al-yamani|خالد اليماني
mohammed-al-hadhrami|محمد الحضرمي
lindiwe-sisulu|ليندوي سيسولو
sibusiso-moyo|سيبوسيسو مويو
ashraf-ghani|أشرف غني;محمد أشرف غني
joao-lourenco|جواو لورينسو;لورينسو
sheikh-hasina|الشيخة حسينة;الشيخة حسينة واجد
muhammad-yunus|محمد يونس
lassina-zerbo|لاسينا زيربو;زيربو
khalifa-bin-salman-al-khalifa|خليفة بن سلمان آل خليفة
evariste-ndayishimiye|إيفاريست ندايشيمي;ندايشيمي
patrice-talon|باتريس تالون;تالون
hassanal-bolkiah|حسن البلقية;البلقية
mokgweetsi-masisi|موكغويتسي ماسيسي;ماسيسي
duma-boko|دوما بوكو
amadou-gon-coulibaly|أمادو غون كوليبالي
hamed-bakayoko|حامد باكايوكو;باكايوكو
philemon-yang|فيليمون يانغ
abdoulkader-kamil-mohamed|عبد القادر كامل محمد
ahmed-ouyahia|أحمد أويحيى;أويحيى
noureddine-bedoui|نور الدين بدوي
abdelaziz-djerad|عبد العزيز جراد
aymen-benabderrahmane|أيمن بن عبد الرحمان;أيمن بن عبد الرحمن
nadir-larbaoui|نذير العرباوي;العرباوي
sifi-ghrieb|سيفي غريب
giorgi-gakharia|جيورجي غاخاريا;غاخاريا
nana-akufo-addo|نانا أكوفو أدو;أكوفو أدو
john-mahama|جون دراماني ماهاما;جون ماهاما;ماهاما
adama-barrow|أداما بارو
adil-abdul-mahdi|عادل عبد المهدي
omar-razzaz|عمر الرزاز;الرزاز
uhuru-kenyatta|أوهورو كينياتا;كينياتا
sadyr-japarov|صادر جباروف
akylbek-japarov|أكيلبيك جباروف
adylbek-kasymaliev|أديلبيك كاسيمالييف;كاسيمالييف
azali-assoumani|غزالي عثماني
jaber-al-mubarak-al-hamad-al-sabah|جابر المبارك الحمد الصباح;جابر المبارك
mohammad-sabah-al-salem-al-sabah|محمد صباح السالم الصباح
ahmad-al-nawaf-al-ahmad-al-sabah|أحمد نواف الأحمد الصباح;أحمد النواف
ahmad-al-abdullah-al-sabah|أحمد عبد الله الأحمد الصباح
bakhytjan-sagintayev|باقيتجان ساغينتاييف;ساغينتاييف
asqar-mamin|عسكر مامين;مامين
alihan-smaiylov|عليخان سمايلوف;سمايلوف
oljas-bektenov|أولجاس بيكتينوف;بيكتينوف
thongloun-sisoulith|ثونغلون سيسوليث;سيسوليث
saad-hariri|سعد الحريري
hassan-diab|حسان دياب
maithripala-sirisena|مايتريبالا سيريسينا;سيريسينا
gotabaya-rajapaksa|غوتابايا راجاباكسا
ranil-wickremesinghe|رانيل ويكريميسينغه;رانيل ويكرمسينغ;ويكريميسينغه
harini-amarasuriya|هاريني أماراسوريا;أماراسوريا
george-weah|جورج ويا;جورج وياه
joseph-boakai|جوزيف بواكاي;بواكاي
tom-thabane|توم ثاباني;ثاباني
abdullah-al-thani|عبد الله الثني;الثني
saadeddine-othmani|سعد الدين العثماني
min-aung-hlaing|مين أونغ هلاينغ;هلاينغ
mohamed-salem-ould-bechir|محمد سالم ولد البشير
ismail-ould-bedde-ould-cheikh-sidiya|إسماعيل ولد بده ولد الشيخ سيديا
mohamed-ould-bilal|محمد ولد بلال مسعود;محمد ولد بلال
moctar-ould-diay|المختار ولد اجاي;المختار ولد أجاي
ibrahim-mohamed-solih|إبراهيم محمد صالح
mohamed-muizzu|محمد معز;محمد مويزو
peter-mutharika|بيتر موثاريكا;موثاريكا
lazarus-chakwera|لازاروس تشاكويرا;تشاكويرا
mahathir-mohamad|مهاتير محمد;مهاتير
muhyiddin-yassin|محيي الدين ياسين
ismail-sabri-yaakob|إسماعيل صبري يعقوب
anwar-ibrahim|أنور إبراهيم
brigi-rafini|بريجي رافيني;رافيني
muhammadu-buhari|محمد بخاري
kp-sharma-oli|كيه بي شارما أولي;شارما أولي
sher-bahadur-deuba|شير بهادور ديوبا
pushpa-kamal-dahal|بوشبا كمال داهال;داهال
sushila-karki|سوشيلا كاركي;كاركي
qaboos-bin-said-al-said|قابوس بن سعيد آل سعيد;قابوس بن سعيد
rodrigo-duterte|رودريغو دوتيرتي
bongbong-marcos|فرديناند ماركوس جونيور;فرديناند ماركوس الابن
rami-hamdallah|رامي الحمد الله
abdullah-bin-nasser-bin-khalifa-al-thani|عبد الله بن ناصر بن خليفة آل ثاني
danny-faure|داني فور
wavel-ramkalawan|ويفل رامكالاوان;رامكالاوان
motazz-moussa|معتز موسى
mohamed-tahir-ayala|محمد طاهر إيلا
lee-hsien-loong|لي هسين لونغ
lawrence-wong|لورانس وونغ
ousmane-sonko|عثمان سونكو;سونكو
hassan-ali-khayre|حسن علي خيري
imad-khamis|عماد خميس
mohammad-ghazi-al-jalali|محمد غازي الجلالي
faure-gnassingbe|فور غناسينغبي;غناسينغبي
peatongtarn-shinawatra|بايتونغتارن شيناواترا;بيتونغتارن شيناواترا
kokhir-rasulzoda|قاهر رسول زاده;رسول زاده
gurbanguly-berdimuhamedov|قربان قولي بردي محمدوف
serdar-berdimuhamedov|سردار بردي محمدوف
youssef-chahed|يوسف الشاهد
elyes-fakhfakh|إلياس الفخفاخ;الفخفاخ
hichem-mechichi|هشام المشيشي;المشيشي
najla-bouden|نجلاء بودن
ahmed-hachani|أحمد الحشاني;الحشاني
kamel-madouri|كمال المدوري;المدوري
sara-zaafarani|سارة الزعفراني الزنزري;سارة الزعفراني;الزعفراني
john-magufuli|جون ماغوفولي;ماغوفولي
samia-suluhu-hassan|سامية صولوحو حسن
abdulla-aripov|عبد الله أريبوف;أريبوف
nguyen-xuan-phuc|نغوين شوان فوك
pham-minh-chinh|فام مينه تشينه
edgar-lungu|إدغار لونغو;لونغو
hakainde-hichilema|هاكايندي هيشيليما;هيشيليما
emmerson-mnangagwa|إيمرسون منانغاغوا;منانغاغوا
armen-sarkissian|أرمين سركيسيان
roch-marc-christian-kabore|روك مارك كريستيان كابوري;كابوري
pierre-nkurunziza|بيير نكورونزيزا;نكورونزيزا
joseph-kabila|جوزيف كابيلا;كابيلا
faustin-archange-touadera|فوستين أرشانج تواديرا;تواديرا
denis-sassou-nguesso|دينيس ساسو نغيسو;ساسو نغيسو
paul-biya|بول بيا
ismail-omar-guelleh|إسماعيل عمر جيله
abdelaziz-bouteflika|عبد العزيز بوتفليقة;بوتفليقة
abdelkader-bensalah|عبد القادر بن صالح
ali-bongo-ondimba|علي بونغو أونديمبا
brice-oligui-nguema|بريس كلوتير أوليغي نغيما;بريس أوليغي نغيما;أوليغي نغيما
alpha-conde|ألفا كوندي;كوندي
mamadi-doumbouya|مامادي دومبويا;دومبويا
teodoro-obiang-nguema-mbasogo|تيودورو أوبيانغ نغيما مباسوغو;تيودورو أوبيانغ
jose-mario-vaz|جوزيه ماريو فاز
umaro-sissoco-embalo|عمر سيسوكو إمبالو;إمبالو
sooronbay-jeenbekov|سورونباي جينبيكوف;جينبيكوف
sabah-al-ahmad-al-jaber-al-sabah|صباح الأحمد الجابر الصباح
nawaf-al-ahmad-al-jaber-al-sabah|نواف الأحمد الجابر الصباح
nursultan-nazarbayev|نور سلطان نزارباييف;نور سلطان نزاربايف;نزارباييف
kassym-jomart-tokayev|قاسم جومارت توكاييف;توكاييف
anura-kumara-dissanayaka|أنورا كومارا ديسانايكا;ديسانايكا
letsie-iii-of-lesotho|ليتسي الثالث
fayez-al-sarraj|فايز السراج
andry-rajoelina|أندري راجولينا;راجولينا
ibrahim-boubacar-keita|إبراهيم بوبكر كيتا
bah-ndaw|باه نداو
win-myint|وين مينت
myint-swe|مينت سوي
mohamed-ould-abdel-aziz|محمد ولد عبد العزيز
abdullah-of-pahang|عبد الله رعاية الدين المصطفى بالله شاه
filipe-nyusi|فيليبي نيوسي;نيوسي
daniel-chapo|دانييل تشابو;تشابو
hage-geingob|هاغي غينغوب;غينغوب
nangolo-mbumba|نانغولو مبومبا;مبومبا
mahamadou-issoufou|محمدو إيسوفو;محمدو يوسفو;إيسوفو
bidya-devi-bhandari|بيديا ديفي بهانداري;بهانداري
ram-chandra-poudel|رام شاندرا بوديل;بوديل
ahmed-awad-ibn-auf|أحمد عوض ابن عوف;أحمد عوض بن عوف
halimah-yacob|حليمة يعقوب
tharman-shanmugaratnam|ثارمان شانموغاراتنام;شانموغاراتنام
julius-maada-bio|جوليوس مادا بيو
bassirou-diomaye-faye|باسيرو ديوماي فاي
mohamed-abdullahi-farmajo|محمد عبد الله فرماجو;فرماجو
mswati-iii|مسواتي الثالث
idriss-deby|إدريس ديبي إتنو
emomali-rahmon|إمام علي رحمن
beji-caid-essebsi|الباجي قائد السبسي;السبسي
shavkat-mirziyoyev|شوكت ميرضيائيف;ميرضيائيف
nguyen-phu-trong|نغوين فو ترونغ
vo-thi-anh-xuan|فو ثي آنه شوان
vo-van-thuong|فو فان ثونغ
to-lam|تو لام
luong-cuong|لونغ كوونغ
"""

NAMES: dict[str, list[str]] = {
    line.split("|")[0]: line.split("|")[1].split(";")
    for line in _NAMES.strip().splitlines()
}
