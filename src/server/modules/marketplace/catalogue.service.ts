import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { feedErrors, googleXml, lazadaPayload, metaCsv, type FeedFormat, type FeedItem } from './feeds';
import type { MarketplaceAccess } from './marketplace.access';
import { presentPhotos, type PhotoRow } from './marketplace.present';
import * as repository from './marketplace.repository';
import { CHANNEL_NAMES, MARK_NAMES, catalogueSearch, lapsedMarks, plainBaht, type Channel } from './marketplace.rules';
import { productPageHtml, sitemapXml } from './pages';

export interface CatalogueQuery {
  q?: string;
  province?: string;
  category?: string;
  mark?: string;
  limit: number;
  offset: number;
}

/**
 * The public catalogue: approved listings whose claimed marks still stand, with the group's name
 * and province and how to buy. No person is named: the contact is the group's (phone, LINE) as
 * the group gave it on the listing, never a member's record.
 */
export function createCatalogueService(access: MarketplaceAccess) {
  const { db, geo, registry, enterprise, publicUrl, guardGroup, pages } = access;

  /** Public items for listing rows: the lapsed are left out (the daily sweep unlists them). */
  const items = async (rows: repository.ListingRow[]) => {
    if (rows.length === 0) return [];
    const [facts, groups, photos, accounts, provinceRows] = await Promise.all([
      enterprise.productFacts(rows.map((r) => r.product_id)),
      registry.groupPlaces([...new Set(rows.map((r) => r.group_id))]),
      repository.photosOf(
        db,
        rows.map((r) => r.id),
      ) as Promise<PhotoRow[]>,
      repository.accountsOfGroups(db, [...new Set(rows.map((r) => r.group_id))]),
      geo.provincesByCode([...new Set(rows.map((r) => r.province_code))]),
    ]);
    const provinces = new Map(provinceRows.map((p) => [p.code, p]));
    return rows.flatMap((r) => {
      const product = facts.get(r.product_id);
      const group = groups.get(r.group_id);
      if (!product || !group || lapsedMarks(r.required_marks, product.marks).length > 0) return [];
      const province = provinces.get(r.province_code);
      const shops = accounts
        .filter((a) => a.group_id === r.group_id && a.shop_opened_on !== null && a.shop_url)
        .map((a) => ({
          channel: a.channel as Channel,
          nameTh: CHANNEL_NAMES[a.channel as Channel].th,
          nameEn: CHANNEL_NAMES[a.channel as Channel].en,
          url: a.shop_url!,
        }));
      return [
        {
          id: r.id,
          titleTh: r.title_th,
          titleEn: r.title_en,
          descriptionTh: r.description_th,
          descriptionEn: r.description_en,
          priceSatang: r.price_satang,
          category: r.category,
          group: { id: group.id, name: group.name },
          province: { code: r.province_code, nameTh: province?.nameTh ?? r.province_code, nameEn: province?.nameEn ?? r.province_code },
          marks: product.certificates.map((c) => ({
            kind: c.kind,
            nameTh: MARK_NAMES[c.kind]?.th ?? c.kind,
            nameEn: MARK_NAMES[c.kind]?.en ?? c.kind,
            number: c.number,
            validUntil: c.expiresOn,
          })),
          howToBuy: { shops, lineId: r.line_id, phone: r.contact_phone },
          photos: presentPhotos(photos.filter((p) => p.listing_id === r.id)),
          url: `${publicUrl}/shop/products/${r.id}`,
          stock: r.stock,
          packageWeightGrams: r.package_weight_grams,
          packageCm: r.package_cm,
          updatedAt: new Date(r.updated_at).toISOString(),
        },
      ];
    });
  };
  type Item = Awaited<ReturnType<typeof items>>[number];

  const requirePublic = async (id: number) => {
    const row = await repository.findListing(db, id);
    const [item] = row && row.status === 'approved' ? await items([row]) : [];
    // A listing not (or no longer) in the catalogue answers as one that never was.
    if (!item) throw problems.notFound({ en: `No product ${id} in the catalogue.`, th: `ไม่พบสินค้ารหัส ${id} ในแคตตาล็อก` });
    return item;
  };

  const largest = (i: Item) => i.photos[0]?.sizes.at(-1);
  /** Open Graph tags and the schema.org `Product` with its `Offer`, for link cards and search engines. */
  const metadata = (i: Item) => {
    const image = largest(i);
    const imageUrl = image ? `${publicUrl}${image.url}` : null;
    return {
      openGraph: {
        'og:type': 'product',
        'og:title': i.titleTh,
        'og:description': i.descriptionTh.slice(0, 200),
        'og:url': i.url,
        'og:locale': 'th_TH',
        'og:site_name': 'Archeep ตลาดสินค้าชุมชน',
        ...(image && { 'og:image': imageUrl!, 'og:image:width': String(image.width), 'og:image:height': String(image.height) }),
        'product:price:amount': plainBaht(i.priceSatang),
        'product:price:currency': 'THB',
      } as Record<string, string>,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: i.titleTh,
        ...(i.titleEn && { alternateName: i.titleEn }),
        description: i.descriptionTh,
        sku: `ARCHEEP-${i.id}`,
        ...(imageUrl && { image: [imageUrl] }),
        brand: { '@type': 'Brand', name: i.group.name },
        ...(i.marks.length && {
          hasCertification: i.marks.map((m) => ({ '@type': 'Certification', name: m.nameTh, ...(m.validUntil && { expires: m.validUntil }) })),
        }),
        offers: {
          '@type': 'Offer',
          url: i.url,
          price: plainBaht(i.priceSatang),
          priceCurrency: 'THB',
          availability: i.stock === 0 ? 'https://schema.org/OutOfStock' : 'https://schema.org/InStock',
          seller: {
            '@type': 'Organization',
            name: i.group.name,
            address: { '@type': 'PostalAddress', addressRegion: i.province.nameTh, addressCountry: 'TH' },
          },
        },
      },
    };
  };

  const toFeedItem = (i: Item): FeedItem => ({
    listingId: i.id,
    sku: `ARCHEEP-${i.id}`,
    titleTh: i.titleTh,
    titleEn: i.titleEn,
    descriptionTh: i.descriptionTh,
    priceSatang: i.priceSatang,
    stock: i.stock,
    category: i.category,
    groupName: i.group.name,
    provinceNameEn: i.province.nameEn,
    url: i.url,
    imageUrls: i.photos.map((p) => `${publicUrl}${p.sizes.at(-1)?.url ?? ''}`).filter((u) => u !== publicUrl),
    packageWeightGrams: i.packageWeightGrams,
    packageCm: i.packageCm,
  });

  return {
    async catalogue(query: CatalogueQuery) {
      const { rows, total, totalIsCapped } = await repository.catalogue(db, {
        search: catalogueSearch(query.q ?? ''),
        province: query.province ?? null,
        category: query.category ?? null,
        mark: query.mark ?? null,
        limit: query.limit,
        offset: query.offset,
      });
      const found = await items(rows);
      return { total, totalIsCapped, items: query.mark ? found.filter((i) => i.marks.some((m) => m.kind === query.mark)) : found };
    },
    async catalogueItem(id: number) {
      const item = await requirePublic(id);
      return { ...item, ...metadata(item) };
    },
    /** The product page's HTML, served again from `pages` until something it shows changes (page-cache.ts). */
    async productPage(id: number) {
      return pages.page(id, async () => {
        const item = await requirePublic(id);
        const expiries = item.marks.flatMap((m) => (m.validUntil ? [Date.parse(`${m.validUntil}T00:00:00+07:00`)] : []));
        return { html: productPageHtml(item, metadata(item), publicUrl), groupId: item.group.id, lapsesAt: expiries.length ? Math.min(...expiries) : null };
      });
    },
    async sitemap() {
      return sitemapXml(publicUrl, await repository.sitemapEntries(db));
    },
    /** A photo's bytes at the stored width nearest `width`: public while its listing is approved, else its group's readers. */
    async photo(ctx: ActorContext | null, id: string, width: number) {
      const size = await repository.photoSize(db, id, width);
      if (!size) throw problems.notFound({ en: `No photo has id ${id}.`, th: `ไม่พบรูปภาพรหัส ${id}` });
      const isPublic = size.status === 'approved';
      if (!isPublic) {
        if (!ctx) throw problems.notFound({ en: `No photo has id ${id}.`, th: `ไม่พบรูปภาพรหัส ${id}` });
        await guardGroup(ctx, size.group_id, 'read', { en: 'see this group’s photos', th: 'ดูรูปภาพของกลุ่มนี้' });
      }
      return { contentType: size.content_type, data: Buffer.from(size.data), isPublic, width: size.width };
    },

    /**
     * A group's approved listings as a channel's feed: each product checked first; those with
     * errors are left out of the document and listed with their errors.
     */
    async feed(ctx: ActorContext, groupId: number, format: FeedFormat) {
      const { group } = await guardGroup(ctx, groupId, 'read', { en: 'export this group’s product feeds', th: 'ส่งออกข้อมูลสินค้าของกลุ่มนี้' });
      const rows = (await repository.listingsOfGroup(db, groupId)).filter((r) => r.status === 'approved');
      const all = (await items(rows)).map(toFeedItem);
      const checked = all.map((i) => ({ item: i, errors: feedErrors(i, format) }));
      const valid = checked.filter((c) => c.errors.length === 0).map((c) => c.item);
      const products = checked.map((c) => ({
        listingId: c.item.listingId,
        sku: c.item.sku,
        valid: c.errors.length === 0,
        errors: c.errors.map((e) => ({ field: e.field, code: e.code, en: e.en, th: e.th })),
        ...(format === 'lazada' && c.errors.length === 0 && { payload: lazadaPayload(c.item) }),
      }));
      const document =
        format === 'meta'
          ? { contentType: 'text/csv; charset=utf-8', fileName: `meta-catalogue-${groupId}.csv`, text: metaCsv(valid) }
          : format === 'google'
            ? {
                contentType: 'application/xml',
                fileName: `google-merchant-${groupId}.xml`,
                text: googleXml(valid, { title: group.name, link: `${publicUrl}/shop` }),
              }
            : null;
      return { format, groupId, total: all.length, valid: valid.length, products, document };
    },
  };
}
