/** Saves bytes through the browser's download (the browser client's "save as"). */

/** Offers `bytes` as a download named `fileName`. */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  const body = typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
