-- Marketplace (issue 19): listings of enterprise's products in the public catalogue, their
-- photos in several widths, each group's channel accounts with their onboarding path, a group's
-- consent to share its data with a channel's partner, partner advisors, monthly sales and the
-- orders imported from channels' exports.

-- ---------------------------------------------------------------- listings
-- One listing per product. proposed → approved | returned (with reasons) → proposed again;
-- approved → unlisted (a required mark lapsed, or an officer/the group withdrew it).
create table listing (
  id bigserial primary key,
  product_id bigint not null unique references product (id),
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  status text not null check (status in ('proposed', 'approved', 'returned', 'unlisted')),
  title_th text not null,
  title_en text,
  description_th text not null,
  description_en text,
  price_satang bigint not null check (price_satang > 0),
  category text not null,
  -- The marks the listing claims (enterprise's certification kinds): each must stand for the
  -- listing to be approved and to stay listed.
  required_marks text[] not null default '{}',
  stock integer check (stock >= 0),
  package_weight_grams integer check (package_weight_grams > 0),
  package_cm integer[] check (package_cm is null or cardinality(package_cm) = 3),
  -- The group's public contact for buyers (not a member's): a phone and a LINE id.
  contact_phone text,
  line_id text,
  -- Lower-cased titles, descriptions and the group's name: a trigram index finds any part of a word.
  search_text text not null,
  return_reasons jsonb not null default '[]',
  unlisted_reason text,
  proposed_at timestamptz not null default now(),
  proposed_by uuid references app_user (id),
  decided_at timestamptz,
  decided_by uuid references app_user (id),
  approved_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index listing_group_idx on listing (group_id);
create index listing_queue_idx on listing (status, province_code, proposed_at);
create index listing_public_idx on listing (province_code, category, approved_at desc) where status = 'approved';
create index listing_search_trgm on listing using gin (search_text gin_trgm_ops) where status = 'approved';

-- A photo the group uploaded, kept resized to a few widths (bytes in the database, as visits' photos).
create table listing_photo (
  id uuid primary key,
  listing_id bigint not null references listing (id),
  position smallint not null,
  original_width integer not null,
  original_height integer not null,
  created_at timestamptz not null default now()
);
create index listing_photo_listing_idx on listing_photo (listing_id, position);

create table listing_photo_size (
  photo_id uuid not null references listing_photo (id) on delete cascade,
  width integer not null,
  height integer not null,
  content_type text not null check (content_type in ('image/jpeg')),
  data bytea not null,
  primary key (photo_id, width)
);

-- ---------------------------------------------------------------- channels
-- A group's account on a channel, with the date of each onboarding step (null = not yet).
create table channel_account (
  id bigserial primary key,
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  channel text not null check (channel in ('lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde')),
  shop_url text,
  shop_ref text,
  advisor_user_id uuid references app_user (id),
  documents_ready_on date,
  shop_opened_on date,
  first_product_live_on date,
  first_sale_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (group_id, channel)
);
create index channel_account_channel_idx on channel_account (channel, group_id);

-- The group's consent to share its data with a channel's partner, in the registry's consent
-- shape (purpose share-<channel>, lawful basis consent, evidence, who recorded it, given and
-- withdrawn); given by a member (the leader) on the group's behalf. One standing per partner.
create table channel_consent (
  id bigserial primary key,
  group_id bigint not null references occupation_group (id),
  channel text not null check (channel in ('lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde')),
  given_by_person_id bigint references person (id),
  lawful_basis text not null default 'consent' check (lawful_basis = 'consent'),
  evidence text,
  recorded_by uuid references app_user (id),
  given_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
create unique index channel_consent_standing_idx on channel_consent (group_id, channel) where withdrawn_at is null;
create index channel_consent_person_idx on channel_consent (given_by_person_id);

-- A marketplace_partner account's partner (the channel whose company employs the advisor).
create table partner_advisor (
  user_id uuid primary key references app_user (id),
  channel text not null check (channel in ('lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde')),
  created_at timestamptz not null default now()
);

-- ---------------------------------------------------------------- sales
-- One report per group, channel and month (the first of the month): integer satang.
create table sales_report (
  id bigserial primary key,
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  channel text not null check (channel in ('lazada', 'shopee', 'facebook', 'line', 'tiktok', 'onde', 'offline')),
  month date not null check (extract(day from month) = 1),
  orders integer not null check (orders >= 0),
  revenue_satang bigint not null check (revenue_satang >= 0),
  returns integer not null default 0 check (returns >= 0),
  source text not null check (source in ('leader', 'officer', 'import')),
  recorded_by uuid references app_user (id),
  updated_at timestamptz not null default now(),
  unique (group_id, channel, month)
);
create index sales_report_month_idx on sales_report (month, province_code);

-- Orders read from a channel's export: the same order twice is stored once, so a file imported
-- twice adds nothing; a month's imported report is the sum of its orders.
create table sales_order (
  group_id bigint not null references occupation_group (id),
  channel text not null,
  order_ref text not null,
  ordered_on date not null,
  amount_satang bigint not null check (amount_satang >= 0),
  returned boolean not null default false,
  imported_at timestamptz not null default now(),
  primary key (channel, group_id, order_ref)
);

-- The daily sweep's ledger: a day's row is taken by the first process to run the sweep that day.
create table marketplace_sweep (
  day date primary key,
  unlisted integer not null default 0,
  ran_at timestamptz not null default now()
);
