// The few web-standard globals that every runtime Duet runs in (browser, Electron renderer, Node ≥ 22) has.
// Declared here instead of pulling in the whole DOM lib, so that shared/ cannot touch `document` or `window`.
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
// eslint-disable-next-line no-var -- a global declaration must be `var`
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
}
declare function atob(data: string): string;
// eslint-disable-next-line no-var -- a global declaration must be `var`
declare var performance: { now(): number };
