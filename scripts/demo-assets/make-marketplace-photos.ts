/**
 * Made the demo's product photos in `marketplace/` once (`npx tsx scripts/demo-assets/make-marketplace-photos.ts`):
 * simple drawn pictures of each demo product (shapes on a coloured ground, no text, no one's
 * photo), 640 × 480 JPEGs of a few KB, so the demo ships its images and downloads nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const HERE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'marketplace');
const svg = (ground: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${ground}"/><ellipse cx="320" cy="420" rx="230" ry="28" fill="#000" opacity="0.12"/>${body}</svg>`;
const petals = (cx: number, cy: number, r: number, colour: string) =>
  Array.from({ length: 8 }, (_, k) => {
    const a = (k * Math.PI) / 4;
    return `<ellipse cx="${cx + Math.cos(a) * r}" cy="${cy + Math.sin(a) * r}" rx="${r * 0.55}" ry="${r * 0.3}" transform="rotate(${k * 45} ${cx + Math.cos(a) * r} ${cy + Math.sin(a) * r})" fill="${colour}"/>`;
  }).join('') + `<circle cx="${cx}" cy="${cy}" r="${r * 0.35}" fill="#f4d03f"/>`;

const PHOTOS: Record<string, string> = {
  // A wreath of sandalwood flowers.
  wreath: svg(
    '#eaf2e3',
    `<circle cx="320" cy="230" r="150" fill="none" stroke="#5d8a4a" stroke-width="46"/>${[0, 1, 2, 3, 4, 5].map((k) => petals(320 + Math.cos((k * Math.PI) / 3) * 150, 230 + Math.sin((k * Math.PI) / 3) * 150, 26, '#fdfefe')).join('')}`,
  ),
  // A box of sandalwood flowers.
  'sandalwood-flowers': svg(
    '#f5eee6',
    `<rect x="150" y="200" width="340" height="200" rx="14" fill="#a0522d"/>${[0, 1, 2, 3].map((k) => petals(200 + k * 80, 190, 30, '#fffaf0')).join('')}`,
  ),
  // A bag of rice.
  'mali-rice': svg(
    '#fdf6e3',
    `<path d="M220 120 L420 120 L450 400 L190 400 Z" fill="#f5deb3" stroke="#b8860b" stroke-width="6"/><rect x="230" y="220" width="180" height="80" rx="10" fill="#2e8b57"/><circle cx="320" cy="260" r="26" fill="#fdf6e3"/>`,
  ),
  // Germinated brown rice in a bowl.
  'brown-rice': svg(
    '#f0e6d8',
    `<path d="M170 250 Q320 450 470 250 Z" fill="#8b4513"/>${Array.from({ length: 40 }, (_, k) => `<ellipse cx="${200 + (k % 10) * 26}" cy="${230 + Math.floor(k / 10) * 8}" rx="9" ry="5" fill="#c8a165"/>`).join('')}`,
  ),
  // A herbal compress ball.
  'herbal-compress': svg(
    '#e8f6ef',
    `<circle cx="320" cy="250" r="120" fill="#c9b28a"/><path d="M320 130 L300 60 L340 60 Z" fill="#8d6e4a"/><path d="M240 200 Q320 260 400 200" stroke="#7a5c3a" stroke-width="8" fill="none"/><circle cx="470" cy="330" r="30" fill="#6aa84f"/>`,
  ),
  // A jar of herbal balm.
  'herbal-balm': svg(
    '#eef7f2',
    `<rect x="230" y="200" width="180" height="180" rx="24" fill="#16a085"/><rect x="220" y="160" width="200" height="50" rx="12" fill="#f1c40f"/><circle cx="320" cy="290" r="40" fill="#eafaf1"/>`,
  ),
  // Sun-dried pork on a tray.
  'sun-dried-pork': svg(
    '#fbeee6',
    `<rect x="140" y="300" width="360" height="40" rx="8" fill="#b7950b"/>${[0, 1, 2].map((k) => `<path d="M${170 + k * 110} 290 q40 -90 90 -10 q-30 30 -90 10 Z" fill="#a93226"/>`).join('')}`,
  ),
  // Fermented pork in banana leaf.
  'fermented-pork': svg(
    '#eafaf1',
    `${[0, 1, 2].map((k) => `<rect x="${180 + k * 100}" y="200" width="80" height="160" rx="12" fill="#27ae60"/><rect x="${195 + k * 100}" y="240" width="50" height="80" rx="8" fill="#f1948a"/>`).join('')}`,
  ),
  // A woven basket.
  basket: svg(
    '#fef9e7',
    `<path d="M180 220 L460 220 L420 400 L220 400 Z" fill="#d4ac0d"/>${[0, 1, 2, 3, 4].map((k) => `<line x1="${200 + k * 60}" y1="220" x2="${230 + k * 45}" y2="400" stroke="#9a7d0a" stroke-width="6"/>`).join('')}<path d="M220 220 Q320 80 420 220" stroke="#9a7d0a" stroke-width="14" fill="none"/>`,
  ),
};

for (const [name, image] of Object.entries(PHOTOS)) {
  const file = path.join(HERE, `${name}.jpg`);
  const info = await sharp(Buffer.from(image)).jpeg({ quality: 70, mozjpeg: true }).toFile(file);
  console.log(`${name}.jpg: ${info.size} bytes`);
}
