interface Named {
  code: string;
  nameTh: string;
  nameEn: string;
}
interface Province extends Named {
  regionCode: string;
}

/**
 * An area of work in words: "the whole country" when the provinces are all of them (a
 * headquarters unit lists all 77), a region's name where they cover it whole, and the other
 * provinces by name. Null codes mean nationwide; an empty list means no area (null is returned).
 */
export function describeArea(
  codes: readonly string[] | null,
  reference: { provinces: readonly Province[]; regions: readonly Named[] },
  language: string,
  nationwide: string,
): string | null {
  if (codes === null) return nationwide;
  if (codes.length === 0) return null;
  const name = (n: Named) => (language === 'en' ? n.nameEn : n.nameTh) || n.code;
  const held = new Set(codes);
  const { provinces, regions } = reference;
  if (provinces.length > 0 && provinces.every((p) => held.has(p.code))) return nationwide;
  const parts: string[] = [];
  const named = new Set<string>();
  for (const region of regions) {
    const inRegion = provinces.filter((p) => p.regionCode === region.code);
    if (inRegion.length > 1 && inRegion.every((p) => held.has(p.code))) {
      parts.push(name(region));
      inRegion.forEach((p) => named.add(p.code));
    }
  }
  for (const code of codes) {
    if (named.has(code)) continue;
    const province = provinces.find((p) => p.code === code);
    parts.push(province ? name(province) : code);
  }
  return parts.join(', ');
}
