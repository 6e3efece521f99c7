BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'alerts','0001_initial','2026-12-05 16:26:34.328334+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'alerts','0002_history','2026-12-05 16:26:34.328856+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'alerts','0003_notify','2026-12-05 16:26:34.330178+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'alerts','0004_stories','2026-12-05 16:26:34.330914+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'alerts','0005_feed_health','2026-12-05 16:26:34.335852+00:00');
INSERT INTO "_sqlite_migrations" VALUES(6,'alerts','0006_feed_alerts','2026-12-05 16:26:34.336670+00:00');
INSERT INTO "_sqlite_migrations" VALUES(7,'alerts','0007_story_alert_index','2026-12-05 16:26:34.336899+00:00');
INSERT INTO "_sqlite_migrations" VALUES(8,'alerts','0008_story_keys_by_key','2026-12-05 16:26:34.338107+00:00');
INSERT INTO "_sqlite_migrations" VALUES(9,'alerts','0010_poll_log','2026-12-05 16:26:34.338357+00:00');
INSERT INTO "_sqlite_migrations" VALUES(10,'alerts','0011_feed_urls_without_credentials','2026-12-05 16:26:34.338529+00:00');
INSERT INTO "_sqlite_migrations" VALUES(11,'alerts','0012_feed_title','2026-12-05 16:26:34.338887+00:00');
INSERT INTO "_sqlite_migrations" VALUES(12,'alerts','0013_feedback_and_mutes','2026-12-05 16:26:34.339221+00:00');
INSERT INTO "_sqlite_migrations" VALUES(13,'alerts','0014_story_events','2026-12-05 16:26:34.340253+00:00');
INSERT INTO "_sqlite_migrations" VALUES(14,'alerts','0015_item_content','2026-12-05 16:26:34.341189+00:00');
INSERT INTO "_sqlite_migrations" VALUES(15,'alerts','0016_compact_story_signatures','2026-12-05 16:26:34.343060+00:00');
INSERT INTO "_sqlite_migrations" VALUES(16,'alerts','0017_compact_items','2026-12-05 16:26:34.349127+00:00');
INSERT INTO "_sqlite_migrations" VALUES(17,'alerts','0018_compact_outbox','2026-12-05 16:26:34.350946+00:00');
INSERT INTO "_sqlite_migrations" VALUES(18,'alerts','0019_item_guid_in_key','2026-12-05 16:26:34.351129+00:00');
INSERT INTO "_sqlite_migrations" VALUES(19,'alerts','0020_one_member_per_report','2026-12-05 16:26:34.352853+00:00');
INSERT INTO "_sqlite_migrations" VALUES(20,'alerts','0021_story_keys_without_cascade','2026-12-05 16:26:34.359725+00:00');
INSERT INTO "_sqlite_migrations" VALUES(21,'alerts','0022_match_times','2026-12-05 16:26:34.361332+00:00');
CREATE TABLE alert_rules (
            id INTEGER PRIMARY KEY,
            facts TEXT NOT NULL UNIQUE
        );
INSERT INTO "alert_rules" VALUES(1,'{"rule_title":"Talks, by wording","rule_description":"","tags":[]}');
INSERT INTO "alert_rules" VALUES(2,'{"rule_title":"A ceasefire is agreed","rule_description":"","tags":[]}');
CREATE TABLE channel_state (
            channel TEXT PRIMARY KEY,
            paused_until TEXT,
            reason TEXT
        );
CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            alert_id TEXT NOT NULL,
            match_id INTEGER REFERENCES matches(id) ON DELETE SET NULL,
            rule_id TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('right', 'wrong')),
            note TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (alert_id)
        );
CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            name TEXT,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            initialised INTEGER NOT NULL DEFAULT 0,
            last_poll TEXT,
            last_success TEXT,
            last_status INTEGER,
            last_error TEXT,
            error_kind TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            items_seen INTEGER NOT NULL DEFAULT 0
        , next_poll_after TEXT, disabled_at TEXT, disabled_reason TEXT, health_alerted_at TEXT, stale_alerted_at TEXT, moved_to TEXT, title TEXT);
INSERT INTO "feeds" VALUES('http://127.0.0.1:8001/b.xml','Wire B','"0a0e426e574b"','Mon, 30 Jun 2025 12:00:00 GMT','a485e5bfb4ac53f5324e974f65c185068b47ec8552b918bc43870229da67b352',1,'2026-12-05T16:26:35.660159+00:00','2026-12-05T16:26:35.660159+00:00',304,NULL,NULL,0,2,NULL,NULL,NULL,NULL,NULL,NULL,'wire-b');
INSERT INTO "feeds" VALUES('http://127.0.0.1:8001/a.xml','Wire A','"bbe623ad8031"','Mon, 30 Jun 2025 12:00:00 GMT','8943ca55362a893f68a5d11e3e426d79a8773351ee25e286e00ac9364fee869c',1,'2026-12-05T16:26:36.124840+00:00','2026-12-05T16:26:36.124840+00:00',200,NULL,NULL,0,4,NULL,NULL,NULL,NULL,NULL,NULL,'wire-a');
INSERT INTO "feeds" VALUES('http://127.0.0.1:8001/c.xml','Wire C','"699c766ed204"','Mon, 30 Jun 2025 12:00:00 GMT','3a807655eaf3be29aeefa52dd7b23c7cb81a7a656e08129333af48f1c04daad0',1,'2026-12-05T16:26:37.618784+00:00','2026-12-05T16:26:37.618784+00:00',200,NULL,NULL,0,4,NULL,NULL,NULL,NULL,NULL,NULL,'Wire C');
CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            at TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            title TEXT NOT NULL
        );
CREATE TABLE "items" (
            id INTEGER PRIMARY KEY,
            feed_url TEXT NOT NULL REFERENCES feeds(url),
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            published INTEGER,
            language TEXT,
            content_hash BLOB NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            edits INTEGER NOT NULL DEFAULT 0,
            content TEXT,
            author TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '[]',
            UNIQUE (feed_url, key)
        );
INSERT INTO "items" VALUES(1,'http://127.0.0.1:8001/b.xml','g:wire-b-0',NULL,'https://wire-b.example/0','Delegations resume talks in Geneva on the exchange of prisoners and the front line, officials say','Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of prisoners, the front line and humanitarian corridors, officials told reporters.',1751364000000000,NULL,X'FB358B0F43BA6C8D',1796487994969794,1796487994969794,0,'','','[]');
INSERT INTO "items" VALUES(2,'http://127.0.0.1:8001/b.xml','g:wire-b-1',NULL,'https://wire-b.example/1','Harbour talks stall as unions walk out of the port authority meeting','Talks between dock unions and the port authority stalled on Tuesday.',1751367600000000,NULL,X'BE8F97ABBA56A6F8',1796487994969794,1796487994969794,0,'','','[]');
INSERT INTO "items" VALUES(3,'http://127.0.0.1:8001/a.xml','g:wire-a-0',NULL,'https://wire-a.example/0','Delegations resume talks in Geneva on the exchange of prisoners and the front line (updated)','Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of prisoners, the front line and humanitarian corridors, officials said.',1751364000000000,NULL,X'BEDBEA8EA8197FDB',1796487994981091,1796487996124840,1,'','','[]');
INSERT INTO "items" VALUES(4,'http://127.0.0.1:8001/a.xml','g:wire-a-1',NULL,'https://wire-a.example/1','Israel and Lebanon agree ceasefire after weeks of fighting','Israel and Lebanon agreed a ceasefire on Tuesday, the US mediator said.',1751367600000000,NULL,X'C1255299BDC31E8E',1796487994981091,1796487996124840,0,'','','[]');
INSERT INTO "items" VALUES(5,'http://127.0.0.1:8001/a.xml','g:wire-a-2',NULL,'https://wire-a.example/2','Переговоры в Женеве возобновились после долгого перерыва','Делегации двух стран в Женеве возобновили переговоры об обмене пленными и о линии фронта, сообщили официальные лица.',1751371200000000,NULL,X'147C199AA67C079C',1796487994981091,1796487996124840,0,'','','[]');
INSERT INTO "items" VALUES(6,'http://127.0.0.1:8001/a.xml','g:wire-a-3',NULL,'https://wire-a.example/3','Talks in Geneva end without agreement on the front line','The Geneva talks ended on Wednesday without agreement on the front line, the delegations said.',1751374800000000,NULL,X'274045E4AFEFCFB1',1796487996124840,1796487996124840,0,'','','[]');
INSERT INTO "items" VALUES(7,'http://127.0.0.1:8001/c.xml','g:wire-c-0',NULL,'https://wire-c.example/0','Ceasefire talks resume in Doha as mediators press both sides','Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday to press for a ceasefire, the release of hostages and the return of displaced families, officials said. The talks, the first in three weeks, followed a week of heavy fighting; the full statement is at https://wire-c.example/statements/doha-talks-2025.',1751536800000000,NULL,X'0452EF5EED8AFA98FA22CCC0',1796487997618784,1796487997618784,0,'Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday. The talks lasted six hours and will continue on Friday, a senior official said, adding that a ceasefire was within reach if both sides accepted the mediators'' proposal on hostages, aid and the withdrawal of forces from populated areas. Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday. The talks lasted six hours and will continue on Friday, a senior official said, adding that a ceasefire was within reach if both sides accepted the mediators'' proposal on hostages, aid and the withdrawal of forces from populated areas. Mediators from Qatar and Egypt met negotiators from both sides in Doha on Thursday. The talks lasted six hours and will continue on Friday, a senior official said, adding that a ceasefire was within reach if both sides accepted the mediators'' proposal on hostages, aid and the withdrawal of forces from populated areas.','','[]');
INSERT INTO "items" VALUES(8,'http://127.0.0.1:8001/c.xml','g:wire-c-1',NULL,'https://wire-c.example/1','Les pourparlers de paix reprennent à Genève','Les délégations des deux pays ont repris jeudi à Genève les pourparlers sur un cessez-le-feu, l''échange de prisonniers et le retour des réfugiés, ont indiqué des responsables. Les discussions doivent se poursuivre vendredi sous l''égide de l''ONU.',1751540400000000,NULL,X'D8CC6C45EDA2F237',1796487997618784,1796487997618784,0,'','','[]');
INSERT INTO "items" VALUES(9,'http://127.0.0.1:8001/c.xml','g:wire-c-2',NULL,'https://wire-c.example/2','Переговоры о перемирии продолжатся в пятницу','Делегации двух стран провели в Женеве шестичасовые переговоры о прекращении огня, обмене пленными и возвращении беженцев, сообщили официальные лица. Следующий раунд переговоров назначен на пятницу.',1751544000000000,NULL,X'28AEDD35CC7D355F',1796487997618784,1796487997618784,0,'','','[]');
INSERT INTO "items" VALUES(10,'http://127.0.0.1:8001/c.xml','g:wire-c-3',NULL,'https://wire-c.example/3','Talks','Talks.',1751547600000000,NULL,X'A90B61AA982A831F',1796487997618784,1796487997618784,0,'','','[]');
CREATE TABLE "matches" (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            explanation TEXT NOT NULL,
            matched_at INTEGER NOT NULL,
            alerted INTEGER NOT NULL,
            suppressed TEXT,
            story_id INTEGER,
            UNIQUE (item_id, rule_id)
        );
INSERT INTO "matches" VALUES(1,1,'talks-words','medium','matched because: ''talks'' (title)',1796487994969794,1,NULL,1);
INSERT INTO "matches" VALUES(2,2,'talks-words','medium','matched because: ''talks'' (title)',1796487994969794,1,NULL,2);
INSERT INTO "matches" VALUES(3,3,'talks-words','medium','matched because: ''talks'' (title)',1796487994981091,0,'already alerted for story-1 (''Delegations resume talks in Geneva on the exchange of prisoners and the front line, officials say'') (a copy of ''resume''); this report is listed among its sources',1);
INSERT INTO "matches" VALUES(4,4,'ceasefire-event','high','matched because: ceasefire agreed: ''ceasefire'' + ''agree'', happened (not planned, not denied), in the headline; named: ''Israel'' (Israel), ''Lebanon'' (Lebanon)',1796487994981091,1,NULL,3);
INSERT INTO "matches" VALUES(5,4,'talks-words','medium','matched because: ''ceasefire'' (title)',1796487994981091,1,NULL,3);
INSERT INTO "matches" VALUES(6,5,'talks-words','medium','matched because: ''Переговоры'' (title)',1796487994981091,1,NULL,4);
INSERT INTO "matches" VALUES(7,6,'talks-words','medium','matched because: ''Talks'' (title)',1796487996124840,1,NULL,5);
INSERT INTO "matches" VALUES(8,7,'talks-words','medium','matched because: ''Ceasefire'' (title)',1796487997618784,1,NULL,6);
INSERT INTO "matches" VALUES(9,9,'talks-words','medium','matched because: ''Переговоры'' (title)',1796487997618784,1,NULL,7);
INSERT INTO "matches" VALUES(10,10,'talks-words','medium','matched because: ''Talks'' (title)',1796487997618784,1,NULL,8);
CREATE TABLE mutes (
            target TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('story', 'rule')),
            until TEXT,
            created TEXT NOT NULL
        );
CREATE TABLE "outbox" (
            id INTEGER PRIMARY KEY,
            match_id INTEGER REFERENCES matches(id),
            channel TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'alert',
            revision INTEGER NOT NULL DEFAULT 0,
            alert_id TEXT,
            thread_id TEXT,
            severity TEXT,
            rule_id TEXT,
            story TEXT,
            format TEXT NOT NULL DEFAULT 'text',
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            payload TEXT,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt INTEGER NOT NULL,
            last_error TEXT,
            created INTEGER NOT NULL,
            sent_at INTEGER,
            digest_id INTEGER,
            services_done TEXT,
            reported INTEGER NOT NULL DEFAULT 0,
            UNIQUE (match_id, channel, revision)
        );
INSERT INTO "outbox" VALUES(1,1,'desk','alert',0,'f2627884d5',NULL,'medium','talks-words','story:1','text','','','{"who":[],"feed":"Wire B","d":1,"i":15,"r":1}','pending',0,1796487994969794,NULL,1796487994969794,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(2,2,'desk','alert',0,'6bee5ebbae',NULL,'medium','talks-words','story:2','text','','','{"who":[],"feed":"Wire B","d":1,"i":15,"r":1}','pending',0,1796487994969794,NULL,1796487994969794,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(3,4,'desk','alert',0,'c1d4fe2172',NULL,'high','ceasefire-event','story:3','text','','','{"who":["Israel","Lebanon","United States"],"feed":"Wire A","d":1,"i":15,"r":2}','pending',0,1796487994981091,NULL,1796487994981091,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(4,5,'desk','alert',0,'18e2f1f750',NULL,'medium','talks-words','story:3','text','','','{"who":["Israel","Lebanon","United States"],"feed":"Wire A","d":1,"i":15,"r":1}','pending',0,1796487994981091,NULL,1796487994981091,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(5,6,'desk','alert',0,'38cd35984f',NULL,'medium','talks-words','story:4','text','','','{"who":[],"feed":"Wire A","d":1,"i":15,"r":1}','pending',0,1796487994981091,NULL,1796487994981091,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(6,7,'desk','alert',0,'82ed9e63bd',NULL,'medium','talks-words','story:5','text','','','{"who":[],"feed":"Wire A","d":1,"i":15,"r":1}','pending',0,1796487996124840,NULL,1796487996124840,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(7,8,'desk','alert',0,'3d355444c4',NULL,'medium','talks-words','story:6','text','','','{"who":["Qatar","Egypt"],"feed":"Wire C","d":1,"i":15,"r":1}','pending',0,1796487997618784,NULL,1796487997618784,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(8,9,'desk','alert',0,'052511a5f7',NULL,'medium','talks-words','story:7','text','','','{"who":[],"feed":"Wire C","d":1,"i":15,"r":1}','pending',0,1796487997618784,NULL,1796487997618784,NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(9,10,'desk','alert',0,'dc842d178f',NULL,'medium','talks-words','story:8','text','','','{"who":[],"feed":"Wire C","d":1,"i":15,"r":1}','pending',0,1796487997618784,NULL,1796487997618784,NULL,NULL,NULL,0);
CREATE TABLE poll_log (
            id INTEGER PRIMARY KEY,
            feed_name TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            status INTEGER,
            error TEXT
        );
INSERT INTO "poll_log" VALUES(1,'Wire B','2026-12-05T16:26:34.969794+00:00','ok',200,NULL);
INSERT INTO "poll_log" VALUES(2,'Wire A','2026-12-05T16:26:34.981091+00:00','ok',200,NULL);
INSERT INTO "poll_log" VALUES(3,'Wire B','2026-12-05T16:26:35.660159+00:00','unchanged',304,NULL);
INSERT INTO "poll_log" VALUES(4,'Wire A','2026-12-05T16:26:36.124840+00:00','ok',200,NULL);
INSERT INTO "poll_log" VALUES(5,'Wire C','2026-12-05T16:26:37.618784+00:00','ok',200,NULL);
CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            signature TEXT
        , event TEXT);
INSERT INTO "stories" VALUES(1,'Delegations resume talks in Geneva on the exchange of prisoners and the front line, officials say','2025-07-01T10:00:00+00:00','2025-07-01T10:00:00+00:00',X'E19E2E014A7FEC09633CB20682399E04FB3F21001F5DCB025C1E10168A940A135CE7FE019B89CE1146E72800F2B4500B7467DC009D34FF0747D77D1A5A2A4F02D074A0031E70FA059D8B800090DF5311B1994502279F72090ABC5B06ADA41C0B8ACB6F00C1DD57016138CC0396EF5311EC78320420581405F5A2590787BFA4053418CB0EC9983C01C1D62B0834571C08E97A340074E464117C593C00BA5C09068E15870325967B0788B6A20922523C0EF1232908370126065C7D4201A2F343022F21260DEC86610229AAC3079186150F4AF0180FCF6ACB22905F4C0071C5E102A1C3CB09AD53700E166ED903B76EAF022F21FD00FD65300177F66C074BC34308','peace-talks|a||@geneva');
INSERT INTO "stories" VALUES(2,'Harbour talks stall as unions walk out of the port authority meeting','2025-07-01T11:00:00+00:00','2025-07-01T11:00:00+00:00',X'0213A7002EFE5111633CB2068D53BA01A5926B052B16B72504B55B11899C8009D1094E038D764C04023AC712827D3E035757FC14DAC07809A988C321200BA5121013A009055CB207ED23A70AF5DD100204D5630D70CDFE010416E7004D2F91048C7A040CC1DD57019FC0BF094929FE0021CA6007D7266403C2A0FA0275BD490BEB9786022188B2022D0CE2065A5777224F2881039589C51C141E2708501391253202FB273475ED0C7B1AAC105FE19811C1FF310293025808CD57070A78C4CF0814AE6A0BCF3F56059884A4009186150F89CF7B0AB9AE10006905A602DB84EF103C46BE20386B0D02E8622A0279F96A0CF07EF802FB9CE70AAF65D0004BC34308','contact|a||');
INSERT INTO "stories" VALUES(3,'Israel and Lebanon agree ceasefire after weeks of fighting','2025-07-01T11:00:00+00:00','2025-07-01T11:00:00+00:00',NULL,'ceasefire|a|IL,LB,US|');
INSERT INTO "stories" VALUES(4,'Переговоры в Женеве возобновились после долгого перерыва','2025-07-01T12:00:00+00:00','2025-07-01T12:00:00+00:00',X'5440000B8B0F79008266BC1BDD1BE315DA326F06EF3E1A1417F7920ADF6F1C0994D8EF139E233D03907D170142765C04A91CD100ABA0040CD8062F00ACCD7F0BBA2D650C41597501934AEB1240D27A0FFDCF520705A37302C0B60503CB4F0E1E4E61FD16B242FB0190620C09AF9343097B70C804050F18060B52FC0A49D1EC00E6BD020E055C840671ABF605A6C54510DFFD5F1F749CEC00992F3104AC196B01BA87D802E084D000257FBD0F8C447E02C8D977093621940DA40A230B0243A50428B5D20BD158F3187F50480F4724360455E369067CFADC080E1D5A0770EEDE03DF1E0811C21687029123EC0027ECC33C224C4A08AD70EC03C88B03283E18320E','peace-talks|a||@женеве');
INSERT INTO "stories" VALUES(5,'Talks in Geneva end without agreement on the front line','2025-07-01T13:00:00+00:00','2025-07-01T13:00:00+00:00',X'3BE1BB0C97AF1A010AD1D70543885A13B49102021BDE360797A684056C629901AD21A2317EAB0D0C941DDF06F2B4500BDA2EF3089D34FF0752C45D0A7CD696265FCA870198CA50005DCF9A01833B6518B1994502279F7209E7B21C1645D3230CC6E71F1447784507F5478C0AB5A9B90C3C92121563D1570601E0E30A87BFA40585B96E10CC522F04C1D62B0839335F018A23E4088E95E81E18648A161F64691078EFE115B95501140F15281FD41AC805F12329089195BD071685AF1BA2F34302DE37D038314A8216243BA6087964CC0CB452900588898E120003AD01D473EF24BD15BB19BCBF2707E74BE70CB76EAF0201457603FD65300173269E0898FBD01C','contact|a||@geneva');
INSERT INTO "stories" VALUES(6,'Ceasefire talks resume in Doha as mediators press both sides','2025-07-03T10:00:00+00:00','2025-07-03T10:00:00+00:00',X'29A76707F34B480D633CB20682399E047D9BE10095932C0091D7150541CC6A0050980A0646F77606143A0602DFFEDB01B4C3EA011933640508400C075A2A4F026AF1B304531C2502C2974B01ED869E041A65D9007760B0037C958B021E02DE014ABA8504C1DD57018827EB014AFABF0359BA5203205814058239E402F8B0CE04E65A2D0920F49E0634A2770739BC49005A8DA103FB36A302208F7705927A5500B63B44008A5A9F045B8B670017DDDE01A7BB6500CD2F2805F39B03019CBF94016BCCE403ECBC7E0229AAC307E76D9D063FBED3003B3D4101DC25600871C5E102E3347702302C2B02354790000B3C4E0167A77B00A3ABEC1A29F08607CA238703','peace-talks|a|QA|@doha,EG');
INSERT INTO "stories" VALUES(7,'Переговоры о перемирии продолжатся в пятницу','2025-07-03T12:00:00+00:00','2025-07-03T12:00:00+00:00',X'03CB70098EDA61077E3D0305CEE6011077E3BF0693DD33096596D00A5BFCA802BF7C3508F0C02602D0083F0F42765C047D5456057D75D40850FA100576302C02BA2D650CDB449B008816AE0280BF7403C1B2AE0DF9C8CE153A485601F094F3132AAB0706B242FB0190620C09AF9343091855D11A5F2EA205102C5C05F81F120335463E0AF2C19409BA28570D166F892C1373F400C2233803D5996B00AA04AB0491662D0D67536D0411413D095F54CB004FB6C40B594E9E110EA01F01C4FA37072AFF3D1254320B0A8D627D0947243604F4CA2E037AD73D099AEFC605FCB8B60BC88CD50DC5C52C069123EC00C512CF020C7BDD03C75F22081AFCA20761511D17','contact|a||');
INSERT INTO "stories" VALUES(8,'Talks','2025-07-03T13:00:00+00:00','2025-07-03T13:00:00+00:00',NULL,'contact|a||');
CREATE TABLE "story_bands" (
            band BLOB NOT NULL,
            story_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (band, story_id)
        ) WITHOUT ROWID;
INSERT INTO "story_bands" VALUES(X'06FCC79DCD5FAB9C',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'09828AF3ADDE4482',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'0D6CFBD2AB207E44',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'0D85A14F8C5865FF',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'0E89A07E68D0801F',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'0E8C03264A55EDF9',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'1160F946DE9DE68E',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'12A24E59DD884108',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'12EE027A5439CD28',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'134BEAA0ACFFCB17',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'1581BFDA5FCD3E90',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'16197DDAA7BDB465',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'22E3DCFEBE8AF831',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'26A1D1757044CB0B',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'29D8EC0EC2EFE56D',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'2B3C83B489C0B9FC',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'2BAF526FEFBCC4E5',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'2CDD41F184BF6232',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'2E7CE464E34506E9',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'325A0E8D1AF12873',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'3663484132257A41',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'36BFCB74C8393028',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'3865F4B580FDC216',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'3A2814E367CFA7E5',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'3C76DFA3625E6525',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'3CDA61013B771337',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'3DC8A112F9E97FE2',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'3FF0F3312281F6D3',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'40FF947A358DCC67',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'413427DA4805768D',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'42D7532225B0AD10',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'47FEA5FF35323601',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'4A9953EF16EFB03A',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'4C29217B63ED0A5C',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'4D2BBC41D38393AB',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'4E40D089652BE715',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'5245D6BCF8D54198',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'531B8C78A8519302',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'53BA2A57FF022278',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'56F3564C4486F10E',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'5AD38272A125917E',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'5B27E19D10BBB612',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'5F32C7C0F63635C5',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'5F7F31B076317021',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'611903C5AECE3C73',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'616AFE78BA0C198D',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'628851DFBEEBD0BD',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'62D8FBCDCE9FB428',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'6327748FB0AFA376',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'6838918F05DD0EFD',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'6A4BF02233DD1509',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'6B09279E3DAD9295',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'6F2FA401B9E4488A',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'70AD4C9ACC6F5E62',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'74D5500956E527BC',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'755522AF32A5DD2F',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'7B1F5B881383BC0E',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'7C4AD5C42505E59B',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'7D54E44FB85AB3FD',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'8021F7BBAC6816F6',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'846C4AD4276972A3',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'86AE76DEDA8F9D6D',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'88F60CA9C3CA6143',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'89D0E085A32FBC7B',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'8A5BF924C5B81ABB',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'8AD813AFE1083EE1',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'8DB6AC65471D1E00',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'904E1073F3EE19BB',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'9307B7B0C64F71F6',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'9970CC61B1EF3DAD',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'9CEF97D747048A45',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'A275E740619676C5',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'A88793230F4B7B3C',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'AAFE61F3D1245FEF',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'AC199A34C9EDFBC2',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'AE571D132BE33E40',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'AEB316DFB42013BB',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'B18960DF0B96C43C',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'B1F2E876374513EF',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'B31394EBA4CFD70C',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'B830D46BACAA215E',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'BC44612F1A30D7CC',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'C10A33ABA054143E',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'CCDE64B4AD401ECD',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'CDFA3CF7F587C637',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'CFD17FB0C0BE1CE3',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'D04E4151A0D4FA29',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'D1C56755A187EF88',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'D548FC5D05F4BAA8',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'D9CF9E16E2039C4A',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'E0C109564C547D39',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'E950DEB41C8813DD',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'EAF7C37D9BD8F033',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'EB082742F1B722D6',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'EBF2508EA9D81427',4,1751371200000000);
INSERT INTO "story_bands" VALUES(X'EE1BDDD6AC32B7D2',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'F0808BD2DAC3CCC2',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'F0CB7D801C365FE0',2,1751367600000000);
INSERT INTO "story_bands" VALUES(X'F49F10DD3A534914',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'F6078176DEDB25DD',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'F6D1C7E58654D919',7,1751544000000000);
INSERT INTO "story_bands" VALUES(X'F8492EF8C4911C63',6,1751536800000000);
INSERT INTO "story_bands" VALUES(X'F9DB8D029BC90343',1,1751364000000000);
INSERT INTO "story_bands" VALUES(X'FEF9E905CDDDD102',5,1751374800000000);
INSERT INTO "story_bands" VALUES(X'FF11E335674C9040',1,1751364000000000);
CREATE TABLE story_developments (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            item_key TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (story_id, rule_id, status)
        ) WITHOUT ROWID;
INSERT INTO "story_developments" VALUES(1,'talks-words','resume','g:wire-b-0','http://127.0.0.1:8001/b.xml','2025-07-01T10:00:00+00:00');
INSERT INTO "story_developments" VALUES(2,'talks-words','call','g:wire-b-1','http://127.0.0.1:8001/b.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(3,'ceasefire-event','agreed','g:wire-a-1','http://127.0.0.1:8001/a.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(3,'talks-words','agreed','g:wire-a-1','http://127.0.0.1:8001/a.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(4,'talks-words','resume','g:wire-a-2','http://127.0.0.1:8001/a.xml','2025-07-01T12:00:00+00:00');
INSERT INTO "story_developments" VALUES(5,'talks-words','call','g:wire-a-3','http://127.0.0.1:8001/a.xml','2025-07-01T13:00:00+00:00');
INSERT INTO "story_developments" VALUES(6,'talks-words','resume','g:wire-c-0','http://127.0.0.1:8001/c.xml','2025-07-03T10:00:00+00:00');
INSERT INTO "story_developments" VALUES(7,'talks-words','talks','g:wire-c-2','http://127.0.0.1:8001/c.xml','2025-07-03T12:00:00+00:00');
INSERT INTO "story_developments" VALUES(8,'talks-words','call','g:wire-c-3','http://127.0.0.1:8001/c.xml','2025-07-03T13:00:00+00:00');
CREATE TABLE "story_keys" (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
INSERT INTO "story_keys" VALUES('entities','talks-wordsEG+QA',6,'2025-07-03T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|IL',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|IL+LB',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|IL+US',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|LB',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|LB+US',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|US',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','peace-talks|a|=QA',6,'2025-07-03T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','peace-talks|a|QA',6,'2025-07-03T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/0',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/1',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/2',4,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/3',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-b.example/0',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-b.example/1',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-c.example/0',6,'2025-07-03T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-c.example/2',7,'2025-07-03T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-c.example/3',8,'2025-07-03T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','003f17dbb4e9e738a18d14ac1914dd70',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','0accdf604bd7bef680bb6d1cdc13dcb6',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','1956250732cea15ac07e03cf21b9b1fb',4,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','211f1820bec53dc2c06a45b5c40ee88d',7,'2025-07-03T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','537f48fc624f9b26cc14df7adb43d0ae',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','6d28372a25e5424fe4c6c0acb7477bbd',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','6f9ec799e4724e46159bf641a204369f',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','8b7b896b20b493149634ba4beb720f4f',8,'2025-07-03T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','bcf94c712397e2e96a02328f34c01e98',3,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','f768c6284e093eae7217c7bf90304f08',6,'2025-07-03T10:00:00+00:00');
CREATE TABLE story_member_rules (
            member_id INTEGER NOT NULL REFERENCES story_members(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            PRIMARY KEY (member_id, rule_id)
        ) WITHOUT ROWID;
INSERT INTO "story_member_rules" VALUES(1,'talks-words');
INSERT INTO "story_member_rules" VALUES(2,'talks-words');
INSERT INTO "story_member_rules" VALUES(3,'talks-words');
INSERT INTO "story_member_rules" VALUES(4,'ceasefire-event');
INSERT INTO "story_member_rules" VALUES(4,'talks-words');
INSERT INTO "story_member_rules" VALUES(5,'talks-words');
INSERT INTO "story_member_rules" VALUES(6,'talks-words');
INSERT INTO "story_member_rules" VALUES(7,'talks-words');
INSERT INTO "story_member_rules" VALUES(8,'talks-words');
INSERT INTO "story_member_rules" VALUES(9,'talks-words');
CREATE TABLE "story_members" (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at TEXT NOT NULL,
            status TEXT,
            why TEXT,
            as_item INTEGER NOT NULL DEFAULT 0
        );
INSERT INTO "story_members" VALUES(1,1,'http://127.0.0.1:8001/b.xml','g:wire-b-0','wire-b','',NULL,'new','2025-07-01T10:00:00+00:00','resume','the first report of its event',1);
INSERT INTO "story_members" VALUES(2,2,'http://127.0.0.1:8001/b.xml','g:wire-b-1','wire-b','',NULL,'new','2025-07-01T11:00:00+00:00','call','the first report of its event',1);
INSERT INTO "story_members" VALUES(3,1,'http://127.0.0.1:8001/a.xml','g:wire-a-0','wire-a','Delegations resume talks in Geneva on the exchange of prisoners and the front line','https://wire-a.example/0','words','2025-07-01T10:00:00+00:00','resume','close wording (0.89 of word pairs alike)',0);
INSERT INTO "story_members" VALUES(4,3,'http://127.0.0.1:8001/a.xml','g:wire-a-1','wire-a','',NULL,'new','2025-07-01T11:00:00+00:00','agreed','the first report of its event',1);
INSERT INTO "story_members" VALUES(5,4,'http://127.0.0.1:8001/a.xml','g:wire-a-2','wire-a','',NULL,'new','2025-07-01T12:00:00+00:00','resume','the first report of its event',1);
INSERT INTO "story_members" VALUES(6,5,'http://127.0.0.1:8001/a.xml','g:wire-a-3','wire-a','',NULL,'new','2025-07-01T13:00:00+00:00','call','the first report of its event',1);
INSERT INTO "story_members" VALUES(7,6,'http://127.0.0.1:8001/c.xml','g:wire-c-0','Wire C','',NULL,'new','2025-07-03T10:00:00+00:00','resume','the first report of its event',1);
INSERT INTO "story_members" VALUES(8,7,'http://127.0.0.1:8001/c.xml','g:wire-c-2','Wire C','',NULL,'new','2025-07-03T12:00:00+00:00','talks','the first report of its event',1);
INSERT INTO "story_members" VALUES(9,8,'http://127.0.0.1:8001/c.xml','g:wire-c-3','Wire C','',NULL,'new','2025-07-03T13:00:00+00:00','call','the first report of its event',1);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX history_lookup ON history (scope, key, at);
CREATE INDEX stories_last ON stories (last_at);
CREATE INDEX poll_log_at ON poll_log (at);
CREATE INDEX feedback_match ON feedback (match_id);
CREATE INDEX outbox_due ON outbox (status, next_attempt);
CREATE INDEX outbox_alert ON outbox (alert_id, channel);
CREATE INDEX outbox_sent ON outbox (channel, sent_at);
CREATE INDEX story_members_story ON story_members (story_id);
CREATE INDEX story_members_item ON story_members (feed_url, item_key)
    ;
CREATE INDEX matches_story_alerted ON matches (story_id, rule_id) WHERE alerted = 1
    ;
COMMIT;
