import { createHash } from 'node:crypto';

/**
 * A small evaluator for the ARM template expressions infra/azuredeploy.json uses, so tests can
 * resolve the app settings a deployment would set. It knows only the functions listed in
 * FUNCTIONS and throws on anything else (a typo in the template fails the test instead of passing
 * unchecked). `reference()` returns what the deployment would report, from `simulated`.
 */
export interface ArmScope {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Properties `reference(resourceId(type, …))` returns, by resource type. */
  simulated: Record<string, Record<string, unknown>>;
  /** Names of parameters and variables read while evaluating (to find unused ones). */
  used?: { parameters: Set<string>; variables: Set<string> };
}

type Value = unknown;
interface Call {
  kind: 'call';
  name: string;
  args: Node[];
}
type Node = { kind: 'literal'; value: Value } | Call | { kind: 'member'; target: Node; property: string };

export class ArmExpressionError extends Error {}

/** True for "[...]" strings (not "[[", which ARM reads as a literal "["). */
export function isExpression(text: unknown): text is string {
  return typeof text === 'string' && text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

/** Evaluates every expression string inside `value` (objects and arrays walked). */
export function evaluateDeep(value: unknown, scope: ArmScope): unknown {
  if (isExpression(value)) return evaluate(value, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateDeep(v, scope)]));
  return value;
}

export function evaluate(expression: string, scope: ArmScope): unknown {
  const parser = new Parser(expression.slice(1, -1));
  const node = parser.expression();
  parser.end();
  return run(node, scope);
}

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  expression(): Node {
    this.space();
    let node: Node;
    const c = this.text[this.i];
    if (c === "'") node = { kind: 'literal', value: this.string() };
    else if (c !== undefined && /[-0-9]/.test(c)) node = { kind: 'literal', value: this.number() };
    else {
      const name = this.identifier();
      this.space();
      if (name === 'true' || name === 'false') node = { kind: 'literal', value: name === 'true' };
      else {
        this.expect('(');
        const args: Node[] = [];
        this.space();
        if (this.text[this.i] !== ')') {
          for (;;) {
            args.push(this.expression());
            this.space();
            if (this.text[this.i] === ',') {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.expect(')');
        node = { kind: 'call', name, args };
      }
    }
    for (;;) {
      this.space();
      if (this.text[this.i] === '.') {
        this.i++;
        node = { kind: 'member', target: node, property: this.identifier() };
      } else if (this.text[this.i] === '[') {
        this.i++;
        const index = this.expression();
        this.expect(']');
        if (index.kind !== 'literal') throw new ArmExpressionError(`only literal indexes are supported in ${this.text}`);
        node = { kind: 'member', target: node, property: String(index.value) };
      } else return node;
    }
  }

  end(): void {
    this.space();
    if (this.i !== this.text.length) throw new ArmExpressionError(`unexpected "${this.text.slice(this.i)}" in [${this.text}]`);
  }

  private string(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) throw new ArmExpressionError(`unterminated string in [${this.text}]`);
      this.i++;
      if (c === "'") {
        if (this.text[this.i] === "'") {
          out += "'";
          this.i++;
        } else return out;
      } else out += c;
    }
  }

  private number(): number {
    const m = /^-?\d+/.exec(this.text.slice(this.i));
    if (!m) throw new ArmExpressionError(`bad number in [${this.text}]`);
    this.i += m[0].length;
    return Number(m[0]);
  }

  private identifier(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.i));
    if (!m) throw new ArmExpressionError(`expected a name at "${this.text.slice(this.i)}" in [${this.text}]`);
    this.i += m[0].length;
    return m[0];
  }

  private expect(c: string): void {
    this.space();
    if (this.text[this.i] !== c) throw new ArmExpressionError(`expected "${c}" at "${this.text.slice(this.i)}" in [${this.text}]`);
    this.i++;
  }

  private space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }
}

const SUBSCRIPTION = { subscriptionId: '00000000-0000-0000-0000-00000000aaaa', tenantId: '00000000-0000-0000-0000-00000000bbbb', id: '/subscriptions/00000000-0000-0000-0000-00000000aaaa' };
const RESOURCE_GROUP = { name: 'rg-edi', location: 'uksouth', id: `${SUBSCRIPTION.id}/resourceGroups/rg-edi` };

function resourceIdOf(prefix: string, type: string, names: string[]): string {
  const segments = type.split('/');
  const provider = segments.shift();
  return `${prefix}/providers/${provider}/${segments.map((s, i) => `${s}/${names[i] ?? ''}`).join('/')}`;
}

const FUNCTIONS: Record<string, (args: Value[], scope: ArmScope) => Value> = {
  parameters: ([name], scope) => {
    const key = String(name);
    if (!(key in scope.parameters)) throw new ArmExpressionError(`parameters('${key}') is not a parameter of the template`);
    scope.used?.parameters.add(key);
    return scope.parameters[key];
  },
  variables: ([name], scope) => {
    const key = String(name);
    if (!(key in scope.variables)) throw new ArmExpressionError(`variables('${key}') is not a variable of the template`);
    scope.used?.variables.add(key);
    const value = scope.variables[key];
    return evaluateDeep(value, scope);
  },
  concat: (args) => (args.every(Array.isArray) ? args.flat() : args.map(String).join('')),
  format: ([pattern, ...args]) => String(pattern).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])),
  toLower: ([s]) => String(s).toLowerCase(),
  empty: ([v]) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0),
  if: ([condition, yes, no]) => (condition ? yes : no),
  equals: ([a, b]) => a === b,
  not: ([v]) => !v,
  uniqueString: (args) => createHash('sha256').update(args.map(String).join('|')).digest('hex').slice(0, 13),
  guid: (args) => {
    const h = createHash('sha256').update(args.map(String).join('|')).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  },
  subscription: () => SUBSCRIPTION,
  resourceGroup: () => RESOURCE_GROUP,
  resourceId: ([type, ...names]) => resourceIdOf(RESOURCE_GROUP.id, String(type), names.map(String)),
  subscriptionResourceId: ([type, ...names]) => resourceIdOf(SUBSCRIPTION.id, String(type), names.map(String)),
  extensionResourceId: ([scopeId, type, ...names]) => resourceIdOf(String(scopeId), String(type), names.map(String)),
  reference: ([id], scope) => {
    const type = /\/providers\/([^/]+\/[^/]+)\//.exec(String(id))?.[1];
    const simulated = type ? scope.simulated[type] : undefined;
    if (!simulated) throw new ArmExpressionError(`reference(${String(id)}): no simulated properties for ${type ?? 'that resource'}`);
    return simulated;
  },
};

function run(node: Node, scope: ArmScope): Value {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'member') {
    const target = run(node.target, scope) as Record<string, unknown> | undefined;
    if (!target || typeof target !== 'object' || !(node.property in target)) throw new ArmExpressionError(`no property "${node.property}"`);
    return target[node.property];
  }
  const fn = FUNCTIONS[node.name];
  if (!fn) throw new ArmExpressionError(`unknown template function ${node.name}()`);
  return fn(node.args.map((a) => run(a, scope)), scope);
}
