/**
 * Images are checked by decoding them with sharp before they enter a project: a result that is not an
 * image (an HTML error page, a truncated file) is refused, and imports get their EXIF rotation applied.
 */
import sharp from 'sharp';
import { appError, nestedValues } from '../errors.js';
import type { MessageRef } from '../messages.js';

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

/**
 * Whether a PNG, JPEG or WebP file ends where its format says it ends (a download cut short does not).
 * Pure and cheap, so a result download can be retried before anything is decoded. Other bytes: true.
 */
export function imageLooksComplete(data: Buffer): boolean {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47) return data.subarray(-12).includes('IEND');
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xd8) return data.subarray(-16).includes(Buffer.from([0xff, 0xd9]));
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return data.length >= data.readUInt32LE(4) + 8;
  return true;
}

/**
 * Decodes fully (shrunk on load) and reports format and size; throws a clear error otherwise. Even
 * damage libjpeg only warns about is refused (a JPEG with garbage inside decodes half grey).
 */
export async function decodeImage(data: Buffer, what: string | MessageRef): Promise<DecodedImage> {
  const named = nestedValues('what', what);
  let format: string | undefined;
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(data, { failOn: 'warning' }).metadata();
    format = meta.format;
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.height;
    await sharp(data, { failOn: 'warning' }).resize(16, 16, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw appError('invalid_input', 'images.unreadable', { ...named, format: format ? ` (${format})` : '' });
  }
  const known = format ? IMAGE_FORMATS[format] : undefined;
  if (!known) throw appError('unsupported', format ? 'images.unsupportedFormat' : 'images.unknownFormat', { ...named, format: format ?? '' });
  if (!width || !height) throw appError('invalid_input', 'images.noDimensions', named);
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
