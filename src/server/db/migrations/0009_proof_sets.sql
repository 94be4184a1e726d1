-- Signed documents now carry `proof` as an array (a proof set of one): 1EdTech's Open Badges 3.0
-- JSON Schema, which most Open Badges validators load, accepts nothing else. In JSON-LD `proof`
-- is a graph container, so one proof and a set holding it are the same statement and the
-- signature over the document is unchanged: the stored credentials and status lists are
-- rewritten here without signing anything again. Documents already in array form are left alone.
update credential
   set document = jsonb_set(document, '{proof}', jsonb_build_array(document -> 'proof'))
 where document is not null and jsonb_typeof(document -> 'proof') = 'object';

update status_list
   set document = jsonb_set(document, '{proof}', jsonb_build_array(document -> 'proof'))
 where jsonb_typeof(document -> 'proof') = 'object';
