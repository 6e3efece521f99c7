BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'alerts','0001_initial','2026-12-05 08:49:19.525481+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'alerts','0002_history','2026-12-05 08:49:19.525945+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'alerts','0003_notify','2026-12-05 08:49:19.527136+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'alerts','0004_stories','2026-12-05 08:49:19.531984+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'alerts','0005_feed_health','2026-12-05 08:49:19.532838+00:00');
INSERT INTO "_sqlite_migrations" VALUES(6,'alerts','0006_feed_alerts','2026-12-05 08:49:19.533632+00:00');
INSERT INTO "_sqlite_migrations" VALUES(7,'alerts','0007_story_alert_index','2026-12-05 08:49:19.533836+00:00');
INSERT INTO "_sqlite_migrations" VALUES(8,'alerts','0008_story_keys_by_key','2026-12-05 08:49:19.534982+00:00');
INSERT INTO "_sqlite_migrations" VALUES(9,'alerts','0010_poll_log','2026-12-05 08:49:19.535254+00:00');
INSERT INTO "_sqlite_migrations" VALUES(10,'alerts','0011_feed_urls_without_credentials','2026-12-05 08:49:19.535415+00:00');
INSERT INTO "_sqlite_migrations" VALUES(11,'alerts','0012_feed_title','2026-12-05 08:49:19.543984+00:00');
INSERT INTO "_sqlite_migrations" VALUES(12,'alerts','0013_feedback_and_mutes','2026-12-05 08:49:19.544396+00:00');
INSERT INTO "_sqlite_migrations" VALUES(13,'alerts','0014_story_events','2026-12-05 08:49:19.545428+00:00');
INSERT INTO "_sqlite_migrations" VALUES(14,'alerts','0015_item_content','2026-12-05 08:49:19.551879+00:00');
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
INSERT INTO "feeds" VALUES('http://127.0.0.1:8001/a.xml','Wire A','"bbe623ad8031"','Mon, 30 Jun 2025 12:00:00 GMT','8943ca55362a893f68a5d11e3e426d79a8773351ee25e286e00ac9364fee869c',1,'2026-12-05T08:49:22.668764+00:00','2026-12-05T08:49:22.668764+00:00',200,NULL,NULL,0,4,NULL,NULL,NULL,NULL,NULL,NULL,'wire-a');
INSERT INTO "feeds" VALUES('http://127.0.0.1:8001/b.xml','Wire B','"0a0e426e574b"','Mon, 30 Jun 2025 12:00:00 GMT','a485e5bfb4ac53f5324e974f65c185068b47ec8552b918bc43870229da67b352',1,'2026-12-05T08:49:22.071675+00:00','2026-12-05T08:49:22.071675+00:00',304,NULL,NULL,0,2,NULL,NULL,NULL,NULL,NULL,NULL,'wire-b');
CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            at TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            title TEXT NOT NULL
        );
CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            feed_url TEXT NOT NULL REFERENCES feeds(url),
            key TEXT NOT NULL,
            guid TEXT,
            link TEXT,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            published TEXT,
            language TEXT,
            content_hash TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            edits INTEGER NOT NULL DEFAULT 0, content TEXT, author TEXT NOT NULL DEFAULT '', categories TEXT NOT NULL DEFAULT '[]',
            UNIQUE (feed_url, key)
        );
INSERT INTO "items" VALUES(1,'http://127.0.0.1:8001/a.xml','g:wire-a-0','wire-a-0','https://wire-a.example/0','Delegations resume talks in Geneva on the exchange of prisoners and the front line (updated)','Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of prisoners, the front line and humanitarian corridors, officials said.','2025-07-01T10:00:00+00:00',NULL,'bedbea8ea8197fdb','2026-12-05T08:49:20.626916+00:00','2026-12-05T08:49:22.668764+00:00',1,'','','[]');
INSERT INTO "items" VALUES(2,'http://127.0.0.1:8001/a.xml','g:wire-a-1','wire-a-1','https://wire-a.example/1','Israel and Lebanon agree ceasefire after weeks of fighting','Israel and Lebanon agreed a ceasefire on Tuesday, the US mediator said.','2025-07-01T11:00:00+00:00',NULL,'c1255299bdc31e8e','2026-12-05T08:49:20.626916+00:00','2026-12-05T08:49:22.668764+00:00',0,'','','[]');
INSERT INTO "items" VALUES(3,'http://127.0.0.1:8001/a.xml','g:wire-a-2','wire-a-2','https://wire-a.example/2','Переговоры в Женеве возобновились после долгого перерыва','Делегации двух стран в Женеве возобновили переговоры об обмене пленными и о линии фронта, сообщили официальные лица.','2025-07-01T12:00:00+00:00',NULL,'147c199aa67c079c','2026-12-05T08:49:20.626916+00:00','2026-12-05T08:49:22.668764+00:00',0,'','','[]');
INSERT INTO "items" VALUES(4,'http://127.0.0.1:8001/b.xml','g:wire-b-0','wire-b-0','https://wire-b.example/0','Delegations resume talks in Geneva on the exchange of prisoners and the front line, officials say','Negotiators from both sides met again in Geneva on Tuesday to discuss an exchange of prisoners, the front line and humanitarian corridors, officials told reporters.','2025-07-01T10:00:00+00:00',NULL,'fb358b0f43ba6c8d','2026-12-05T08:49:20.635035+00:00','2026-12-05T08:49:20.635035+00:00',0,'','','[]');
INSERT INTO "items" VALUES(5,'http://127.0.0.1:8001/b.xml','g:wire-b-1','wire-b-1','https://wire-b.example/1','Harbour talks stall as unions walk out of the port authority meeting','Talks between dock unions and the port authority stalled on Tuesday.','2025-07-01T11:00:00+00:00',NULL,'be8f97abba56a6f8','2026-12-05T08:49:20.635035+00:00','2026-12-05T08:49:20.635035+00:00',0,'','','[]');
INSERT INTO "items" VALUES(6,'http://127.0.0.1:8001/a.xml','g:wire-a-3','wire-a-3','https://wire-a.example/3','Talks in Geneva end without agreement on the front line','The Geneva talks ended on Wednesday without agreement on the front line, the delegations said.','2025-07-01T13:00:00+00:00',NULL,'274045e4afefcfb1','2026-12-05T08:49:22.668764+00:00','2026-12-05T08:49:22.668764+00:00',0,'','','[]');
CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id),
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL,
            explanation TEXT NOT NULL,
            matched_at TEXT NOT NULL,
            alerted INTEGER NOT NULL, suppressed TEXT, story_id INTEGER,
            UNIQUE (item_id, rule_id)
        );
INSERT INTO "matches" VALUES(1,1,'talks-words','medium','matched because: ''talks'' (title)','2026-12-05T08:49:20.626916+00:00',1,NULL,1);
INSERT INTO "matches" VALUES(2,2,'ceasefire-event','high','matched because: ceasefire agreed: ''ceasefire'' + ''agree'', happened (not planned, not denied), in the headline; named: ''Israel'' (Israel), ''Lebanon'' (Lebanon)','2026-12-05T08:49:20.626916+00:00',1,NULL,2);
INSERT INTO "matches" VALUES(3,2,'talks-words','medium','matched because: ''ceasefire'' (title)','2026-12-05T08:49:20.626916+00:00',1,NULL,2);
INSERT INTO "matches" VALUES(4,3,'talks-words','medium','matched because: ''Переговоры'' (title)','2026-12-05T08:49:20.626916+00:00',1,NULL,3);
INSERT INTO "matches" VALUES(5,4,'talks-words','medium','matched because: ''talks'' (title)','2026-12-05T08:49:20.635035+00:00',0,'already alerted for story-1 (''Delegations resume talks in Geneva on the exchange of prisoners and the front line'') (a copy of ''resume''); this report is listed among its sources',1);
INSERT INTO "matches" VALUES(6,5,'talks-words','medium','matched because: ''talks'' (title)','2026-12-05T08:49:20.635035+00:00',1,NULL,4);
INSERT INTO "matches" VALUES(7,6,'talks-words','medium','matched because: ''Talks'' (title)','2026-12-05T08:49:22.668764+00:00',1,NULL,5);
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
            next_attempt TEXT NOT NULL,
            last_error TEXT,
            created TEXT NOT NULL,
            sent_at TEXT,
            digest_id INTEGER,
            services_done TEXT,
            reported INTEGER NOT NULL DEFAULT 0,
            UNIQUE (match_id, channel, revision)
        );
INSERT INTO "outbox" VALUES(1,1,'desk','alert',0,'f2627884d5',NULL,'medium','talks-words','story:1','text','[medium] Talks, by wording: Delegations resume talks in Geneva on the exchange of prisoners and the front line','','{"alert_id": "f2627884d5", "thread": null, "update": false, "severity": "medium", "rule_id": "talks-words", "rule_title": "Talks, by wording", "rule_description": "", "tags": [], "title": "Delegations resume talks in Geneva on the exchange of prisoners and the front line", "who": [], "when": "2025-07-01 10:00 UTC", "published": "2025-07-01T10:00:00+00:00", "feed": "Wire A", "link": "https://wire-a.example/0", "sources": [{"feed": "Wire A", "title": "Delegations resume talks in Geneva on the exchange of prisoners and the front line", "link": "https://wire-a.example/0"}], "story": "story:1"}','pending',0,'2026-12-05T08:49:20.626916+00:00',NULL,'2026-12-05T08:49:20.626916+00:00',NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(2,2,'desk','alert',0,'a59e7fda81',NULL,'high','ceasefire-event','story:2','text','[high] A ceasefire is agreed: Israel and Lebanon agree ceasefire after weeks of fighting','','{"alert_id": "a59e7fda81", "thread": null, "update": false, "severity": "high", "rule_id": "ceasefire-event", "rule_title": "A ceasefire is agreed", "rule_description": "", "tags": [], "title": "Israel and Lebanon agree ceasefire after weeks of fighting", "who": ["Israel", "Lebanon"], "when": "2025-07-01 11:00 UTC", "published": "2025-07-01T11:00:00+00:00", "feed": "Wire A", "link": "https://wire-a.example/1", "sources": [{"feed": "Wire A", "title": "Israel and Lebanon agree ceasefire after weeks of fighting", "link": "https://wire-a.example/1"}], "story": "story:2"}','pending',0,'2026-12-05T08:49:20.626916+00:00',NULL,'2026-12-05T08:49:20.626916+00:00',NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(3,3,'desk','alert',0,'6bee5ebbae',NULL,'medium','talks-words','story:2','text','[medium] Talks, by wording: Israel and Lebanon agree ceasefire after weeks of fighting','','{"alert_id": "6bee5ebbae", "thread": null, "update": false, "severity": "medium", "rule_id": "talks-words", "rule_title": "Talks, by wording", "rule_description": "", "tags": [], "title": "Israel and Lebanon agree ceasefire after weeks of fighting", "who": ["Israel", "Lebanon"], "when": "2025-07-01 11:00 UTC", "published": "2025-07-01T11:00:00+00:00", "feed": "Wire A", "link": "https://wire-a.example/1", "sources": [{"feed": "Wire A", "title": "Israel and Lebanon agree ceasefire after weeks of fighting", "link": "https://wire-a.example/1"}], "story": "story:2"}','pending',0,'2026-12-05T08:49:20.626916+00:00',NULL,'2026-12-05T08:49:20.626916+00:00',NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(4,4,'desk','alert',0,'18e2f1f750',NULL,'medium','talks-words','story:3','text','[medium] Talks, by wording: Переговоры в Женеве возобновились после долгого перерыва','','{"alert_id": "18e2f1f750", "thread": null, "update": false, "severity": "medium", "rule_id": "talks-words", "rule_title": "Talks, by wording", "rule_description": "", "tags": [], "title": "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0432 \u0416\u0435\u043d\u0435\u0432\u0435 \u0432\u043e\u0437\u043e\u0431\u043d\u043e\u0432\u0438\u043b\u0438\u0441\u044c \u043f\u043e\u0441\u043b\u0435 \u0434\u043e\u043b\u0433\u043e\u0433\u043e \u043f\u0435\u0440\u0435\u0440\u044b\u0432\u0430", "who": [], "when": "2025-07-01 12:00 UTC", "published": "2025-07-01T12:00:00+00:00", "feed": "Wire A", "link": "https://wire-a.example/2", "sources": [{"feed": "Wire A", "title": "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0432 \u0416\u0435\u043d\u0435\u0432\u0435 \u0432\u043e\u0437\u043e\u0431\u043d\u043e\u0432\u0438\u043b\u0438\u0441\u044c \u043f\u043e\u0441\u043b\u0435 \u0434\u043e\u043b\u0433\u043e\u0433\u043e \u043f\u0435\u0440\u0435\u0440\u044b\u0432\u0430", "link": "https://wire-a.example/2"}], "story": "story:3"}','pending',0,'2026-12-05T08:49:20.626916+00:00',NULL,'2026-12-05T08:49:20.626916+00:00',NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(5,6,'desk','alert',0,'38cd35984f',NULL,'medium','talks-words','story:4','text','[medium] Talks, by wording: Harbour talks stall as unions walk out of the port authority meeting','','{"alert_id": "38cd35984f", "thread": null, "update": false, "severity": "medium", "rule_id": "talks-words", "rule_title": "Talks, by wording", "rule_description": "", "tags": [], "title": "Harbour talks stall as unions walk out of the port authority meeting", "who": [], "when": "2025-07-01 11:00 UTC", "published": "2025-07-01T11:00:00+00:00", "feed": "Wire B", "link": "https://wire-b.example/1", "sources": [{"feed": "Wire B", "title": "Harbour talks stall as unions walk out of the port authority meeting", "link": "https://wire-b.example/1"}], "story": "story:4"}','pending',0,'2026-12-05T08:49:20.635035+00:00',NULL,'2026-12-05T08:49:20.635035+00:00',NULL,NULL,NULL,0);
INSERT INTO "outbox" VALUES(6,7,'desk','alert',0,'82ed9e63bd',NULL,'medium','talks-words','story:5','text','[medium] Talks, by wording: Talks in Geneva end without agreement on the front line','','{"alert_id": "82ed9e63bd", "thread": null, "update": false, "severity": "medium", "rule_id": "talks-words", "rule_title": "Talks, by wording", "rule_description": "", "tags": [], "title": "Talks in Geneva end without agreement on the front line", "who": [], "when": "2025-07-01 13:00 UTC", "published": "2025-07-01T13:00:00+00:00", "feed": "Wire A", "link": "https://wire-a.example/3", "sources": [{"feed": "Wire A", "title": "Talks in Geneva end without agreement on the front line", "link": "https://wire-a.example/3"}], "story": "story:5"}','pending',0,'2026-12-05T08:49:22.668764+00:00',NULL,'2026-12-05T08:49:22.668764+00:00',NULL,NULL,NULL,0);
CREATE TABLE poll_log (
            id INTEGER PRIMARY KEY,
            feed_name TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            status INTEGER,
            error TEXT
        );
INSERT INTO "poll_log" VALUES(1,'Wire A','2026-12-05T08:49:20.626916+00:00','ok',200,NULL);
INSERT INTO "poll_log" VALUES(2,'Wire B','2026-12-05T08:49:20.635035+00:00','ok',200,NULL);
INSERT INTO "poll_log" VALUES(3,'Wire B','2026-12-05T08:49:22.071675+00:00','unchanged',304,NULL);
INSERT INTO "poll_log" VALUES(4,'Wire A','2026-12-05T08:49:22.668764+00:00','ok',200,NULL);
CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            signature TEXT
        , event TEXT);
INSERT INTO "stories" VALUES(1,'Delegations resume talks in Geneva on the exchange of prisoners and the front line','2025-07-01T10:00:00+00:00','2025-07-01T10:00:00+00:00','19832545,166494026,112344163,77478274,2179067,191156750,370155100,319460490,33482588,298748315,2680646,189838578,14444404,134165661,444454727,38742618,60847312,100298782,8424349,290709392,38115761,158506791,167828183,186426541,7326602,22535617,63715425,290713494,70416620,85219360,123314933,27480831,248191028,20748489,137090753,136075060,3439337,291824756,3955068,101276858,59184526,125539877,161658504,238834210,136913905,103153975,21134684,38007714,220602671,39945964,130263593,253068945,52913218,583756495,44434793,48350577,217037506,242242477,92707751,45051575,16589103,19949053,124581495,138658635','peace-talks|a||@geneva');
INSERT INTO "stories" VALUES(2,'Israel and Lebanon agree ceasefire after weeks of fighting','2025-07-01T11:00:00+00:00','2025-07-01T11:00:00+00:00',NULL,'ceasefire|a|IL,LB|');
INSERT INTO "stories" VALUES(3,'Переговоры в Женеве возобновились после долгого перерыва','2025-07-01T12:00:00+00:00','2025-07-01T12:00:00+00:00','184565844,7933835,465331842,367205341,107950810,337264367,177403671,152858591,334485652,54338462,18316688,73168450,13704361,201629867,3081944,192925100,207957434,24467777,317409939,259707456,122867709,41132805,50706112,504254411,385704270,33243826,151806608,155423663,80244859,102240005,184308235,15520073,235060710,109337605,100051825,273008038,526384607,15506548,70332313,23796140,47744954,13665504,264077093,41829516,158849480,227811638,186845860,77939458,198358312,418601169,256397439,70657095,107602773,148699772,123346190,64941680,285744863,42407618,15475601,1019472935,139086882,65826989,671321032,238164030','contact|a||@женеве');
INSERT INTO "stories" VALUES(4,'Harbour talks stall as unions walk out of the port authority meeting','2025-07-01T11:00:00+00:00','2025-07-01T11:00:00+00:00','10949378,290586158,112344163,28988301,90935973,632755755,291222788,159423625,55445969,72119949,315046402,54427010,352081751,158908634,566462633,312806176,161485584,129129477,178725869,34659829,224646404,33475952,15144452,76623693,201620108,22535617,163561631,16656713,123783713,56895191,49979586,189382005,42375147,45254689,115477549,578246490,58796111,482707861,136781332,630264656,670761522,216888628,279714427,295231839,36831169,139985555,168253389,147833976,191540756,89538511,10781848,253068945,175886217,1093305,44434793,284132571,549340732,34433848,36332264,208337273,49839856,182951163,13657519,138658635','contact|a||');
INSERT INTO "stories" VALUES(5,'Talks in Geneva end without agreement on the front line','2025-07-01T13:00:00+00:00','2025-07-01T13:00:00+00:00','213639483,18526103,98029834,324700227,33722804,121036315,92579479,26829420,832709037,202222462,115285396,189838578,150154970,134165661,173917266,647419516,25676383,5294744,26922845,409287555,38115761,158506791,370979559,203674437,337635270,121993287,176965621,213494197,353538620,106418531,182706177,94683015,275691909,70210252,137090753,23016249,149169034,518559118,378168344,275342367,367128440,335631801,522720527,97000148,136913905,129865105,464487702,38007714,953169886,377637425,145111844,214721657,93344436,311331208,28115712,619672532,431691197,120045500,216484839,45051575,58082561,19949053,144582259,483457944','contact|a||@geneva');
CREATE TABLE story_developments (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            item_key TEXT NOT NULL,
            feed_url TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (story_id, rule_id, status)
        ) WITHOUT ROWID;
INSERT INTO "story_developments" VALUES(1,'talks-words','resume','g:wire-a-0','http://127.0.0.1:8001/a.xml','2025-07-01T10:00:00+00:00');
INSERT INTO "story_developments" VALUES(2,'ceasefire-event','agreed','g:wire-a-1','http://127.0.0.1:8001/a.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(2,'talks-words','agreed','g:wire-a-1','http://127.0.0.1:8001/a.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(3,'talks-words','talks','g:wire-a-2','http://127.0.0.1:8001/a.xml','2025-07-01T12:00:00+00:00');
INSERT INTO "story_developments" VALUES(4,'talks-words','call','g:wire-b-1','http://127.0.0.1:8001/b.xml','2025-07-01T11:00:00+00:00');
INSERT INTO "story_developments" VALUES(5,'talks-words','call','g:wire-a-3','http://127.0.0.1:8001/a.xml','2025-07-01T13:00:00+00:00');
CREATE TABLE "story_keys" (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, key, story_id)
        ) WITHOUT ROWID;
INSERT INTO "story_keys" VALUES('band','06fcc79dcd5fab9c',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','09828af3adde4482',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','0d6cfbd2ab207e44',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','0e89a07e68d0801f',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','0e8c03264a55edf9',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','1160f946de9de68e',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','12a24e59dd884108',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','12ee027a5439cd28',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','134beaa0acffcb17',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','1581bfda5fcd3e90',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','16197ddaa7bdb465',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','26a1d1757044cb0b',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','29d8ec0ec2efe56d',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','2baf526fefbcc4e5',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','2cdd41f184bf6232',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','2e7ce464e34506e9',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','325a0e8d1af12873',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','3663484132257a41',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','36bfcb74c8393028',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','3a2814e367cfa7e5',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','413427da4805768d',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','47fea5ff35323601',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','4a9953ef16efb03a',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','4d2bbc41d38393ab',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','4e40d089652be715',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','531b8c78a8519302',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','53ba2a57ff022278',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','56f3564c4486f10e',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','5b27e19d10bbb612',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','5f32c7c0f63635c5',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','5f7f31b076317021',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','611903c5aece3c73',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','62d8fbcdce9fb428',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','6327748fb0afa376',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','6838918f05dd0efd',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','6a4bf02233dd1509',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','6f2fa401b9e4488a',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','74d5500956e527bc',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','7b1f5b881383bc0e',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','7c4ad5c42505e59b',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','7d54e44fb85ab3fd',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','8021f7bbac6816f6',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','846c4ad4276972a3',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','86ae76deda8f9d6d',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','8a5bf924c5b81abb',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','8ad813afe1083ee1',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','8db6ac65471d1e00',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','904e1073f3ee19bb',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','9307b7b0c64f71f6',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','9970cc61b1ef3dad',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','a275e740619676c5',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','a88793230f4b7b3c',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','ac199a34c9edfbc2',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','ae571d132be33e40',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','aeb316dfb42013bb',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','b18960df0b96c43c',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','b31394eba4cfd70c',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','b830d46bacaa215e',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','bc44612f1a30d7cc',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','ccde64b4ad401ecd',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','cdfa3cf7f587c637',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','d548fc5d05f4baa8',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','d9cf9e16e2039c4a',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','e0c109564c547d39',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','e950deb41c8813dd',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','eaf7c37d9bd8f033',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','ebf2508ea9d81427',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','f0808bd2dac3ccc2',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','f0cb7d801c365fe0',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','f6078176dedb25dd',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','f9db8d029bc90343',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','fef9e905cdddd102',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('band','ff11e335674c9040',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|IL',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|IL+LB',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('event','ceasefire|a|LB',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/0',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/1',2,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/2',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-a.example/3',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-b.example/0',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('link','wire-b.example/1',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','003f17dbb4e9e738a18d14ac1914dd70',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','0accdf604bd7bef680bb6d1cdc13dcb6',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','1956250732cea15ac07e03cf21b9b1fb',3,'2025-07-01T12:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','537f48fc624f9b26cc14df7adb43d0ae',1,'2025-07-01T10:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','6d28372a25e5424fe4c6c0acb7477bbd',4,'2025-07-01T11:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','6f9ec799e4724e46159bf641a204369f',5,'2025-07-01T13:00:00+00:00');
INSERT INTO "story_keys" VALUES('text','bcf94c712397e2e96a02328f34c01e98',2,'2025-07-01T11:00:00+00:00');
CREATE TABLE story_members (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            publisher TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            joined_by TEXT NOT NULL,
            at TEXT NOT NULL, status TEXT, why TEXT,
            UNIQUE (story_id, feed_url, item_key, rule_id)
        );
INSERT INTO "story_members" VALUES(1,1,'http://127.0.0.1:8001/a.xml','g:wire-a-0','talks-words','wire-a','Delegations resume talks in Geneva on the exchange of prisoners and the front line','https://wire-a.example/0','new','2025-07-01T10:00:00+00:00','resume','the first report of its event');
INSERT INTO "story_members" VALUES(2,2,'http://127.0.0.1:8001/a.xml','g:wire-a-1','ceasefire-event','wire-a','Israel and Lebanon agree ceasefire after weeks of fighting','https://wire-a.example/1','new','2025-07-01T11:00:00+00:00','agreed','the first report of its event');
INSERT INTO "story_members" VALUES(3,2,'http://127.0.0.1:8001/a.xml','g:wire-a-1','talks-words','wire-a','Israel and Lebanon agree ceasefire after weeks of fighting','https://wire-a.example/1','new','2025-07-01T11:00:00+00:00','agreed','the first report of its event');
INSERT INTO "story_members" VALUES(4,3,'http://127.0.0.1:8001/a.xml','g:wire-a-2','talks-words','wire-a','Переговоры в Женеве возобновились после долгого перерыва','https://wire-a.example/2','new','2025-07-01T12:00:00+00:00','talks','the first report of its event');
INSERT INTO "story_members" VALUES(5,1,'http://127.0.0.1:8001/b.xml','g:wire-b-0','talks-words','wire-b','Delegations resume talks in Geneva on the exchange of prisoners and the front line, officials say','https://wire-b.example/0','words','2025-07-01T10:00:00+00:00','resume','close wording (0.89 of word pairs alike)');
INSERT INTO "story_members" VALUES(6,4,'http://127.0.0.1:8001/b.xml','g:wire-b-1','talks-words','wire-b','Harbour talks stall as unions walk out of the port authority meeting','https://wire-b.example/1','new','2025-07-01T11:00:00+00:00','call','the first report of its event');
INSERT INTO "story_members" VALUES(7,5,'http://127.0.0.1:8001/a.xml','g:wire-a-3','talks-words','wire-a','Talks in Geneva end without agreement on the front line','https://wire-a.example/3','new','2025-07-01T13:00:00+00:00','call','the first report of its event');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX items_published ON items (published);
CREATE INDEX history_lookup ON history (scope, key, at);
CREATE INDEX outbox_due ON outbox (status, next_attempt);
CREATE INDEX outbox_alert ON outbox (alert_id, channel);
CREATE INDEX outbox_sent ON outbox (channel, sent_at);
CREATE INDEX stories_last ON stories (last_at);
CREATE INDEX story_members_story ON story_members (story_id, rule_id);
CREATE INDEX matches_story_alerted ON matches (story_id, rule_id) WHERE alerted = 1;
CREATE INDEX story_keys_story ON story_keys (story_id);
CREATE INDEX poll_log_at ON poll_log (at);
CREATE INDEX feedback_match ON feedback (match_id);
CREATE INDEX story_members_item ON story_members (feed_url, item_key);
COMMIT;
