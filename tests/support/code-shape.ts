/**
 * Measures the shape of the source: file lengths and function lengths, from a real parse
 * (@babel/parser with the TypeScript and JSX plugins; TypeScript 7's compiler has no JS API).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';

export const ROOT = path.join(__dirname, '..', '..');

/** Every .ts/.tsx file under the repo-relative `dir`, skipping built output. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

export interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** Returns JSX: a React component (or a render helper). */
  rendersJsx: boolean;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

interface Node {
  type: string;
  loc?: { start: { line: number }; end: { line: number } };
  [key: string]: unknown;
}

function nameOf(node: Node, parent: Node | undefined): string {
  const key = (node.key ?? node.id) as Node | undefined;
  if (key && typeof key.name === 'string') return key.name;
  if (parent?.type === 'VariableDeclarator') return String((parent.id as Node).name ?? '(anonymous)');
  if (parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') return String(((parent.key as Node).name ?? (parent.key as Node).value) ?? '(anonymous)');
  return '(anonymous)';
}

function containsJsx(node: Node, within: Node): boolean {
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== 'object' || typeof (child as Node).type !== 'string') continue;
      const c = child as Node;
      if (c.type === 'JSXElement' || c.type === 'JSXFragment') return true;
      // A nested function's JSX is its own.
      if (FUNCTION_TYPES.has(c.type) && c !== within) continue;
      if (containsJsx(c, within)) return true;
    }
  }
  return false;
}

/** Every function in `file` (repo-relative) with its length in lines, nested ones included. */
export function functionSpans(file: string): FunctionSpan[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const ast = parse(text, { sourceType: 'module', plugins: file.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'], errorRecovery: false }) as unknown as Node;
  const spans: FunctionSpan[] = [];
  const visit = (node: Node, parent: Node | undefined) => {
    if (FUNCTION_TYPES.has(node.type) && node.loc) {
      spans.push({ file, name: nameOf(node, parent), line: node.loc.start.line, lines: node.loc.end.line - node.loc.start.line + 1, rendersJsx: containsJsx(node, node) });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node, node);
      }
    }
  };
  visit(ast, undefined);
  return spans;
}

export function lineCount(file: string): number {
  return fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length;
}
