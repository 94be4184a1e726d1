-- Identity documents other than Thai IDs (passports, pink cards, work permits) were stored as typed,
-- dashes included, while imports compared them without: `AB-1234567` typed in the form did not
-- match `AB1234567` in a results file. Every path now stores letters and digits in capitals
-- (`normalizeDocumentNumber`); this brings the rows already stored to that form. A row whose
-- normalised number another record already holds (two records of one person) is left as typed:
-- the duplicates review finds them by name and birth date.
with normalised as (
  select id, doc_type, upper(regexp_replace(doc_number, '[[:space:]‐‑‒–—―-]', '', 'g')) as doc_number
    from person
   where doc_type <> 'th-id' and status <> 'erased'
), changing as (
  select n.* from normalised n join person p on p.id = n.id where p.doc_number <> n.doc_number
), clear as (
  select c.* from changing c
   where not exists (select 1 from person o where o.doc_type = c.doc_type and o.doc_number = c.doc_number)
     and (select count(*) from changing x where x.doc_type = c.doc_type and x.doc_number = c.doc_number) = 1
)
update person set doc_number = clear.doc_number from clear where person.id = clear.id;
