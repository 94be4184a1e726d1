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
