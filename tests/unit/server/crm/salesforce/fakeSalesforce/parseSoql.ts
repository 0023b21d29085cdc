/**
 * Just enough SOQL for the fake org: `SELECT a, b.c FROM Opportunity [WHERE expr] [ORDER BY f, g] [LIMIT n]`
 * where expr combines `field op literal` with AND, OR and parentheses, and literals are 'strings', unquoted
 * dateTimes (2024-01-01T00:00:00Z, optionally .SSS), numbers, true/false/null — the subset the connector
 * sends, parsed for real so a malformed query fails here as it would in Salesforce (MALFORMED_QUERY).
 */

/** A literal of the WHERE clause. */
export type SoqlValue = string | number | boolean | null | { dateTime: number };

/** A parsed WHERE expression. */
export type SoqlExpr =
  | { kind: 'compare'; field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: SoqlValue }
  | { kind: 'and' | 'or'; left: SoqlExpr; right: SoqlExpr };

/** A parsed query. */
export interface SoqlQuery {
  fields: string[];
  object: string;
  where: SoqlExpr | null;
  orderBy: string[];
  limit: number | null;
}

/** Thrown for anything outside the subset; the fake answers 400 MALFORMED_QUERY with its message. */
export class SoqlError extends Error {}

const TOKEN =
  /\s*(?:(?<dt>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2}))|(?<str>'(?:[^'\\]|\\.)*')|(?<num>\d+(?:\.\d+)?)|(?<op><=|>=|!=|<>|[=<>(),])|(?<word>[A-Za-z_][A-Za-z0-9_.]*))/y;

type Token = { type: 'dt' | 'str' | 'num' | 'op' | 'word'; text: string };

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < soql.length) {
    if (/^\s*$/.test(soql.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(soql);
    if (!match?.groups) throw new SoqlError(`unexpected token at column ${at + 1}: ${soql.slice(at, at + 20)}`);
    const [type, text] = Object.entries(match.groups).find(([, v]) => v !== undefined) as [Token['type'], string];
    tokens.push({ type, text });
  }
  return tokens;
}

/** Parses the subset; throws SoqlError otherwise. */
export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (word: string) => peek()?.type === 'word' && peek()?.text.toUpperCase() === word;
  const expectWord = (word: string) => {
    if (!isWord(word)) throw new SoqlError(`expecting ${word}, found ${peek()?.text ?? 'end of query'}`);
    i++;
  };
  const field = () => {
    const t = tokens[i++];
    if (t?.type !== 'word') throw new SoqlError(`expecting a field, found ${t?.text ?? 'end of query'}`);
    return t.text;
  };
  const list = () => {
    const names = [field()];
    while (peek()?.text === ',') {
      i++;
      names.push(field());
    }
    return names;
  };
  const literal = (): SoqlValue => {
    const t = tokens[i++];
    if (!t) throw new SoqlError('expecting a value, found end of query');
    if (t.type === 'str') return t.text.slice(1, -1).replace(/\\(.)/g, '$1');
    if (t.type === 'num') return Number(t.text);
    if (t.type === 'dt') return { dateTime: Date.parse(t.text) };
    const word = t.text.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    throw new SoqlError(`unexpected value ${t.text}`);
  };
  const primary = (): SoqlExpr => {
    if (peek()?.text === '(') {
      i++;
      const inner = or();
      if (tokens[i++]?.text !== ')') throw new SoqlError('missing )');
      return inner;
    }
    const name = field();
    const op = tokens[i++];
    if (op?.type !== 'op' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.text)) {
      throw new SoqlError(`unexpected operator ${op?.text ?? 'end of query'}`);
    }
    const normalised = (op.text === '<>' ? '!=' : op.text) as Extract<SoqlExpr, { kind: 'compare' }>['op'];
    return { kind: 'compare', field: name, op: normalised, value: literal() };
  };
  // AND binds tighter than OR: `a OR b AND c` is `a OR (b AND c)`.
  const chain = (kind: 'and' | 'or', operand: () => SoqlExpr): SoqlExpr => {
    let left = operand();
    while (isWord(kind.toUpperCase())) {
      i++;
      left = { kind, left, right: operand() };
    }
    return left;
  };
  const and = (): SoqlExpr => chain('and', primary);
  const or = (): SoqlExpr => chain('or', and);

  expectWord('SELECT');
  const fields = list();
  expectWord('FROM');
  const object = field();
  let where: SoqlExpr | null = null;
  if (isWord('WHERE')) {
    i++;
    where = or();
  }
  let orderBy: string[] = [];
  if (isWord('ORDER')) {
    i++;
    expectWord('BY');
    orderBy = list();
  }
  let limit: number | null = null;
  if (isWord('LIMIT')) {
    i++;
    const n = literal();
    if (typeof n !== 'number') throw new SoqlError('LIMIT needs a number');
    limit = n;
  }
  if (i < tokens.length) throw new SoqlError(`unexpected token ${tokens[i]?.text}`);
  return { fields, object, where, orderBy, limit };
}
