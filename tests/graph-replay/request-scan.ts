import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { ROOT, sourceFiles } from '../support/code-shape';

/**
 * The Graph requests the product's source can make, found by parsing it (no running): every file
 * that imports the GraphApi client (core/store/sharepoint/graph/graph-api.ts, the only way the
 * product calls Graph) is searched for
 *
 * - calls `<…>api.get|post|patch|delete(path, …)`: method and path;
 * - objects with `method` and `url` (the sub-requests of a `$batch`): method and url;
 * - any string or template literal that reads as a Graph path (`/users/…`, `${site}/lists/…`):
 *   path only, as it may be passed on before it is requested (graph-directory's look-ups).
 *
 * A path is its literal text with each `${…}` as `{}` and the query string dropped. A path made
 * only of an expression (following a nextLink) cannot be told statically; the replay tests' own
 * request logs cover those.
 */

export interface FoundRequest {
  file: string;
  line: number;
  /** Undefined for a path literal whose method is not known here. */
  method?: string;
  path: string;
}

interface Node {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

const METHODS: Record<string, string> = { get: 'GET', post: 'POST', patch: 'PATCH', delete: 'DELETE' };
/** First segments of Graph v1.0 resources; and segments that only a Graph path has after an expression. */
const GRAPH_ROOTS = /^\/(sites|users|me|groups|teams|chats|appCatalogs|drives|\$batch|directoryObjects|organization|subscriptions|applications|servicePrincipals)(\/|\(|:|$)/;
const GRAPH_SEGMENTS = /\/(lists|items|columns|fields|delta|manager|teamwork|installedApps|permissions|contentTypes|drive|children)(\/|\?|\(|$)/;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** A path expression's text, `{}` for each expression, without its query string. */
export function shapeOf(node: Node): string {
  let text: string;
  switch (node.type) {
    case 'StringLiteral':
      text = node.value as string;
      break;
    case 'TemplateLiteral':
      text = (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join('{}');
      break;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return shapeOf(node.expression as Node);
    case 'BinaryExpression':
      text = node.operator === '+' ? shapeOf(node.left as Node) + shapeOf(node.right as Node) : '{}';
      break;
    default:
      text = '{}';
  }
  return text.split('?')[0]!;
}

function calleeMethod(node: Node): string | undefined {
  const callee = node.callee as Node;
  if (callee.type !== 'MemberExpression' || (callee.property as Node).type !== 'Identifier') return undefined;
  const method = METHODS[(callee.property as Node).name as string];
  const object = callee.object as Node;
  const named = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? ((object.property as Node).name as string | undefined) : undefined;
  return method && named === 'api' ? method : undefined;
}

function objectRequest(node: Node): { method: string; url: Node } | undefined {
  const props = (node.properties as Node[]).filter((p) => p.type === 'ObjectProperty');
  const keyOf = (p: Node) => ((p.key as Node).name ?? (p.key as Node).value) as string;
  const method = props.find((p) => keyOf(p) === 'method');
  const url = props.find((p) => keyOf(p) === 'url');
  if (!method || !url) return undefined;
  const value = shapeOf(method.value as Node);
  return METHODS[value.toLowerCase()] ? { method: value.toUpperCase(), url: url.value as Node } : undefined;
}

/** Whether a literal reads as a Graph path (and is not an `@odata.bind` reference in a body). */
function graphPathLiteral(node: Node, parent: Node | undefined): string | undefined {
  if (node.type !== 'StringLiteral' && node.type !== 'TemplateLiteral') return undefined;
  if (parent?.type === 'ObjectProperty' && String(((parent.key as Node).value ?? (parent.key as Node).name) ?? '').endsWith('@odata.bind')) return undefined;
  const shape = shapeOf(node);
  if (/\s/.test(shape) && !/lists\('[^']*'\)/.test(shape)) return undefined;
  if (shape.startsWith('/') ? GRAPH_ROOTS.test(shape) : shape.startsWith('{}') && GRAPH_SEGMENTS.test(shape)) return shape;
  return undefined;
}

function walk(node: Node, parent: Node | undefined, visit: (node: Node, parent: Node | undefined) => void): void {
  visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) walk(child, node, visit);
  }
}

const usesGraphApi = (source: string) => /from '[^']*\/graph\/graph-api'|from '\.\/graph-api'/.test(source);

export function scanGraphRequests(dirs = ['core', 'bot', 'tab']): { calls: FoundRequest[]; literals: FoundRequest[]; files: string[] } {
  const calls: FoundRequest[] = [];
  const literals: FoundRequest[] = [];
  const files = dirs.flatMap(sourceFiles).filter((f) => usesGraphApi(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  for (const file of files) {
    const ast = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { sourceType: 'module', plugins: ['typescript', 'jsx'] });
    walk(ast.program as unknown as Node, undefined, (node, parent) => {
      const line = node.loc?.start.line ?? 0;
      if (node.type === 'CallExpression') {
        const method = calleeMethod(node);
        const [first] = node.arguments as Node[];
        if (method && first) calls.push({ file, line, method, path: shapeOf(first) });
      } else if (node.type === 'ObjectExpression') {
        const request = objectRequest(node);
        if (request) calls.push({ file, line, method: request.method, path: shapeOf(request.url) });
      }
      const literal = graphPathLiteral(node, parent);
      if (literal) literals.push({ file, line, path: literal });
    });
  }
  return { calls, literals, files };
}

/** A code path shape as a regex: each `{}` stands for one or more characters. */
export function shapeRegex(shape: string, prefixOk = false): RegExp {
  const source = shape
    .split('{}')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${source}${prefixOk ? '(/.*)?' : ''}$`);
}

/** A concrete path a fixture's pattern matches, for testing code shapes against it. */
export function samplePath(pattern: string): string {
  return pattern.replace(/\{[A-Za-z-]+\*\}/g, 'x/x').replace(/\{[A-Za-z-]+\}/g, 'x');
}
