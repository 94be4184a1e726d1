/**
 * The public product page as HTML made on the server: readable on a phone on 3G before any
 * script (it has none), with the Open Graph tags LINE and Facebook read for a link's card and
 * the schema.org JSON-LD search engines read. Images are lazy and offered at each stored width.
 */

const html = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
/** JSON inside a <script> element: `<` escaped so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const baht = (satang: number) =>
  `${new Intl.NumberFormat('th-TH').format(Math.floor(satang / 100))}${satang % 100 ? `.${String(satang % 100).padStart(2, '0')}` : ''} บาท`;

interface PageItem {
  id: number;
  titleTh: string;
  titleEn: string | null;
  descriptionTh: string;
  descriptionEn: string | null;
  priceSatang: number;
  group: { name: string };
  province: { nameTh: string };
  marks: { nameTh: string; number: string | null; validUntil: string | null }[];
  howToBuy: { shops: { nameTh: string; url: string }[]; lineId: string | null; phone: string | null };
  photos: { sizes: { width: number; height: number; url: string }[] }[];
  url: string;
}

/** The Content-Security-Policy of the page: no script runs, styles are the page's own. */
export const PAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function productPageHtml(item: PageItem, meta: { openGraph: Record<string, string>; jsonLd: unknown }, publicUrl: string): string {
  const og = Object.entries(meta.openGraph)
    .map(([k, v]) => `<meta property="${html(k)}" content="${html(v)}">`)
    .join('\n');
  const photos = item.photos
    .map((p, i) => {
      const smallest = p.sizes[0];
      if (!smallest) return '';
      const srcset = p.sizes.map((s) => `${html(s.url)} ${s.width}w`).join(', ');
      return `<img src="${html(smallest.url)}" srcset="${srcset}" sizes="(max-width: 640px) 100vw, 640px" width="${smallest.width}" height="${smallest.height}" alt="${html(item.titleTh)} รูปที่ ${i + 1}"${i > 0 ? ' loading="lazy"' : ''} decoding="async">`;
    })
    .join('\n');
  const marks = item.marks.length
    ? `<ul class="marks">${item.marks.map((m) => `<li>${html(m.nameTh)}${m.number ? ` ${html(m.number)}` : ''}${m.validUntil ? ` (ถึง ${html(m.validUntil)})` : ''}</li>`).join('')}</ul>`
    : '';
  const buy = [
    ...item.howToBuy.shops.map((s) => `<li><a href="${html(s.url)}" rel="nofollow noopener">${html(s.nameTh)}</a></li>`),
    item.howToBuy.lineId ? `<li>LINE: ${html(item.howToBuy.lineId)}</li>` : '',
    item.howToBuy.phone ? `<li>โทร <a href="tel:${html(item.howToBuy.phone)}">${html(item.howToBuy.phone)}</a></li>` : '',
  ].join('');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(item.titleTh)} · ${html(item.group.name)}</title>
<meta name="description" content="${html(item.descriptionTh.slice(0, 160))}">
<link rel="canonical" href="${html(item.url)}">
${og}
<script type="application/ld+json">${scriptJson(meta.jsonLd)}</script>
<style>
body{font-family:Sarabun,system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;line-height:1.6;color:#1a1b1e}
img{max-width:100%;height:auto;display:block;margin:0 0 .5rem}
.price{font-size:1.5rem;font-weight:700}
a{color:#1c5fb8}
</style>
</head>
<body>
<main>
<h1>${html(item.titleTh)}</h1>
${item.titleEn ? `<p lang="en">${html(item.titleEn)}</p>` : ''}
${photos}
<p class="price">${baht(item.priceSatang)}</p>
<p>${html(item.group.name)} · จังหวัด${html(item.province.nameTh)}</p>
${marks}
<p>${html(item.descriptionTh)}</p>
${item.descriptionEn ? `<p lang="en">${html(item.descriptionEn)}</p>` : ''}
${buy ? `<h2>ช่องทางการซื้อ</h2><ul>${buy}</ul>` : ''}
<p><a href="${html(publicUrl)}/shop">สินค้าชุมชนอื่น ๆ</a></p>
</main>
</body>
</html>
`;
}

/** The sitemap of the catalogue's product pages. */
export function sitemapXml(publicUrl: string, entries: readonly { id: number; updated_at: Date | string }[]): string {
  const urls = entries.map(
    (e) => `<url><loc>${html(`${publicUrl}/shop/products/${e.id}`)}</loc><lastmod>${new Date(e.updated_at).toISOString().slice(0, 10)}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

type ShopLanguage = 'th' | 'en';
interface ShopItem extends Omit<PageItem, 'province' | 'howToBuy' | 'marks'> {
  province: { nameTh: string; nameEn: string };
  marks: { kind: string; nameTh: string; nameEn: string }[];
}
export interface ShopFilters {
  q?: string;
  province?: string;
  category?: string;
  mark?: string;
  page: number;
  lang: ShopLanguage;
}
interface ShopChoices {
  provinces: { code: string; nameTh: string; nameEn: string }[];
  categories: Record<string, { th: string; en: string }>;
  marks: Record<string, { th: string; en: string }>;
}

/** The catalogue page's policy: the product page's, and its one form may send (GET) to this server. */
export const SHOP_POLICY = PAGE_POLICY.replace("form-action 'none'", "form-action 'self'");
export const SHOP_PAGE_SIZE = 24;

const SHOP_WORDS = {
  th: {
    title: 'สินค้าชุมชน',
    intro: 'สินค้าจากกลุ่มอาชีพที่เจ้าหน้าที่ตรวจแล้ว เครื่องหมายรับรองแสดงเฉพาะที่ยังไม่หมดอายุ',
    search: 'ค้นหาสินค้า (พิมพ์ส่วนหนึ่งของชื่อก็ได้)',
    province: 'จังหวัด',
    category: 'ประเภท',
    mark: 'เครื่องหมายรับรอง',
    all: 'ทั้งหมด',
    submit: 'ค้นหา',
    found: (n: number) => `พบ ${n} รายการ`,
    foundMore: (n: number) => `พบมากกว่า ${n.toLocaleString('th-TH')} รายการ`,
    none: 'ไม่พบสินค้าที่ตรงกับการค้นหา',
    previous: 'หน้าก่อน',
    next: 'หน้าถัดไป',
    pages: 'หน้าผลการค้นหา',
    other: 'English',
    province_of: (name: string) => `จังหวัด${name}`,
    photo: (title: string) => `รูป${title}`,
  },
  en: {
    title: 'Community products',
    intro: 'Products of occupation groups, checked by an officer; certification marks are shown only while valid',
    search: 'Search products (any part of a name)',
    province: 'Province',
    category: 'Category',
    mark: 'Certification mark',
    all: 'All',
    submit: 'Search',
    found: (n: number) => `${n} ${n === 1 ? 'product' : 'products'} found`,
    foundMore: (n: number) => `More than ${n.toLocaleString('en-US')} products found`,
    none: 'No product matches the search',
    previous: 'Previous page',
    next: 'Next page',
    pages: 'Result pages',
    other: 'ภาษาไทย',
    province_of: (name: string) => `${name} province`,
    photo: (title: string) => `Photo of ${title}`,
  },
} as const;

const money = (satang: number, lang: ShopLanguage) =>
  lang === 'th' ? baht(satang) : `${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'THB' }).format(satang / 100)}`;

/** The catalogue's address with some filters changed: links keep the reader's search. */
const shopHref = (f: ShopFilters, change: Partial<ShopFilters>) => {
  const next = { ...f, ...change };
  const params = new URLSearchParams();
  for (const key of ['q', 'province', 'category', 'mark'] as const) if (next[key]) params.set(key, next[key]);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.lang === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/shop${query ? `?${query}` : ''}`;
};

/**
 * The public catalogue as HTML made on the server, like the product page (no script, one GET
 * form): search by any part of a word, filters by province, category and mark, cards with a lazy
 * photo offered at each stored width, the price, the group, its province and marks.
 */
export function shopPageHtml(result: { total: number; totalIsCapped?: boolean; items: ShopItem[] }, f: ShopFilters, choices: ShopChoices): string {
  const w = SHOP_WORDS[f.lang];
  const en = f.lang === 'en';
  const option = (value: string, label: string, selected: string | undefined) =>
    `<option value="${html(value)}"${value === (selected ?? '') ? ' selected' : ''}>${html(label)}</option>`;
  const select = (name: 'province' | 'category' | 'mark', label: string, options: [string, string][]) =>
    `<p><label for="${name}">${html(label)}</label><select id="${name}" name="${name}">${option('', w.all, f[name])}${options
      .map(([v, l]) => option(v, l, f[name]))
      .join('')}</select></p>`;
  const cards = result.items
    .map((item) => {
      const title = (en && item.titleEn) || item.titleTh;
      const sizes = item.photos[0]?.sizes ?? [];
      const smallest = sizes[0];
      const photo = smallest
        ? `<img src="${html(smallest.url)}" srcset="${sizes.map((s) => `${html(s.url)} ${s.width}w`).join(', ')}" sizes="(max-width: 40rem) 100vw, 20rem" width="${smallest.width}" height="${smallest.height}" alt="${html(w.photo(title))}" loading="lazy" decoding="async">`
        : '';
      const marks = item.marks.length ? `<ul class="marks">${item.marks.map((m) => `<li>${html(en ? m.nameEn : m.nameTh)}</li>`).join('')}</ul>` : '';
      return `<li class="card">${photo}<h2><a href="/shop/products/${item.id}">${html(title)}</a></h2>
<p class="price">${html(money(item.priceSatang, f.lang))}</p>
<p>${html(item.group.name)} · ${html(w.province_of(en ? item.province.nameEn : item.province.nameTh))}</p>${marks}</li>`;
    })
    .join('\n');
  // A capped count ("more than 1,000") still offers the next page while this one is full.
  const pages = result.totalIsCapped && result.items.length === SHOP_PAGE_SIZE ? f.page + 1 : Math.ceil(result.total / SHOP_PAGE_SIZE);
  const paging =
    pages > 1
      ? `<nav aria-label="${html(w.pages)}"><p>${f.page > 1 ? `<a href="${html(shopHref(f, { page: f.page - 1 }))}">${w.previous}</a> ` : ''}${
          f.page < pages ? `<a href="${html(shopHref(f, { page: f.page + 1 }))}">${w.next}</a>` : ''
        }</p></nav>`
      : '';
  return `<!doctype html>
<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(f.q ? `${f.q} · ${w.title}` : w.title)}</title>
<meta name="description" content="${html(w.intro)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${html(w.title)}">
<style>
body{font-family:Sarabun,system-ui,sans-serif;margin:0 auto;max-width:64rem;padding:1rem;line-height:1.6;color:#1a1b1e;overflow-wrap:anywhere}
form{display:grid;gap:.25rem .75rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));align-items:end;margin:0 0 1rem}
form p{margin:0}
label{display:block;font-weight:600}
input,select,button{font:inherit;width:100%;box-sizing:border-box;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #495057;border-radius:4px;background:#fff;color:#1a1b1e}
button{background:#1c5fb8;color:#fff;border-color:#1c5fb8;font-weight:600}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.card{border:1px solid #ced4da;border-radius:6px;padding:.75rem}
.card h2{font-size:1.1rem;margin:.25rem 0}
.card p{margin:.25rem 0}
img{max-width:100%;height:auto;display:block;border-radius:4px}
.price{font-size:1.25rem;font-weight:700}
.marks{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem}
.marks li{border:1px solid #2b8a3e;color:#1b5e2b;border-radius:999px;padding:0 .5rem;font-size:.9rem}
a{color:#1c5fb8}
</style>
</head>
<body>
<header><p><a href="${html(shopHref(f, { lang: en ? 'th' : 'en', page: 1 }))}" lang="${en ? 'th' : 'en'}">${w.other}</a></p></header>
<main>
<h1>${w.title}</h1>
<p>${html(w.intro)}</p>
<form method="get" action="/shop" role="search">
<p><label for="q">${html(w.search)}</label><input id="q" name="q" type="search" value="${html(f.q ?? '')}" maxlength="100"></p>
${select(
  'province',
  w.province,
  choices.provinces.map((p) => [p.code, en ? p.nameEn : p.nameTh]),
)}
${select(
  'category',
  w.category,
  Object.entries(choices.categories).map(([k, v]) => [k, v[f.lang]]),
)}
${select(
  'mark',
  w.mark,
  Object.entries(choices.marks).map(([k, v]) => [k, v[f.lang]]),
)}
${en ? '<input type="hidden" name="lang" value="en">' : ''}
<p><button type="submit">${w.submit}</button></p>
</form>
<p id="found">${result.total ? (result.totalIsCapped ? w.foundMore(result.total) : w.found(result.total)) : w.none}</p>
${result.items.length ? `<ul class="cards" aria-labelledby="found">\n${cards}\n</ul>` : ''}
${paging}
</main>
</body>
</html>
`;
}
