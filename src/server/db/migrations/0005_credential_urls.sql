-- An issuer's identifier and a status list's address are part of every credential signed under
-- them, so they are stored as they were first published rather than rebuilt from today's
-- PUBLIC_URL: a server moved to another address (or a development server on another port) still
-- verifies what it signed before, and keeps signing under the same issuer.
alter table issuer_key add column controller text;
update issuer_key set controller = split_part(id, '#', 1);
alter table issuer_key alter column controller set not null;
create index issuer_key_controller_idx on issuer_key (controller);

alter table status_list add column url text;
update status_list set url = document->>'id';
alter table status_list alter column url set not null;
create unique index status_list_url_idx on status_list (url);
