import sharp from 'sharp';
import { problems } from '../../platform/problem';
import { imageKind, widthsFor } from './marketplace.rules';

/** An upload's limit: a phone's photo as taken (the server resizes; the phone need not). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Refuses decompression bombs: a small file that opens to a huge picture. */
const MAX_PIXELS = 40_000_000;

export interface ResizedPhoto {
  originalWidth: number;
  originalHeight: number;
  sizes: { width: number; height: number; data: Buffer }[];
}

const refuse = (code: string, en: string, th: string) => problems.validation([{ field: 'body', code, message: en, messageTh: th }]);

/**
 * Checks an uploaded photo by its bytes (JPEG or PNG, whatever the request claims), turns it the
 * way the camera held it (EXIF orientation), and makes JPEGs at the catalogue's widths with
 * libvips (`sharp`). Metadata is not copied: a phone's photo carries where it was taken.
 */
export async function resizePhoto(bytes: Buffer): Promise<ResizedPhoto> {
  if (bytes.length > PHOTO_MAX_BYTES)
    throw refuse('photo-too-large', `A photo may be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`, `รูปภาพต้องมีขนาดไม่เกิน ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
  if (!imageKind(bytes)) throw refuse('not-an-image', 'The file is not a JPEG or PNG photo.', 'ไฟล์ไม่ใช่รูปภาพ JPEG หรือ PNG');
  let oriented: { data: Buffer; info: sharp.OutputInfo };
  try {
    oriented = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().toBuffer({ resolveWithObject: true });
  } catch {
    throw refuse('unreadable-image', 'The photo cannot be read (damaged, or larger than 40 megapixels).', 'อ่านรูปภาพไม่ได้ (ไฟล์เสียหาย หรือใหญ่เกิน 40 ล้านพิกเซล)');
  }
  const { width, height } = oriented.info;
  const sizes = await Promise.all(
    widthsFor(width).map(async (w) => {
      const out = await sharp(oriented.data)
        .resize({ width: w, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 78, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { width: out.info.width, height: out.info.height, data: out.data };
    }),
  );
  return { originalWidth: width, originalHeight: height, sizes };
}
