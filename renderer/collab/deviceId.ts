/**
 * A random id for this installation, sent with every sync connection (`device`, see
 * shared/collab/syncProtocol.ts) so the host can tell "Sam on two computers" from "Sam with five documents
 * open". Remembered in the link's memory (localStorage in the app): one id per install, never a secret.
 */
import { newId } from '@shared/domain/ids';

/** Where the id is remembered. */
export const DEVICE_MEMORY_KEY = 'duet.sync.device';
const VALID = /^[A-Za-z0-9_-]{8,64}$/;

/** Without a memory (tests, tools) every link of this page shares one id. */
let unremembered: string | null = null;

/** This installation's device id, created and remembered on first use. */
export function deviceId(memory?: { get(key: string): string | null; set(key: string, value: string): void }): string {
  const known = memory ? memory.get(DEVICE_MEMORY_KEY) : unremembered;
  if (known !== null && VALID.test(known)) return known;
  const id = newId('d');
  if (memory) memory.set(DEVICE_MEMORY_KEY, id);
  else unremembered = id;
  return id;
}
