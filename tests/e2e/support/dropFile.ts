/** Dropping files on the page as the OS does, for the drag-and-drop specs. */
import type { Locator } from '@playwright/test';

/** Drags a file named `name` over `target` and drops it there, as the OS does (enter, over, drop). */
export async function dropFile(target: Locator, name: string, bytes: Buffer, type = ''): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle(
    ({ name, base64, type }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { name, base64: bytes.toString('base64'), type },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}
