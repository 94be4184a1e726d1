-- The public catalogue's search (issue 19): the newest approved listings read in index order, so a
-- search matching thousands stops after a page instead of sorting them all; and the titles' starts,
-- for a search of one or two letters, which has no trigram for listing_search_trgm to use.
create index listing_newest_idx on listing (approved_at desc, id desc) where status = 'approved';
create index listing_title_th_start_idx on listing (lower(title_th) text_pattern_ops) where status = 'approved';
create index listing_title_en_start_idx on listing (lower(title_en) text_pattern_ops) where status = 'approved';
