/** Reading a dropped or picked file in the page before it goes to the core (images.importData). */

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const IMAGE_EXT = /\.(png|jpe?g|webp)$/i;

/** Null when the file may be an image we take; otherwise why not (the core checks the bytes too). */
export function imageFileProblem(file: { name: string; type: string; size: number }): 'notImage' | 'empty' | 'tooLarge' | null {
  if (file.size === 0) return 'empty';
  if (file.size > 40 * 1024 * 1024) return 'tooLarge';
  if (!(IMAGE_TYPES.includes(file.type) || (file.type === '' && IMAGE_EXT.test(file.name)))) return 'notImage';
  return null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
