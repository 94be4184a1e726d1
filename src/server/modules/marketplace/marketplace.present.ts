import type { ListingRow } from './marketplace.repository';
import type { ListingStatus } from './marketplace.rules';

/** A photo row with one of its sizes (a left join: one row per size). */
export interface PhotoRow {
  id: string;
  listing_id: number;
  position: number;
  width: number | null;
  height: number | null;
}

/** The API's path of a photo at a width (public while its listing is approved). */
export const photoPath = (id: string, width: number) => `/api/marketplace/photos/${id}/${width}`;

/** Each photo once, with its widths in order. */
export function presentPhotos(rows: readonly PhotoRow[]) {
  const byId = new Map<string, { id: string; position: number; sizes: { width: number; height: number; url: string }[] }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, position: r.position, sizes: [] };
    if (r.width !== null && r.height !== null) p.sizes.push({ width: r.width, height: r.height, url: photoPath(r.id, r.width) });
    byId.set(r.id, p);
  }
  return [...byId.values()].sort((a, b) => a.position - b.position);
}

/** A listing as its group and the officers see it (the public sees `presentCatalogueItem`). */
export const presentListing = (l: ListingRow, photos: readonly PhotoRow[]) => ({
  id: l.id,
  productId: l.product_id,
  groupId: l.group_id,
  provinceCode: l.province_code,
  status: l.status as ListingStatus,
  titleTh: l.title_th,
  titleEn: l.title_en,
  descriptionTh: l.description_th,
  descriptionEn: l.description_en,
  priceSatang: l.price_satang,
  category: l.category,
  requiredMarks: l.required_marks,
  stock: l.stock,
  packageWeightGrams: l.package_weight_grams,
  packageCm: l.package_cm,
  contactPhone: l.contact_phone,
  lineId: l.line_id,
  returnReasons: (l.return_reasons ?? []) as { code: string; note: string }[],
  unlistedReason: l.unlisted_reason,
  proposedAt: new Date(l.proposed_at).toISOString(),
  decidedAt: l.decided_at ? new Date(l.decided_at).toISOString() : null,
  approvedAt: l.approved_at ? new Date(l.approved_at).toISOString() : null,
  version: l.version,
  photos: presentPhotos(photos),
});
