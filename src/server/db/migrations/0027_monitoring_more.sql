-- Monitoring, second slice (issue 20): the seeds' other targets, as rows headquarters can change
-- through the API, never as text in code.
-- seed 004: 401 One Tambon One Group prototype groups selected in FY 2567; 77 of them trained,
-- the other 324 by 31 March 2568 (FY 2568).
-- seed 000: more than 140 new entrepreneur groups a year (registered as community enterprises),
-- for the fiscal year of the report (2569) and the one this ships in (2570).
insert into monitoring_target (indicator, fiscal_year, area_code, value, note)
values ('enterprise.otog.selected', 2567, '*', 401, 'seed 004: 401 prototype groups'),
       ('enterprise.otog.trained', 2568, '*', 324, 'seed 004: 77 groups trained, the other 324 by 31 Mar 2568'),
       ('enterprise.ce-registered', 2569, '*', 140, 'seed 000: more than 140 new entrepreneur groups a year'),
       ('enterprise.ce-registered', 2570, '*', 140, 'seed 000: more than 140 new entrepreneur groups a year')
on conflict do nothing;
