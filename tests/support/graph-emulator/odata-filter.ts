import { invalidRequest } from './graph-errors';

/**
 * The `$filter` subset Graph accepts for SharePoint list items and lists
 * (https://learn.microsoft.com/graph/filter-query-parameter): `eq ne lt le gt ge`, `and or not`,
 * parentheses, `startswith(prop,'x')`, and literals — strings in single quotes with a quote written
 * as two (`'O''Brien'`, OData ABNF `SQUOTE-in-string`), numbers, `true`/`false`, `null`, and
 * unquoted ISO dates/date-times. A stray quote is a syntax error (400), never a wider query.
 */

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Literal =
  | { type: 'lit'; kind: 'string'; value: string }
  | { type: 'lit'; kind: 'number'; value: number }
  | { type: 'lit'; kind: 'boolean'; value: boolean }
  | { type: 'lit'; kind: 'null'; value: null }
  | { type: 'lit'; kind: 'datetime'; value: string };

export type Operand = { type: 'prop'; path: string } | Literal;

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; expr: FilterNode }
  | { type: 'cmp'; op: CompareOp; left: Operand; right: Operand }
  | { type: 'startswith'; prop: string; value: string };

type Token =
  | { t: 'punct'; v: '(' | ')' | ',' }
  | { t: 'word'; v: string }
  | { t: 'lit'; lit: Literal };

const OPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const syntax = (detail: string) => invalidRequest(`Invalid filter clause: ${detail}`);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: 'punct', v: ch });
      i += 1;
    } else if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= src.length) throw syntax('unterminated string literal.');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += src[i];
        i += 1;
      }
      tokens.push({ t: 'lit', lit: { type: 'lit', kind: 'string', value } });
    } else {
      const rest = src.slice(i);
      const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?(?![\w.])/.exec(rest);
      const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.])/.exec(rest);
      const word = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
      if (date) {
        if (Number.isNaN(Date.parse(date[0]))) throw syntax(`'${date[0]}' is not a valid date.`);
        tokens.push({ t: 'lit', lit: { type: 'lit', kind: 'datetime', value: date[0] } });
        i += date[0].length;
      } else if (num) {
        tokens.push({ t: 'lit', lit: { type: 'lit', kind: 'number', value: Number(num[0]) } });
        i += num[0].length;
      } else if (word) {
        const w = word[0];
        if (w === 'true' || w === 'false') tokens.push({ t: 'lit', lit: { type: 'lit', kind: 'boolean', value: w === 'true' } });
        else if (w === 'null') tokens.push({ t: 'lit', lit: { type: 'lit', kind: 'null', value: null } });
        else tokens.push({ t: 'word', v: w });
        i += w.length;
      } else {
        throw syntax(`unexpected '${ch}' at position ${i}.`);
      }
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) throw syntax('the expression is empty.');
    const node = this.or();
    if (this.pos < this.tokens.length) throw syntax(`unexpected '${this.describe(this.tokens[this.pos]!)}'.`);
    return node;
  }

  private describe(tok: Token): string {
    return tok.t === 'lit' ? String(tok.lit.value) : tok.v;
  }

  private peekWord(word: string): boolean {
    const tok = this.tokens[this.pos];
    return tok?.t === 'word' && tok.v === word;
  }

  private expectPunct(v: '(' | ')' | ','): void {
    const tok = this.tokens[this.pos];
    if (tok?.t !== 'punct' || tok.v !== v) throw syntax(`expected '${v}'.`);
    this.pos += 1;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord('or')) {
      this.pos += 1;
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peekWord('and')) {
      this.pos += 1;
      left = { type: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekWord('not')) {
      this.pos += 1;
      return { type: 'not', expr: this.unary() };
    }
    const tok = this.tokens[this.pos];
    if (tok?.t === 'punct' && tok.v === '(') {
      this.pos += 1;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (this.peekWord('startswith')) return this.startswith();
    const left = this.operand();
    const op = this.tokens[this.pos];
    if (op?.t !== 'word' || !OPS.has(op.v)) throw syntax('expected a comparison operator (eq, ne, lt, le, gt, ge).');
    this.pos += 1;
    const right = this.operand();
    return { type: 'cmp', op: op.v as CompareOp, left, right };
  }

  private startswith(): FilterNode {
    this.pos += 1;
    this.expectPunct('(');
    const prop = this.operand();
    this.expectPunct(',');
    const value = this.operand();
    this.expectPunct(')');
    if (prop.type !== 'prop' || value.type !== 'lit' || value.kind !== 'string') throw syntax("startswith takes a property and a string.");
    return { type: 'startswith', prop: prop.path, value: value.value };
  }

  private operand(): Operand {
    const tok = this.tokens[this.pos];
    if (!tok) throw syntax('the expression ends too early.');
    this.pos += 1;
    if (tok.t === 'lit') return tok.lit;
    if (tok.t === 'word' && !OPS.has(tok.v) && tok.v !== 'and' && tok.v !== 'or' && tok.v !== 'not') return { type: 'prop', path: tok.v };
    throw syntax(`unexpected '${this.describe(tok)}'.`);
  }
}

export function parseFilter(src: string): FilterNode {
  return new Parser(tokenize(src)).parse();
}

/** Every property path the filter reads (to check them against the list's indexes). */
export function filterProperties(node: FilterNode): string[] {
  switch (node.type) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left), ...filterProperties(node.right)];
    case 'not':
      return filterProperties(node.expr);
    case 'startswith':
      return [node.prop];
    case 'cmp':
      return [node.left, node.right].flatMap((o) => (o.type === 'prop' ? [o.path] : []));
  }
}
