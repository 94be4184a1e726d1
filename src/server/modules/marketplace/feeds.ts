import { csvCell } from '../../platform/files/csv';
import { feedPrice, plainBaht, type Reason } from './marketplace.rules';

/**
 * The documents channels take, built from a group's approved listings, each product checked
 * first: a product with an error is left out of the document and its errors are listed.
 * Nothing here calls a network; the caller hands the documents over.
 */

/** What a feed needs of a listing (the catalogue's public view of it). */
export interface FeedItem {
  listingId: number;
  sku: string;
  titleTh: string;
  titleEn: string | null;
  descriptionTh: string;
  priceSatang: number;
  stock: number | null;
  category: string;
  groupName: string;
  provinceNameEn: string;
  url: string;
  imageUrls: string[];
  packageWeightGrams: number | null;
  packageCm: number[] | null;
}

export const FEED_FORMATS = ['lazada', 'meta', 'google'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/**
 * Our categories mapped to a Lazada primary category id. The ids are *assumed* (Lazada Thailand's
 * category tree is fetched per seller through `/category/tree/get`, which we do not call): an
 * advisor checks them before the first upload.
 */
export const LAZADA_CATEGORY: Record<string, number> = {
  food: 10000377,
  drink: 10000381,
  cloth: 10000512,
  crafts: 10000666,
  herbal: 10000211,
  other: 10000666,
};
/** Google's product taxonomy ids for our categories. */
export const GOOGLE_CATEGORY: Record<string, number> = { food: 422, drink: 413, cloth: 1604, crafts: 505370, herbal: 2915, other: 5605 };

const reason = (code: string, en: string, th: string): Reason => ({ code, en, th });

/** Why an item cannot go into a format's document (each names the field). */
export function feedErrors(item: FeedItem, format: FeedFormat): (Reason & { field: string })[] {
  const errors: (Reason & { field: string })[] = [];
  const add = (field: string, r: Reason) => errors.push({ ...r, field });
  const titleMax = { lazada: 255, meta: 200, google: 150 }[format];
  if ([...item.titleTh].length > titleMax)
    add('titleTh', reason('title-too-long', `The title is longer than ${titleMax} characters.`, `ชื่อสินค้ายาวเกิน ${titleMax} ตัวอักษร`));
  if (!item.descriptionTh.trim()) add('descriptionTh', reason('no-description', 'A description is required.', 'ต้องมีคำอธิบายสินค้า'));
  if (item.imageUrls.length === 0) add('photos', reason('no-image', 'At least one photo is required.', 'ต้องมีรูปภาพอย่างน้อยหนึ่งรูป'));
  if (item.priceSatang <= 0) add('priceSatang', reason('no-price', 'The price must be above zero.', 'ราคาต้องมากกว่าศูนย์'));
  if (format === 'lazada') {
    if (item.stock === null) add('stock', reason('no-stock', 'Lazada needs the quantity in stock.', 'ลาซาด้าต้องการจำนวนสินค้าในคลัง'));
    if (item.packageWeightGrams === null) add('packageWeightGrams', reason('no-weight', 'Lazada needs the package weight.', 'ลาซาด้าต้องการน้ำหนักพัสดุ'));
    if (item.packageCm === null)
      add('packageCm', reason('no-dimensions', 'Lazada needs the package’s length, width and height.', 'ลาซาด้าต้องการขนาดพัสดุ (ยาว กว้าง สูง)'));
    if (!(item.category in LAZADA_CATEGORY))
      add('category', reason('no-category', `No Lazada category for “${item.category}”.`, `ไม่มีหมวดหมู่ลาซาด้าสำหรับ “${item.category}”`));
    if (item.imageUrls.length > 8) add('photos', reason('too-many-images', 'Lazada takes at most 8 images.', 'ลาซาด้ารับรูปได้ไม่เกิน 8 รูป'));
  }
  if (format === 'google' && item.stock === 0) add('stock', reason('out-of-stock', 'Nothing in stock to advertise.', 'ไม่มีสินค้าในคลัง'));
  return errors;
}

/** Lazada Open Platform `/product/create`: the request's `payload` document for one item. */
export function lazadaPayload(item: FeedItem) {
  const [length, width, height] = item.packageCm ?? [0, 0, 0];
  return {
    Request: {
      Product: {
        PrimaryCategory: String(LAZADA_CATEGORY[item.category] ?? ''),
        Images: { Image: item.imageUrls.slice(0, 8) },
        Attributes: {
          name: item.titleTh,
          description: item.descriptionTh,
          brand: 'No Brand',
          name_en: item.titleEn ?? undefined,
        },
        Skus: {
          Sku: [
            {
              SellerSku: item.sku,
              quantity: String(item.stock ?? 0),
              price: plainBaht(item.priceSatang),
              package_weight: ((item.packageWeightGrams ?? 0) / 1000).toFixed(3),
              package_length: String(length),
              package_width: String(width),
              package_height: String(height),
              Images: { Image: item.imageUrls.slice(0, 8) },
            },
          ],
        },
      },
    },
  };
}

/** Meta (Facebook/Instagram) catalogue CSV: its required columns, UTF-8 with a BOM. */
export function metaCsv(items: readonly FeedItem[]): string {
  const header = ['id', 'title', 'description', 'availability', 'condition', 'price', 'link', 'image_link', 'brand'];
  const rows = items.map((i) => [
    i.sku,
    i.titleTh,
    i.descriptionTh,
    i.stock === 0 ? 'out of stock' : 'in stock',
    'new',
    feedPrice(i.priceSatang),
    i.url,
    i.imageUrls[0] ?? '',
    i.groupName,
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Google Merchant Center feed: RSS 2.0 with the `g:` namespace. */
export function googleXml(items: readonly FeedItem[], channel: { title: string; link: string }): string {
  const entries = items.map((i) =>
    [
      '<item>',
      `<g:id>${xml(i.sku)}</g:id>`,
      `<g:title>${xml(i.titleTh)}</g:title>`,
      `<g:description>${xml(i.descriptionTh)}</g:description>`,
      `<g:link>${xml(i.url)}</g:link>`,
      `<g:image_link>${xml(i.imageUrls[0] ?? '')}</g:image_link>`,
      ...i.imageUrls.slice(1, 11).map((u) => `<g:additional_image_link>${xml(u)}</g:additional_image_link>`),
      `<g:availability>${i.stock === 0 ? 'out_of_stock' : 'in_stock'}</g:availability>`,
      `<g:price>${feedPrice(i.priceSatang)}</g:price>`,
      `<g:condition>new</g:condition>`,
      `<g:brand>${xml(i.groupName)}</g:brand>`,
      `<g:identifier_exists>no</g:identifier_exists>`,
      `<g:google_product_category>${GOOGLE_CATEGORY[i.category] ?? GOOGLE_CATEGORY.other}</g:google_product_category>`,
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>${xml(channel.title)}</title><link>${xml(channel.link)}</link>${entries.join('\n')}</channel></rss>\n`;
}
