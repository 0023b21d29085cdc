/**
 * Frames a hostile or broken client might send, each expected to close only its own connection. Includes
 * the decoder payloads of yjs #479 (garbage as an update), #498 (empty update) and #687 (run lengths
 * beyond the input), and V1 updates crafted to claim huge counts, lengths and nesting.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { frame, syncFrame } from './clients';

/** One corpus entry: a name and the frames to send. */
export interface MalformedCase {
  name: string;
  frames: (Uint8Array | string)[];
}

const v = (e: encoding.Encoder, n: number) => encoding.writeVarUint(e, n);

/** A V1 update with one client and the given struct bytes after the header. */
function craftedUpdate(structCount: number, writeStructs: (e: encoding.Encoder) => void): Uint8Array {
  return frame((e) => {
    v(e, 1); // one client
    v(e, structCount);
    v(e, 123456); // client id
    v(e, 0); // clock
    writeStructs(e);
    v(e, 0); // empty delete set
  });
}

/** An item with a root parent ("root") and the given content ref and content bytes. */
function rootItem(ref: number, writeContent: (e: encoding.Encoder) => void): (e: encoding.Encoder) => void {
  return (e) => {
    encoding.writeUint8(e, ref); // info: no origins, so parent info follows
    v(e, 1); // parent is a root type name
    encoding.writeVarString(e, 'root');
    writeContent(e);
  };
}

function validUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('root').insert(0, 'hello');
  return Y.encodeStateAsUpdate(doc);
}

/** The corpus. Frames are sent by a writer (storyteller) connection after its session message. */
export function malformedCorpus(): MalformedCase[] {
  const deepArray = frame((e) => {
    for (let i = 0; i < 5000; i++) {
      encoding.writeUint8(e, 117); // an array
      v(e, 1); // of one element
    }
    encoding.writeUint8(e, 126);
  });
  const valid = validUpdate();
  return [
    { name: 'random garbage', frames: [Uint8Array.from({ length: 64 }, (_, i) => (i * 73 + 11) & 0xff)] },
    { name: 'empty frame', frames: [new Uint8Array(0)] },
    { name: 'truncated varint', frames: [Uint8Array.of(0x80)] },
    { name: 'overlong varint', frames: [new Uint8Array(12).fill(0xff)] },
    { name: 'unknown message type', frames: [Uint8Array.of(7, 0, 0)] },
    { name: 'unknown sync step', frames: [Uint8Array.of(0, 9, 0)] },
    { name: 'huge length prefix', frames: [Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)] },
    { name: 'client auth message', frames: [Uint8Array.of(2, 0, 0)] },
    { name: 'text frame', frames: ['hello'] },
    { name: 'yjs #498: empty update', frames: [syncFrame(2, new Uint8Array(0))] },
    { name: 'yjs #479: garbage update', frames: [syncFrame(2, Buffer.from('garbagedoc', 'base64'))] },
    {
      name: 'yjs #687: V2 run-length payload',
      frames: [syncFrame(2, Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'))],
    },
    {
      name: 'yjs #687: the same as sync step 2',
      frames: [syncFrame(1, Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'))],
    },
    {
      name: '2^31 structs claimed',
      frames: [
        syncFrame(
          2,
          craftedUpdate(2 ** 31, () => {}),
        ),
      ],
    },
    {
      name: 'ContentAny with 2^40 items',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(8, (e) => v(e, 2 ** 40)),
          ),
        ),
      ],
    },
    {
      name: 'ContentJSON with 2^31 items',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(2, (e) => v(e, 2 ** 31)),
          ),
        ),
      ],
    },
    {
      name: 'ContentDeleted of length 2^52',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(1, (e) => v(e, 2 ** 52)),
          ),
        ),
      ],
    },
    {
      name: 'GC struct of length 2^50',
      frames: [
        syncFrame(
          2,
          craftedUpdate(1, (e) => (encoding.writeUint8(e, 0), v(e, 2 ** 50))),
        ),
      ],
    },
    {
      name: 'any nested 5000 deep',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(8, (e) => (v(e, 1), encoding.writeUint8Array(e, deepArray))),
          ),
        ),
      ],
    },
    {
      name: 'subdocument content',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(9, (e) => (encoding.writeVarString(e, 'guid'), encoding.writeUint8(e, 126))),
          ),
        ),
      ],
    },
    {
      name: 'unknown content ref 17',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(17, () => {}),
          ),
        ),
      ],
    },
    {
      name: 'unknown type ref',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(7, (e) => v(e, 99)),
          ),
        ),
      ],
    },
    {
      name: 'invalid JSON in ContentJSON',
      frames: [
        syncFrame(
          2,
          craftedUpdate(
            1,
            rootItem(2, (e) => (v(e, 1), encoding.writeVarString(e, '{nope'))),
          ),
        ),
      ],
    },
    { name: 'valid update with trailing bytes', frames: [syncFrame(2, Uint8Array.from([...valid, 0, 0, 0]))] },
    { name: 'truncated valid update', frames: [syncFrame(2, valid.subarray(0, valid.length - 3))] },
    {
      name: 'state vector claiming 2^31 clients',
      frames: [
        syncFrame(
          0,
          frame((e) => v(e, 2 ** 31)),
        ),
      ],
    },
    {
      name: 'awareness that is not JSON',
      frames: [
        frame(
          (e) => (
            v(e, 1),
            encoding.writeVarUint8Array(
              e,
              frame((a) => (v(a, 1), v(a, 5), v(a, 1), encoding.writeVarString(a, '{'))),
            )
          ),
        ),
      ],
    },
    {
      name: 'frame over 1 MiB after the initial sync',
      frames: [syncFrame(1, Y.encodeStateAsUpdate(new Y.Doc())), new Uint8Array(1024 * 1024 + 10)],
    },
    { name: 'frame over the initial allowance', frames: [new Uint8Array(33 * 1024 * 1024)] },
    { name: 'flood of messages', frames: Array.from({ length: 1500 }, () => Uint8Array.of(3)) },
  ];
}
