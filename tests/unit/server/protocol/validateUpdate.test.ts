// The structural check every written update passes before Yjs sees it: real updates pass (strings in any
// script, emoji included), and a string that is not UTF-8 is refused by the check itself, with a reason.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { validateUpdate } from '../../../../server/protocol/validateUpdate';

/** A V1 update of one ContentString item in root text "t", its string given as raw bytes. */
function updateWithStringBytes(bytes: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, 42); // client id
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, 4); // info: ContentString, no origins: the parent follows
  encoding.writeVarUint(e, 1); // the parent is a root type, by name
  encoding.writeVarString(e, 't');
  encoding.writeVarUint8Array(e, bytes); // the string: length, then its bytes
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

describe('validateUpdate', () => {
  it('passes what Yjs writes, in any script', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Grüße, 世界 👋🏽 — ok');
    doc.getMap('m').set('ключ', { nested: ['ü', 1, null] });
    expect(validateUpdate(Y.encodeStateAsUpdate(doc))).toMatchObject({ ok: true });
    expect(validateUpdate(updateWithStringBytes(new TextEncoder().encode('plain')))).toMatchObject({ ok: true });
  });

  it('refuses a string that is not UTF-8 before any Yjs code runs', () => {
    const result = validateUpdate(updateWithStringBytes(Uint8Array.of(0x61, 0xff, 0xfe, 0x62)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not UTF-8/);
    // Yjs would have refused it too, but only in the middle of decoding.
    expect(() => Y.applyUpdate(new Y.Doc(), updateWithStringBytes(Uint8Array.of(0x61, 0xff, 0xfe, 0x62)))).toThrow();
  });
});
