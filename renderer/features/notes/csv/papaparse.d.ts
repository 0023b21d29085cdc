/**
 * The part of Papa Parse we use. Imported through its browser build's path: @types/papaparse references
 * Node's types (streams), and the renderer project must not see Node (see docs/ARCHITECTURE.md), so the
 * renderer declares the few signatures it relies on here instead.
 */
declare module 'papaparse/papaparse.min.js' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor?: number };
  }
  /** The handle a chunk callback gets: pause, then resume or abort from a later task. */
  export interface Parser {
    pause(): void;
    resume(): void;
    abort(): void;
  }
  export interface ParseConfig {
    delimiter?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
    /** Characters per chunk of a string input (with `chunk`). */
    chunkSize?: number;
    chunk?: (results: ParseResult, parser: Parser) => void;
    complete?: (results: ParseResult) => void;
  }
  export interface UnparseConfig {
    escapeFormulae?: boolean | RegExp;
    quotes?: boolean;
    newline?: string;
  }
  const Papa: {
    parse(input: string, config?: ParseConfig): ParseResult | undefined;
    unparse(data: { fields: string[]; data: string[][] }, config?: UnparseConfig): string;
  };
  export default Papa;
}
