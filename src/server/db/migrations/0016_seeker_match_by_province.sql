-- The matching read model, partitioned by province (issue 16's benchmark). A vacancy's pool is the
-- job seekers of its province: in one table of the whole country they lay on as many heap pages as
-- rows (people register in no area order: 14,283 pages for Khon Kaen's 27,051 at 1,000,000
-- people), and reading them was most of a match's time. One partition per province keeps them
-- together; a query for a province reads its partition only. Home-based work, open to every
-- province, walks each partition's index in person order. The 77 official province codes (DOPA,
-- as in geo's reference data) have a partition each; the default one takes any other code.
--
-- A partitioned table's keys include the partition key, so one row per person is kept by the
-- writes (employment takes a per-person advisory lock, then deletes and inserts), not by a key.
alter table seeker_match rename to seeker_match_unpartitioned;
alter index seeker_match_area_idx rename to seeker_match_unpartitioned_area_idx;
alter index seeker_match_province_idx rename to seeker_match_unpartitioned_province_idx;
alter index seeker_match_home_idx rename to seeker_match_unpartitioned_home_idx;
create table seeker_match (
  person_id bigint not null references person (id),
  province_code text not null references province (code),
  district_code text references district (code),
  desired_occupations text[] not null default '{}',
  accepts_home_based boolean not null,
  min_wage_satang bigint,
  standards text[] not null default '{}',
  course_units text[] not null default '{}',
  priority_groups text[] not null default '{}',
  active boolean not null,
  refreshed_at timestamptz not null default now(),
  primary key (province_code, person_id)
) partition by list (province_code);
create table seeker_match_p10 partition of seeker_match for values in ('10');
create table seeker_match_p11 partition of seeker_match for values in ('11');
create table seeker_match_p12 partition of seeker_match for values in ('12');
create table seeker_match_p13 partition of seeker_match for values in ('13');
create table seeker_match_p14 partition of seeker_match for values in ('14');
create table seeker_match_p15 partition of seeker_match for values in ('15');
create table seeker_match_p16 partition of seeker_match for values in ('16');
create table seeker_match_p17 partition of seeker_match for values in ('17');
create table seeker_match_p18 partition of seeker_match for values in ('18');
create table seeker_match_p19 partition of seeker_match for values in ('19');
create table seeker_match_p20 partition of seeker_match for values in ('20');
create table seeker_match_p21 partition of seeker_match for values in ('21');
create table seeker_match_p22 partition of seeker_match for values in ('22');
create table seeker_match_p23 partition of seeker_match for values in ('23');
create table seeker_match_p24 partition of seeker_match for values in ('24');
create table seeker_match_p25 partition of seeker_match for values in ('25');
create table seeker_match_p26 partition of seeker_match for values in ('26');
create table seeker_match_p27 partition of seeker_match for values in ('27');
create table seeker_match_p30 partition of seeker_match for values in ('30');
create table seeker_match_p31 partition of seeker_match for values in ('31');
create table seeker_match_p32 partition of seeker_match for values in ('32');
create table seeker_match_p33 partition of seeker_match for values in ('33');
create table seeker_match_p34 partition of seeker_match for values in ('34');
create table seeker_match_p35 partition of seeker_match for values in ('35');
create table seeker_match_p36 partition of seeker_match for values in ('36');
create table seeker_match_p37 partition of seeker_match for values in ('37');
create table seeker_match_p38 partition of seeker_match for values in ('38');
create table seeker_match_p39 partition of seeker_match for values in ('39');
create table seeker_match_p40 partition of seeker_match for values in ('40');
create table seeker_match_p41 partition of seeker_match for values in ('41');
create table seeker_match_p42 partition of seeker_match for values in ('42');
create table seeker_match_p43 partition of seeker_match for values in ('43');
create table seeker_match_p44 partition of seeker_match for values in ('44');
create table seeker_match_p45 partition of seeker_match for values in ('45');
create table seeker_match_p46 partition of seeker_match for values in ('46');
create table seeker_match_p47 partition of seeker_match for values in ('47');
create table seeker_match_p48 partition of seeker_match for values in ('48');
create table seeker_match_p49 partition of seeker_match for values in ('49');
create table seeker_match_p50 partition of seeker_match for values in ('50');
create table seeker_match_p51 partition of seeker_match for values in ('51');
create table seeker_match_p52 partition of seeker_match for values in ('52');
create table seeker_match_p53 partition of seeker_match for values in ('53');
create table seeker_match_p54 partition of seeker_match for values in ('54');
create table seeker_match_p55 partition of seeker_match for values in ('55');
create table seeker_match_p56 partition of seeker_match for values in ('56');
create table seeker_match_p57 partition of seeker_match for values in ('57');
create table seeker_match_p58 partition of seeker_match for values in ('58');
create table seeker_match_p60 partition of seeker_match for values in ('60');
create table seeker_match_p61 partition of seeker_match for values in ('61');
create table seeker_match_p62 partition of seeker_match for values in ('62');
create table seeker_match_p63 partition of seeker_match for values in ('63');
create table seeker_match_p64 partition of seeker_match for values in ('64');
create table seeker_match_p65 partition of seeker_match for values in ('65');
create table seeker_match_p66 partition of seeker_match for values in ('66');
create table seeker_match_p67 partition of seeker_match for values in ('67');
create table seeker_match_p70 partition of seeker_match for values in ('70');
create table seeker_match_p71 partition of seeker_match for values in ('71');
create table seeker_match_p72 partition of seeker_match for values in ('72');
create table seeker_match_p73 partition of seeker_match for values in ('73');
create table seeker_match_p74 partition of seeker_match for values in ('74');
create table seeker_match_p75 partition of seeker_match for values in ('75');
create table seeker_match_p76 partition of seeker_match for values in ('76');
create table seeker_match_p77 partition of seeker_match for values in ('77');
create table seeker_match_p80 partition of seeker_match for values in ('80');
create table seeker_match_p81 partition of seeker_match for values in ('81');
create table seeker_match_p82 partition of seeker_match for values in ('82');
create table seeker_match_p83 partition of seeker_match for values in ('83');
create table seeker_match_p84 partition of seeker_match for values in ('84');
create table seeker_match_p85 partition of seeker_match for values in ('85');
create table seeker_match_p86 partition of seeker_match for values in ('86');
create table seeker_match_p90 partition of seeker_match for values in ('90');
create table seeker_match_p91 partition of seeker_match for values in ('91');
create table seeker_match_p92 partition of seeker_match for values in ('92');
create table seeker_match_p93 partition of seeker_match for values in ('93');
create table seeker_match_p94 partition of seeker_match for values in ('94');
create table seeker_match_p95 partition of seeker_match for values in ('95');
create table seeker_match_p96 partition of seeker_match for values in ('96');
create table seeker_match_other partition of seeker_match default;
insert into seeker_match
  select person_id, province_code, district_code, desired_occupations, accepts_home_based, min_wage_satang,
    standards, course_units, priority_groups, active, refreshed_at
  from seeker_match_unpartitioned;
drop table seeker_match_unpartitioned;
-- A person's row (refresh, merge, erasure, their own matches).
create index seeker_match_person_idx on seeker_match (person_id);
-- A vacancy's pool: its district's job seekers in person order, then the rest of its province.
create index seeker_match_area_idx on seeker_match (province_code, district_code, person_id) where active;
create index seeker_match_province_idx on seeker_match (province_code, person_id) where active;
-- Work done from home: every province, in person order.
create index seeker_match_home_idx on seeker_match (person_id) where active and accepts_home_based;
