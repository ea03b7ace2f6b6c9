/**
 * Images are checked by decoding them with sharp before they enter a project: a result that is not an
 * image (an HTML error page, a truncated file) is refused, and imports get their EXIF rotation applied.
 */
import sharp from 'sharp';
import { AppError } from '../errors.js';

export const IMAGE_FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
};

export interface DecodedImage {
  data: Buffer;
  ext: string;
  mime: string;
  width: number;
  height: number;
}

/** Decodes fully (shrunk on load) and reports format and size; throws a clear error otherwise. */
export async function decodeImage(data: Buffer, what: string): Promise<DecodedImage> {
  let format: string | undefined;
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(data, { failOn: 'truncated' }).metadata();
    format = meta.format;
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.height;
    await sharp(data, { failOn: 'truncated' }).resize(16, 16, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw new AppError('invalid_input', `${what} is not a readable image${format ? ` (${format})` : ''}.`);
  }
  const known = format ? IMAGE_FORMATS[format] : undefined;
  if (!known) throw new AppError('unsupported', `${what} is a ${format ?? 'unknown'} image; use JPEG, PNG or WebP.`);
  if (!width || !height) throw new AppError('invalid_input', `${what} has no dimensions.`);
  return { data, ext: known.ext, mime: known.mime, width, height };
}

/** Applies EXIF orientation (re-encoding only when the image is rotated), so every viewer sees it upright. */
export async function uprightImage(image: DecodedImage): Promise<DecodedImage> {
  const meta = await sharp(image.data).metadata();
  if (!meta.orientation || meta.orientation === 1) return image;
  const pipeline = sharp(image.data).rotate();
  const out = image.ext === 'png' ? pipeline.png() : image.ext === 'webp' ? pipeline.webp({ quality: 92 }) : pipeline.jpeg({ quality: 92 });
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return { ...image, data, width: info.width, height: info.height };
}
