/**
 * Claim expressions: a small arithmetic language over fact ids and assumption ids, parsed
 * without eval.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | power
 *   power   := primary ('^' unary)?
 *   primary := number ['%'] | 'string' | name | name '(' [expr (',' expr)*] ')' | '(' expr ')'
 *
 * A name is a fact or assumption id: letters, digits and `_ . -`, starting with a letter
 * (`tmt-stepfun-valuation-post-bplus`, `qb-step-3.5-flash-score-aime2025`). Because ids contain
 * hyphens, a binary minus needs white space around it (`a - b`). A name starting with `?`
 * (`?step-2-mini-total_parameters`) is a quantity the articles do not give: the claim is then
 * unverifiable. `12%` is the number 0.12. The functions are evaluated in ./evaluate.
 *
 * Limits keep every walk over the tree shallow and cheap: at most MAX_EXPRESSION_LENGTH
 * characters, MAX_EXPRESSION_NODES numbers, names and operators, and MAX_EXPRESSION_DEPTH levels
 * of nesting (parentheses, calls, unary minus, powers). Beyond them the expression is rejected
 * with the character where the limit is passed.
 */

/** Longest expression accepted, in characters (claims are a line of arithmetic). */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Most tokens (numbers, names, operators) an expression may have. */
export const MAX_EXPRESSION_NODES = 500;
/** Deepest nesting accepted. */
export const MAX_EXPRESSION_DEPTH = 32;

export type Node =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'ref'; name: string; missing: boolean; pos: number }
  | { kind: 'neg'; arg: Node; pos: number }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Node; right: Node; pos: number }
  | { kind: 'call'; name: string; args: Node[]; pos: number };

export class ExpressionError extends Error {
  constructor(public readonly expression: string, public readonly pos: number, public readonly reason: string) {
    super(`${reason} at character ${pos + 1} of '${expression}'`);
    this.name = 'ExpressionError';
  }
}

type Tok =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'name'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

const NAME_RE = /^\??[A-Za-z][A-Za-z0-9_.-]*/;
const NUM_RE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const rest = src.slice(i);
    let m = NUM_RE.exec(rest);
    if (m) {
      let v = Number(m[0]);
      let len = m[0].length;
      if (src[i + len] === '%') { v /= 100; len++; }
      out.push({ t: 'num', v, pos: i });
      i += len;
      continue;
    }
    m = NAME_RE.exec(rest);
    if (m) {
      const name = m[0].replace(/[.-]+$/, '');
      out.push({ t: 'name', v: name, pos: i });
      i += name.length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(src, i, 'unterminated string');
      out.push({ t: 'str', v: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      out.push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(src, i, `unexpected character '${c}'`);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

/** The expression as quoted in a message about its size: its first 60 characters. */
function shorten(src: string): string {
  return src.length > 60 ? `${src.slice(0, 60)}...` : src;
}

/** Parses an expression into a syntax tree; throws ExpressionError (also past the limits above). */
export function parseExpression(src: string): Node {
  if (src.trim() === '') throw new ExpressionError(src, 0, 'empty expression');
  if (src.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(shorten(src), MAX_EXPRESSION_LENGTH, `expression of ${src.length} characters, longer than the ${MAX_EXPRESSION_LENGTH} allowed,`);
  }
  const toks = tokenize(src);
  if (toks.length - 1 > MAX_EXPRESSION_NODES) {
    throw new ExpressionError(shorten(src), toks[MAX_EXPRESSION_NODES].pos, `expression of ${toks.length - 1} numbers, names and operators, more than the ${MAX_EXPRESSION_NODES} allowed,`);
  }
  let k = 0;
  let depth = 0;
  const enter = (pos: number): void => {
    if (++depth > MAX_EXPRESSION_DEPTH) throw new ExpressionError(src, pos, `nested deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  };
  const peek = (): Tok => toks[k];
  const isOp = (v: string): boolean => { const t = peek(); return t.t === 'op' && t.v === v; };
  const expectOp = (v: string): void => {
    if (!isOp(v)) throw new ExpressionError(src, peek().pos, `expected '${v}'`);
    k++;
  };

  function expr(): Node {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const t = toks[k++] as { v: '+' | '-'; pos: number };
      left = { kind: 'bin', op: t.v, left, right: term(), pos: t.pos };
    }
    return left;
  }
  function term(): Node {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const t = toks[k++] as { v: '*' | '/'; pos: number };
      left = { kind: 'bin', op: t.v, left, right: unary(), pos: t.pos };
    }
    return left;
  }
  function unary(): Node {
    if (isOp('-')) {
      const pos = peek().pos;
      k++;
      enter(pos);
      const arg = unary();
      depth--;
      return { kind: 'neg', arg, pos };
    }
    return power();
  }
  function power(): Node {
    const base = primary();
    if (isOp('^')) {
      const pos = peek().pos;
      k++;
      enter(pos);
      const right = unary();
      depth--;
      return { kind: 'bin', op: '^', left: base, right, pos };
    }
    return base;
  }
  function primary(): Node {
    const t = peek();
    if (t.t === 'num') { k++; return { kind: 'num', value: t.v, pos: t.pos }; }
    if (t.t === 'str') { k++; return { kind: 'str', value: t.v, pos: t.pos }; }
    if (t.t === 'name') {
      k++;
      if (isOp('(')) {
        if (t.v.startsWith('?')) throw new ExpressionError(src, t.pos, `'${t.v}' cannot be called`);
        k++;
        enter(t.pos);
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(expr());
          while (isOp(',')) { k++; args.push(expr()); }
        }
        expectOp(')');
        depth--;
        return { kind: 'call', name: t.v, args, pos: t.pos };
      }
      const missing = t.v.startsWith('?');
      return { kind: 'ref', name: missing ? t.v.slice(1) : t.v, missing, pos: t.pos };
    }
    if (isOp('(')) {
      enter(peek().pos);
      k++;
      const e = expr();
      expectOp(')');
      depth--;
      return e;
    }
    throw new ExpressionError(src, t.pos, t.t === 'end' ? 'unexpected end of expression' : `unexpected '${t.v}'`);
  }

  const tree = expr();
  if (peek().t !== 'end') {
    const t = peek();
    throw new ExpressionError(src, t.pos, `unexpected '${'v' in t ? String(t.v) : ''}' (a minus between ids needs spaces: 'a - b')`);
  }
  return tree;
}

/** Every id the expression refers to, with whether it is marked missing (`?id`). */
export function expressionRefs(node: Node): Array<{ name: string; missing: boolean }> {
  switch (node.kind) {
    case 'ref': return [{ name: node.name, missing: node.missing }];
    case 'neg': return expressionRefs(node.arg);
    case 'bin': return [...expressionRefs(node.left), ...expressionRefs(node.right)];
    case 'call': return node.args.flatMap(expressionRefs);
    default: return [];
  }
}

/** Names of the functions the expression calls. */
export function expressionCalls(node: Node): string[] {
  switch (node.kind) {
    case 'neg': return expressionCalls(node.arg);
    case 'bin': return [...expressionCalls(node.left), ...expressionCalls(node.right)];
    case 'call': return [node.name, ...node.args.flatMap(expressionCalls)];
    default: return [];
  }
}
