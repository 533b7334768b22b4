import * as AC from 'adaptivecards';

/**
 * Parses a card with the `adaptivecards` library targeting schema 1.5 (Teams' version) and returns
 * every parse and validation problem, so tests fail on unknown elements, duplicate ids, etc.
 */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  card.parse(json as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const version = (json as { version?: string }).version;
  if (version !== '1.5') problems.push(`version must be 1.5 for Teams, was ${String(version)}`);
  if (JSON.stringify(json).length > 80 * 1024) problems.push('card is over the 80 KB Teams recommends');
  return problems;
}

/** Every Action.Execute in the card, wherever it sits (actions, ActionSets). */
export function executeActions(json: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') found.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
    Object.values(o).forEach(walk);
  };
  walk(json);
  return found;
}

/** Every input's id -> value, to simulate what a Teams client submits. */
export function inputValues(json: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') values[o.id] = String(o.value ?? '');
    Object.values(o).forEach(walk);
  };
  walk(json);
  return values;
}

/** All TextBlock/Fact text in the card, joined, for "the card says X" assertions. */
export function cardTextContent(json: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') parts.push(o.text);
    if (typeof o.title === 'string' && typeof o.value === 'string' && o.type === undefined) parts.push(`${o.title}: ${o.value}`);
    Object.values(o).forEach(walk);
  };
  walk(json);
  return parts.join('\n');
}
