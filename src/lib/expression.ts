/**
 * The tiny formula language used by data/ for derived figures and cross-checks:
 * figure ids, decimal literals, + − × ÷ and parentheses; a check adds one comparison
 * (=, <=, >=, <, >). Parsing is separate from evaluation so the loader can list every
 * id a formula refers to before anything is computed.
 */
import { add, compare, div, mul, parseDecimal, sub, type Rational } from './decimal.ts';

export type Expr =
  | { kind: 'num'; text: string }
  | { kind: 'ref'; id: string }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export type Comparison = '=' | '<=' | '>=' | '<' | '>';
export interface CheckExpr {
  left: Expr;
  op: Comparison;
  right: Expr;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)|(<=|>=|[-+*/()=<>]))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new SyntaxError(`unexpected "${src.slice(pos).trim().slice(0, 12)}" at position ${pos + 1}`);
    tokens.push(m[1] ?? m[2] ?? m[3]);
    pos = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private i = 0;
  private readonly tokens: string[];
  constructor(tokens: string[]) {
    this.tokens = tokens;
  }
  peek() {
    return this.tokens[this.i];
  }
  next() {
    return this.tokens[this.i++];
  }
  done() {
    return this.i >= this.tokens.length;
  }
  expr(): Expr {
    let left = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.next() as '+' | '-';
      left = { kind: 'bin', op, left, right: this.term() };
    }
    return left;
  }
  term(): Expr {
    let left = this.atom();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.next() as '*' | '/';
      left = { kind: 'bin', op, left, right: this.atom() };
    }
    return left;
  }
  atom(): Expr {
    const t = this.next();
    if (t === undefined) throw new SyntaxError('formula ends too early');
    if (t === '(') {
      const e = this.expr();
      if (this.next() !== ')') throw new SyntaxError('missing ")"');
      return e;
    }
    if (/^\d/.test(t)) return { kind: 'num', text: t };
    if (/^[a-z]/.test(t)) return { kind: 'ref', id: t };
    throw new SyntaxError(`unexpected "${t}"`);
  }
}

export function parseFormula(src: string): Expr {
  const p = new Parser(tokenize(src));
  const e = p.expr();
  if (!p.done()) throw new SyntaxError(`unexpected "${p.peek()}"`);
  return e;
}

export function parseCheck(src: string): CheckExpr {
  const p = new Parser(tokenize(src));
  const left = p.expr();
  const op = p.next();
  if (!op || !['=', '<=', '>=', '<', '>'].includes(op)) {
    throw new SyntaxError('a check needs one comparison: =, <=, >=, < or >');
  }
  const right = p.expr();
  if (!p.done()) throw new SyntaxError(`unexpected "${p.peek()}"`);
  return { left, op: op as Comparison, right };
}

/** Every figure id the expression refers to, in order of appearance. */
export function references(e: Expr): string[] {
  if (e.kind === 'ref') return [e.id];
  if (e.kind === 'num') return [];
  return [...references(e.left), ...references(e.right)];
}

export function evaluate(e: Expr, lookup: (id: string) => Rational): Rational {
  if (e.kind === 'num') return parseDecimal(e.text);
  if (e.kind === 'ref') return lookup(e.id);
  const l = evaluate(e.left, lookup);
  const r = evaluate(e.right, lookup);
  return { '+': add, '-': sub, '*': mul, '/': div }[e.op](l, r);
}

export function holds(c: CheckExpr, lookup: (id: string) => Rational): boolean {
  const cmp = compare(evaluate(c.left, lookup), evaluate(c.right, lookup));
  return { '=': cmp === 0, '<=': cmp <= 0, '>=': cmp >= 0, '<': cmp < 0, '>': cmp > 0 }[c.op];
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SHOWN = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/** Renders an expression for people, each id replaced by `show(id)`: "134 + 195 + 112". */
export function render(e: Expr, show: (id: string) => string, parent = 0, rightSide = false): string {
  if (e.kind === 'num') return e.text;
  if (e.kind === 'ref') return show(e.id);
  const p = PRECEDENCE[e.op];
  const s = `${render(e.left, show, p)} ${SHOWN[e.op]} ${render(e.right, show, p, true)}`;
  return p < parent || (p === parent && rightSide) ? `(${s})` : s;
}

export const SHOWN_COMPARISON: Record<Comparison, string> = { '=': '=', '<=': '≤', '>=': '≥', '<': '<', '>': '>' };
