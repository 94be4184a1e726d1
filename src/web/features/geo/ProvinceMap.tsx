import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvinceShapes } from '../../reference';

type Ring = [number, number][];
interface Feature {
  properties: { ADM1_PCODE: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Five shades from light to dark indigo, all distinguishable from the map's white background. */
const SHADES = ['#dbe4ff', '#bac8ff', '#91a7ff', '#5c7cfa', '#364fc7'];

/** A province's fill for a count against the largest: grey for none, then five shades by square root (a few large provinces do not wash out the rest). */
export const shadeFor = (n: number, max: number) =>
  n <= 0 ? '#f1f3f5' : SHADES[Math.min(SHADES.length - 1, Math.floor((Math.sqrt(n) / Math.sqrt(Math.max(1, max))) * SHADES.length))]!;

/** Equirectangular projection scaled by cos(latitude) around Thailand's middle: plain SVG, no map library. */
const LAT_SCALE = 1;
const LON_SCALE = Math.cos((13 * Math.PI) / 180);

function pathOf(feature: Feature): string {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return polygons
    .map((rings) =>
      rings
        .map((ring) => {
          // Every few points is plenty at this size and keeps the page light.
          const step = Math.max(1, Math.floor(ring.length / 120));
          const points = ring.filter((_, i) => i % step === 0 || i === ring.length - 1);
          return `M${points.map(([lon, lat]) => `${(lon * LON_SCALE).toFixed(3)},${(-lat * LAT_SCALE).toFixed(3)}`).join('L')}Z`;
        })
        .join(''),
    )
    .join('');
}

/**
 * Thailand's provinces; `highlight` are drawn darker (the reader's area). Clicking a province
 * calls `onSelect`; the list beside the map remains the way to reach every province by keyboard.
 */
export function ProvinceMap({
  highlight,
  selected,
  onSelect,
  names,
  fillOf,
  label,
}: {
  highlight: string[];
  selected?: string;
  onSelect: (code: string) => void;
  names: Map<string, string>;
  fillOf?: (code: string) => string;
  label?: string;
}) {
  const { t } = useTranslation(['geo', 'common']);
  const { data } = useProvinceShapes<Feature>();
  const shapes = useMemo(() => (data?.features ?? []).map((f) => ({ code: f.properties.ADM1_PCODE.replace(/^TH/, ''), d: pathOf(f) })), [data]);
  if (!data) return null;
  // Thailand spans about 97.3–105.7°E and 5.6–20.5°N.
  const viewBox = `${(97.2 * LON_SCALE).toFixed(2)} ${-20.6} ${((105.8 - 97.2) * LON_SCALE).toFixed(2)} ${20.6 - 5.5}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="province-map" viewBox={viewBox} role="img" aria-label={label ?? t('map')} style={{ width: '100%', maxHeight: 520 }}>
        {shapes.map((s) => (
          <path
            key={s.code}
            d={s.d}
            fill={s.code === selected ? '#1864ab' : fillOf ? fillOf(s.code) : highlight.includes(s.code) ? '#364fc7' : '#a5b4fc'}
            onClick={() => onSelect(s.code)}
          >
            <title>{names.get(s.code) ?? s.code}</title>
          </path>
        ))}
      </svg>
      <Text component="figcaption" size="xs" c="dimmed">
        {t('mapCredit')}
      </Text>
    </figure>
  );
}
