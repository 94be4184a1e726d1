import { sql, type Insertable, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import type { ChannelAccountTable, ListingTable } from '../../db/schema.marketplace';
import type { CatalogueSearch } from './marketplace.rules';

// ------------------------------------------------------------------ listings

export type ListingRow = Awaited<ReturnType<typeof findListing>> & {};

export const findListing = (db: Executor, id: number) => db.selectFrom('listing').selectAll().where('id', '=', id).executeTakeFirst();
export const lockListing = (trx: Transaction<DB>, id: number) => trx.selectFrom('listing').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const listingOfProduct = (db: Executor, productId: number) =>
  db.selectFrom('listing').select(['id', 'status']).where('product_id', '=', productId).executeTakeFirst();
export const insertListing = (trx: Transaction<DB>, values: Insertable<ListingTable>) =>
  trx.insertInto('listing').values(values).returning('id').executeTakeFirstOrThrow();
export const updateListing = (trx: Transaction<DB>, id: number, set: Partial<Insertable<ListingTable>>) =>
  trx
    .updateTable('listing')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
export const listingsOfGroup = (db: Executor, groupId: number) => db.selectFrom('listing').selectAll().where('group_id', '=', groupId).orderBy('id').execute();

/** The officers' queue: listings in these provinces (null: all) with a status. */
export const listingQueue = (db: Executor, f: { status: string; provinces: readonly string[] | null; limit: number; offset: number }) =>
  f.provinces?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('listing')
        .selectAll()
        .where('status', '=', f.status)
        .$if(f.provinces !== null, (q) => q.where('province_code', 'in', [...f.provinces!]))
        .orderBy('proposed_at')
        .orderBy('id')
        .limit(f.limit)
        .offset(f.offset)
        .execute();

/** Approved listings that claim marks: the only ones a lapsed certificate unlists, so the ones the daily sweep checks. */
export const approvedListings = (db: Executor) =>
  db
    .selectFrom('listing')
    .select(['id', 'product_id', 'group_id', 'province_code', 'required_marks', 'title_th'])
    .where('status', '=', 'approved')
    .where(sql<boolean>`cardinality(required_marks) > 0`)
    .execute();

export interface CatalogueFilter {
  search: CatalogueSearch | null;
  province: string | null;
  category: string | null;
  mark: string | null;
  limit: number;
  offset: number;
}

/** How far the catalogue counts its matches before it says "more than": a shopper needs no exact 20,000. */
export const CATALOGUE_COUNT_CAP = 1_000;

/**
 * Approved listings for the public catalogue, newest first, and how many match (at most
 * CATALOGUE_COUNT_CAP, then `totalIsCapped`). The mark filter is on what the listing claims; the
 * service drops any whose mark has lapsed.
 *
 * First the matches' ids, at most the cap and one, through the trigram index (a word of three
 * letters or more anywhere) or the titles' b-trees (one or two letters at a title's start). When
 * that is all of them, they are sorted here and the page read by id: a selective search costs its
 * few matches. When there are more, the newest listings are read in index order
 * (`listing_newest_idx`) and filtered until the page is full, within a window of 200 listings per
 * row wanted (a match rate of one in 200; the cap is one in 100 at 100,000 listings), instead of
 * sorting every match; a page the window does not fill (the matches all old) is asked of the
 * planner without it.
 */
export async function catalogue(db: Executor, f: CatalogueFilter) {
  const matching = <Q extends SelectQueryBuilder<DB, 'listing', object>>(q: Q): Q => {
    let m = q.where('listing.status', '=', 'approved');
    const s = f.search;
    if (s?.match === 'anywhere') m = m.where('listing.search_text', 'like', s.pattern);
    if (s?.match === 'title-start')
      m = m.where((eb) => eb.or([eb(sql`lower(listing.title_th)`, 'like', s.pattern), eb(sql`lower(listing.title_en)`, 'like', s.pattern)]));
    if (f.province) m = m.where('listing.province_code', '=', f.province);
    if (f.category) m = m.where('listing.category', '=', f.category);
    if (f.mark) m = m.where(sql<boolean>`${f.mark} = any(listing.required_marks)`);
    return m as Q;
  };
  const found = await matching(db.selectFrom('listing'))
    .select(['listing.id', 'listing.approved_at'])
    .limit(CATALOGUE_COUNT_CAP + 1)
    .execute();
  if (found.length <= CATALOGUE_COUNT_CAP) {
    const time = (d: Date | null) => (d ? new Date(d).getTime() : 0);
    const page = found
      .sort((a, b) => time(b.approved_at) - time(a.approved_at) || b.id - a.id)
      .slice(f.offset, f.offset + f.limit)
      .map((r) => r.id);
    const rows = page.length ? await db.selectFrom('listing').selectAll().where('id', 'in', page).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { rows: page.map((id) => byId.get(id)!), total: found.length, totalIsCapped: false };
  }
  const wanted = f.offset + f.limit;
  const newest = db
    .selectFrom('listing')
    .selectAll()
    .where('status', '=', 'approved')
    .orderBy('approved_at', 'desc')
    .orderBy('id', 'desc')
    .limit(wanted * 200)
    .as('listing');
  const windowed = await matching(db.selectFrom(newest).selectAll())
    .orderBy('listing.approved_at', 'desc')
    .orderBy('listing.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const rows =
    windowed.length === f.limit
      ? windowed
      : await matching(db.selectFrom('listing').selectAll()).orderBy('approved_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: CATALOGUE_COUNT_CAP, totalIsCapped: true };
}

export const sitemapEntries = (db: Executor) =>
  db.selectFrom('listing').select(['id', 'updated_at']).where('status', '=', 'approved').orderBy('id').limit(50_000).execute();

// ------------------------------------------------------------------ photos

export const photosOf = (db: Executor, listingIds: readonly number[]) =>
  listingIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('listing_photo as p')
        .leftJoin('listing_photo_size as s', 's.photo_id', 'p.id')
        .select(['p.id', 'p.listing_id', 'p.position', 's.width', 's.height'])
        .where('p.listing_id', 'in', [...listingIds])
        .orderBy('p.listing_id')
        .orderBy('p.position')
        .orderBy('s.width')
        .execute();
export const countPhotos = async (db: Executor, listingId: number) =>
  Number(
    (
      await db
        .selectFrom('listing_photo')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('listing_id', '=', listingId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const insertPhoto = async (
  trx: Transaction<DB>,
  photo: { id: string; listing_id: number; position: number; original_width: number; original_height: number },
  sizes: { width: number; height: number; data: Buffer }[],
) => {
  await trx.insertInto('listing_photo').values(photo).execute();
  await trx
    .insertInto('listing_photo_size')
    .values(sizes.map((s) => ({ photo_id: photo.id, width: s.width, height: s.height, content_type: 'image/jpeg', data: s.data })))
    .execute();
};
/** The stored size closest to `width` from above (else the largest), with its listing's status and place. */
export const photoSize = (db: Executor, id: string, width: number) =>
  db
    .selectFrom('listing_photo_size as s')
    .innerJoin('listing_photo as p', 'p.id', 's.photo_id')
    .innerJoin('listing as l', 'l.id', 'p.listing_id')
    .select(['s.content_type', 's.data', 's.width', 'l.status', 'l.group_id', 'l.province_code'])
    .where('s.photo_id', '=', id)
    .orderBy(sql`s.width >= ${width}`, 'desc')
    .orderBy(sql`abs(s.width - ${width})`)
    .limit(1)
    .executeTakeFirst();

// ------------------------------------------------------------------ channels and consents

export const accountsOfGroups = (db: Executor, groupIds: readonly number[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('channel_account')
        .selectAll()
        .where('group_id', 'in', [...groupIds])
        .orderBy('id')
        .execute();
export const upsertAccount = (trx: Transaction<DB>, values: Insertable<ChannelAccountTable>) =>
  trx
    .insertInto('channel_account')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['group_id', 'channel']).doUpdateSet({
        shop_url: values.shop_url,
        shop_ref: values.shop_ref,
        advisor_user_id: values.advisor_user_id,
        documents_ready_on: values.documents_ready_on,
        shop_opened_on: values.shop_opened_on,
        first_product_live_on: values.first_product_live_on,
        first_sale_on: values.first_sale_on,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
export const findAccount = (db: Executor, groupId: number, channel: string) =>
  db.selectFrom('channel_account').selectAll().where('group_id', '=', groupId).where('channel', '=', channel).executeTakeFirst();
/** Sets the first sale's date where none is recorded yet. */
export const markFirstSale = (trx: Transaction<DB>, groupId: number, channel: string, on: string) =>
  trx
    .updateTable('channel_account')
    .set({ first_sale_on: on, updated_at: new Date() })
    .where('group_id', '=', groupId)
    .where('channel', '=', channel)
    .where('first_sale_on', 'is', null)
    .execute();

export const consentsOfGroups = (db: Executor, groupIds: readonly number[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('channel_consent')
        .selectAll()
        .where('group_id', 'in', [...groupIds])
        .orderBy('id')
        .execute();
export const standingConsent = (db: Executor, groupId: number, channel: string) =>
  db
    .selectFrom('channel_consent')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('channel', '=', channel)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
export const insertConsent = (
  trx: Transaction<DB>,
  values: { group_id: number; channel: string; given_by_person_id: number | null; evidence: string | null; recorded_by: string },
) => trx.insertInto('channel_consent').values(values).returning(['id', 'given_at']).executeTakeFirstOrThrow();
export const withdrawConsent = (trx: Transaction<DB>, groupId: number, channel: string) =>
  trx
    .updateTable('channel_consent')
    .set({ withdrawn_at: new Date() })
    .where('group_id', '=', groupId)
    .where('channel', '=', channel)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
/** Groups with a standing consent to share with this partner, in id order. */
export const consentedGroups = (db: Executor, channel: string) =>
  db
    .selectFrom('channel_consent')
    .select(['group_id', 'given_at'])
    .where('channel', '=', channel)
    .where('withdrawn_at', 'is', null)
    .orderBy('group_id')
    .execute();

export const advisorChannel = async (db: Executor, userId: string) =>
  (await db.selectFrom('partner_advisor').select('channel').where('user_id', '=', userId).executeTakeFirst())?.channel ?? null;
export const setAdvisor = (trx: Transaction<DB>, userId: string, channel: string) =>
  trx
    .insertInto('partner_advisor')
    .values({ user_id: userId, channel })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ channel }))
    .execute();

// ------------------------------------------------------------------ sales

export const salesOfGroup = (db: Executor, groupId: number) =>
  db.selectFrom('sales_report').selectAll().where('group_id', '=', groupId).orderBy('month').orderBy('channel').execute();
export const upsertSales = (
  trx: Transaction<DB>,
  r: {
    group_id: number;
    province_code: string;
    channel: string;
    month: string;
    orders: number;
    revenue_satang: number;
    returns: number;
    source: string;
    recorded_by: string;
  },
) =>
  trx
    .insertInto('sales_report')
    .values(r)
    .onConflict((oc) =>
      oc.columns(['group_id', 'channel', 'month']).doUpdateSet({
        orders: r.orders,
        revenue_satang: r.revenue_satang,
        returns: r.returns,
        source: r.source,
        recorded_by: r.recorded_by,
        updated_at: new Date(),
      }),
    )
    .execute();
/** Inserts the orders not seen before (same channel, group and reference); returns those inserted. */
export const insertOrders = (
  trx: Transaction<DB>,
  rows: { group_id: number; channel: string; order_ref: string; ordered_on: string; amount_satang: number; returned: boolean }[],
) =>
  rows.length === 0
    ? Promise.resolve([])
    : trx
        .insertInto('sales_order')
        .values(rows)
        .onConflict((oc) => oc.columns(['channel', 'group_id', 'order_ref']).doNothing())
        .returning(['order_ref', 'ordered_on'])
        .execute();
/** A month's imported orders summed (orders, revenue of orders kept, returns). */
export const orderTotals = (trx: Executor, groupId: number, channel: string, month: string, nextMonth: string) =>
  trx
    .selectFrom('sales_order')
    .select((eb) => [
      eb.fn.countAll<number>().as('orders'),
      sql<number>`coalesce(sum(amount_satang) filter (where not returned), 0)`.as('revenue'),
      sql<number>`count(*) filter (where returned)`.as('returns'),
    ])
    .where('group_id', '=', groupId)
    .where('channel', '=', channel)
    .where('ordered_on', '>=', month)
    .where('ordered_on', '<', nextMonth)
    .executeTakeFirstOrThrow();
export const existingOrderRefs = async (db: Executor, groupId: number, channel: string, refs: readonly string[]) =>
  refs.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('sales_order')
            .select('order_ref')
            .where('group_id', '=', groupId)
            .where('channel', '=', channel)
            .where('order_ref', 'in', [...refs])
            .execute()
        ).map((r) => r.order_ref),
      );

/** Sales per province, channel and month between two months (inclusive start, exclusive end), in these provinces. */
export const salesTotals = (db: Executor, f: { from: string; to: string; provinces: readonly string[] | null }) =>
  f.provinces?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('sales_report')
        .select((eb) => [
          'province_code',
          'channel',
          'month',
          eb.fn.sum<number>('orders').as('orders'),
          eb.fn.sum<number>('revenue_satang').as('revenue_satang'),
          eb.fn.sum<number>('returns').as('returns'),
          eb.fn.count<number>('group_id').distinct().as('groups'),
        ])
        .where('month', '>=', f.from)
        .where('month', '<', f.to)
        .$if(f.provinces !== null, (q) => q.where('province_code', 'in', [...f.provinces!]))
        .groupBy(['province_code', 'channel', 'month'])
        .orderBy('month')
        .orderBy('province_code')
        .orderBy('channel')
        .execute();

/** The latest month with an order per group and channel. */
export const lastSaleMonths = (db: Executor, groupIds: readonly number[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('sales_report')
        .select((eb) => ['group_id', 'channel', eb.fn.max('month').as('month')])
        .where('group_id', 'in', [...groupIds])
        .where('orders', '>', 0)
        .groupBy(['group_id', 'channel'])
        .execute();

// ------------------------------------------------------------------ the daily sweep

/** Takes today's sweep; false when another process already has. */
export const claimSweep = async (trx: Transaction<DB>, day: string) =>
  (
    await trx
      .insertInto('marketplace_sweep')
      .values({ day })
      .onConflict((oc) => oc.column('day').doNothing())
      .returning('day')
      .execute()
  ).length > 0;
export const recordSweep = (trx: Transaction<DB>, day: string, unlisted: number) =>
  trx.updateTable('marketplace_sweep').set({ unlisted, ran_at: new Date() }).where('day', '=', day).execute();
