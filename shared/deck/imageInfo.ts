/**
 * Reads just enough of a logo image to trust it: the data-URL shape, the real file type from its first bytes
 * (never the declared MIME type alone) and its pixel size, so slides can keep its aspect ratio.
 */

/** Image types a logo may have: both render in PowerPoint, LibreOffice, Keynote and every browser. */
export type LogoImageType = 'image/png' | 'image/jpeg';

/** A decoded, checked image. */
export interface ImageInfo {
  type: LogoImageType;
  width: number;
  height: number;
  bytes: number;
}

const DATA_URL = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/;

/** Decodes base64 to bytes (atob is in every runtime Duet has). */
function decodeBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return null;
  // The first chunk must be IHDR: width and height are big-endian u32 at 16 and 20.
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  const u32 = (o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  return { width: u32(16), height: u32(20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1]!;
    const length = (b[o + 2]! << 8) | b[o + 3]!;
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[o + 5]! << 8) | b[o + 6]!, width: (b[o + 7]! << 8) | b[o + 8]! };
    }
    if (length < 2) return null;
    o += 2 + length;
  }
  return null;
}

/**
 * Checks a `data:image/png|jpeg;base64,…` URL: the bytes must really be that type and have a size in
 * 1…`maxSide` pixels per side. Returns null for anything else (SVG, GIF, remote URLs, a lying MIME type).
 */
export function readImageDataUrl(dataUrl: unknown, maxBytes: number, maxSide: number): ImageInfo | null {
  if (typeof dataUrl !== 'string' || dataUrl.length > Math.ceil((maxBytes * 4) / 3) + 64) return null;
  const match = DATA_URL.exec(dataUrl);
  if (match === null) return null;
  const declared = match[1] as LogoImageType;
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(match[2]!);
  } catch {
    return null; // malformed base64: not an image we can place
  }
  if (bytes.length > maxBytes) return null;
  const size = declared === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (size === null) return null;
  const fits = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= maxSide;
  if (!fits(size.width) || !fits(size.height)) return null;
  return { type: declared, width: size.width, height: size.height, bytes: bytes.length };
}
