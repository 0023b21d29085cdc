/**
 * Bytes → text for the CSV import. CRMs do not all write UTF-8: Salesforce report exports are often
 * ISO-8859-1 and German Excel saves "CSV (Trennzeichen-getrennt)" as Windows-1252. The encoding is detected
 * (a byte-order mark, else strict UTF-8, else Windows-1252 — every byte sequence is valid there, and it is a
 * superset of ISO-8859-1 for printable text) and shown to the user, who can pick another. Only a file that
 * is not text at all (a workbook, a PDF, binary data) is refused, saying what it looks like.
 */

/** Largest file accepted. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;

/** Encodings the user can pick in the preview (WHATWG labels, as TextDecoder knows them). */
export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15', 'macintosh', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Labels of the encodings. */
export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 / ISO-8859-1 (Western European)',
  'iso-8859-15': 'ISO-8859-15 (Western European with €)',
  macintosh: 'Mac Roman',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

/** Decoded text, the encoding used, and how many characters could not be read in it. */
export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Characters replaced by U+FFFD because the bytes are not valid in `encoding` (0 when detected). */
  unreadable: number;
}

type Refusal = { ok: false; message: string };

/** Signatures of files people pick by mistake, with what to do instead. */
const SIGNATURES: ReadonlyArray<{ bytes: number[]; message: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message:
      'This is an Excel workbook (.xlsx) or another zip file, not a CSV. In Excel choose File › Save As › “CSV UTF-8”.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: 'This is an old Excel workbook (.xls), not a CSV. In Excel choose File › Save As › “CSV UTF-8”.',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'This is a PDF, not a CSV. Export the report from your CRM as CSV.' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The encoding a byte-order mark names, or a UTF-16 file without one (every other byte zero). */
function encodingFromBytes(bytes: Uint8Array): CsvEncoding | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Why these bytes are not a text file, or null when they may be one (single-byte encodings only). */
function binaryReason(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) if (startsWith(bytes, signature.bytes)) return signature.message;
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0)
      return 'This file is not text (it contains binary data), so it cannot be a CSV export. Export the report from your CRM as CSV.';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.01
    ? 'This file is not text (it is mostly control characters), so it cannot be a CSV export. Export the report from your CRM as CSV.'
    : null;
}

/** What to tell someone whose file is over the size limit. */
export function tooLargeMessage(byteLength: number): string {
  return `The file is ${(byteLength / 1048576).toFixed(1)} MB; the limit is 5 MB. Export fewer rows or columns.`;
}

/** Decodes with `encoding`, counting what could not be read. */
export function decodeAs(bytes: Uint8Array, encoding: CsvEncoding): DecodedCsv {
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
  let unreadable = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) unreadable++;
  return { text, encoding, unreadable };
}

/**
 * Decodes a picked file: refuses big files and files that are not text; otherwise detects the encoding
 * (byte-order mark, strict UTF-8, else Windows-1252) and returns the text with the encoding it used.
 */
export function decodeCsvBytes(bytes: Uint8Array): ({ ok: true } & DecodedCsv) | Refusal {
  if (bytes.byteLength > CSV_MAX_BYTES) return { ok: false, message: tooLargeMessage(bytes.byteLength) };
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty: it needs a header row and deals.' };
  const named = encodingFromBytes(bytes);
  if (named !== null) return { ok: true, ...decodeAs(bytes, named) };
  const reason = binaryReason(bytes);
  if (reason !== null) return { ok: false, message: reason };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', unreadable: 0 };
  } catch {
    // Not UTF-8: every byte is a character in Windows-1252, the usual encoding of Western CRM exports.
    return { ok: true, ...decodeAs(bytes, 'windows-1252') };
  }
}
