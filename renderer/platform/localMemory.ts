/** Small non-secret facts remembered per origin (e.g. the last state each server confirmed as stored). */

/** localStorage as a key/value memory; writes that fail (quota, private mode) are reported, not fatal. */
export const localMemory = {
  get(key: string): string | null {
    return localStorage.getItem(key);
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch (error) {
      console.warn('[memory] could not remember', key, error);
    }
  },
};
