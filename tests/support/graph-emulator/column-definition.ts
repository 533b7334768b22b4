import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest } from './graph-errors';

/**
 * Columns as SharePoint keeps them, created from and rendered as Graph `columnDefinition` resources
 * (https://learn.microsoft.com/graph/api/resources/columndefinition): exactly one type facet —
 * `text`, `number`, `dateTime`, `boolean`, `choice`, `personOrGroup` — plus `required`, `indexed`,
 * `enforceUniqueValues`, `hidden`, `readOnly`.
 */

export type ColumnKind = 'text' | 'number' | 'dateTime' | 'boolean' | 'choice' | 'personOrGroup' | 'counter';

export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  builtIn: boolean;
  readOnly: boolean;
  hidden: boolean;
  required: boolean;
  indexed: boolean;
  enforceUniqueValues: boolean;
  text?: { allowMultipleLines: boolean; maxLength: number };
  dateTime?: { format: 'dateOnly' | 'dateTime' };
  choice?: { choices: string[] };
  personOrGroup?: { allowMultipleSelection: boolean; chooseFromType: 'peopleOnly' | 'peopleAndGroups' };
}

/** SharePoint's single line of text limit (https://learn.microsoft.com/office365/servicedescriptions/sharepoint-online-service-description/sharepoint-online-limits). */
export const SINGLE_LINE_MAX = 255;

const FACETS = ['text', 'number', 'dateTime', 'boolean', 'choice', 'personOrGroup'] as const;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a POSTed columnDefinition (https://learn.microsoft.com/graph/api/list-post-columns). */
export function parseColumnDefinition(body: unknown): Column {
  if (!isRecord(body)) throw invalidRequest('The request body must be a columnDefinition object.');
  const name = body.name;
  if (typeof name !== 'string' || !NAME.test(name)) throw invalidRequest(`Invalid column name '${String(name)}'.`);
  const facets = FACETS.filter((f) => body[f] !== undefined);
  if (facets.length !== 1) throw invalidRequest(`Column '${name}' must have exactly one type facet (${FACETS.join(', ')}).`);
  const facet = facets[0]!;
  const spec = body[facet];
  if (!isRecord(spec)) throw invalidRequest(`Column '${name}': '${facet}' must be an object.`);
  const column: Column = {
    id: randomUUID(),
    name,
    displayName: typeof body.displayName === 'string' ? body.displayName : name,
    description: typeof body.description === 'string' ? body.description : '',
    kind: facet,
    builtIn: false,
    readOnly: false,
    hidden: body.hidden === true,
    required: body.required === true,
    indexed: body.indexed === true,
    enforceUniqueValues: body.enforceUniqueValues === true,
  };
  switch (facet) {
    case 'text': {
      const multi = spec.allowMultipleLines === true;
      const max = spec.maxLength;
      if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > SINGLE_LINE_MAX)) {
        throw invalidRequest(`Column '${name}': maxLength must be an integer from 1 to ${SINGLE_LINE_MAX}.`);
      }
      column.text = { allowMultipleLines: multi, maxLength: multi ? 63999 : ((max as number | undefined) ?? SINGLE_LINE_MAX) };
      break;
    }
    case 'dateTime': {
      const format = spec.format ?? 'dateTime';
      if (format !== 'dateOnly' && format !== 'dateTime') throw invalidRequest(`Column '${name}': dateTime.format must be 'dateOnly' or 'dateTime'.`);
      column.dateTime = { format };
      break;
    }
    case 'choice': {
      const choices = spec.choices;
      if (!Array.isArray(choices) || choices.length === 0 || !choices.every((c) => typeof c === 'string' && c.length > 0)) {
        throw invalidRequest(`Column '${name}': choice.choices must be a non-empty array of strings.`);
      }
      column.choice = { choices: [...(choices as string[])] };
      break;
    }
    case 'personOrGroup': {
      const from = spec.chooseFromType ?? 'peopleAndGroups';
      if (from !== 'peopleOnly' && from !== 'peopleAndGroups') throw invalidRequest(`Column '${name}': unknown chooseFromType '${String(from)}'.`);
      column.personOrGroup = { allowMultipleSelection: spec.allowMultipleSelection === true, chooseFromType: from };
      break;
    }
    default:
      break;
  }
  checkIndexable(column);
  return column;
}

/**
 * SharePoint cannot index (so cannot enforce uniqueness on) multiple lines of text (Microsoft
 * Support, "Add an index to a list or library column", section "Supported and unsupported column
 * types"). Enforcing unique values requires an index, which
 * SharePoint adds with it; the emulator does the same rather than refusing.
 */
export function checkIndexable(column: Column): void {
  if (column.enforceUniqueValues) column.indexed = true;
  if (column.indexed && column.kind === 'text' && column.text?.allowMultipleLines) {
    throw invalidRequest(`Column '${column.name}' is multiple lines of text and cannot be indexed or unique.`);
  }
}

/**
 * PATCH of a columnDefinition (https://learn.microsoft.com/graph/api/columndefinition-update):
 * metadata only — `indexed`, `required`, `enforceUniqueValues`, `hidden`, `description`,
 * `displayName`, and a choice column's `choices`. A type change is refused (the provisioning is to
 * report a wrong type, never alter it).
 */
export function patchColumn(column: Column, body: unknown): Column {
  if (!isRecord(body)) throw invalidRequest('The request body must be a columnDefinition object.');
  if (column.readOnly) throw new GraphError(400, 'invalidRequest', `Column '${column.name}' is read-only.`);
  if (body.name !== undefined && body.name !== column.name) throw invalidRequest('A column\'s internal name cannot be changed.');
  for (const f of FACETS) {
    if (body[f] !== undefined && f !== column.kind) throw invalidRequest(`Column '${column.name}' is of type '${column.kind}'; its type cannot be changed to '${f}'.`);
  }
  const next: Column = { ...column };
  for (const key of ['indexed', 'required', 'enforceUniqueValues', 'hidden'] as const) {
    const v = body[key];
    if (v !== undefined) {
      if (typeof v !== 'boolean') throw invalidRequest(`'${key}' must be a boolean.`);
      next[key] = v;
    }
  }
  if (typeof body.description === 'string') next.description = body.description;
  if (typeof body.displayName === 'string') next.displayName = body.displayName;
  if (column.kind === 'choice' && isRecord(body.choice) && Array.isArray(body.choice.choices)) {
    next.choice = { choices: body.choice.choices.filter((c): c is string => typeof c === 'string') };
  }
  checkIndexable(next);
  return next;
}

/** Renders a column as a Graph columnDefinition. */
export function columnJson(c: Column): Record<string, unknown> {
  const out: Record<string, unknown> = {
    columnGroup: c.builtIn ? '_Hidden' : 'Custom Columns',
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
  };
  switch (c.kind) {
    case 'text':
      out.text = { allowMultipleLines: c.text!.allowMultipleLines, appendChangesToExistingText: false, linesForEditing: c.text!.allowMultipleLines ? 6 : 0, maxLength: c.text!.maxLength };
      break;
    case 'number':
    case 'counter':
      out.number = { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 };
      break;
    case 'dateTime':
      out.dateTime = { displayAs: 'default', format: c.dateTime!.format };
      break;
    case 'boolean':
      out.boolean = {};
      break;
    case 'choice':
      out.choice = { allowTextEntry: false, choices: c.choice!.choices, displayAs: 'dropDownMenu' };
      break;
    case 'personOrGroup':
      out.personOrGroup = { allowMultipleSelection: c.personOrGroup!.allowMultipleSelection, chooseFromType: c.personOrGroup!.chooseFromType, displayAs: 'account' };
      break;
  }
  return out;
}

/**
 * Columns every generic list has. The ids are SharePoint's fixed field ids for these built-ins
 * (Title fa564e0f…, ID 1d22ea11…, Created 8c06beca…, Modified 28cf69c5…, Author 1df5e554…,
 * Editor d31655d1…). A genericList's Title is `required: true` in its metadata.
 */
export function builtInColumns(): Column[] {
  const base = { description: '', builtIn: true, hidden: false, indexed: false, enforceUniqueValues: false };
  return [
    { ...base, id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', name: 'Title', displayName: 'Title', kind: 'text', readOnly: false, required: true, text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX } },
    // The item id is always usable in $filter/$orderby: SharePoint indexes it.
    { ...base, id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', displayName: 'ID', kind: 'counter', readOnly: true, required: false, indexed: true },
    { ...base, id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Created', kind: 'dateTime', readOnly: true, required: false, dateTime: { format: 'dateTime' } },
    { ...base, id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Modified', kind: 'dateTime', readOnly: true, required: false, dateTime: { format: 'dateTime' } },
    { ...base, id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', name: 'Author', displayName: 'Created By', kind: 'personOrGroup', readOnly: true, required: false, personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups' } },
    { ...base, id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', name: 'Editor', displayName: 'Modified By', kind: 'personOrGroup', readOnly: true, required: false, personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups' } },
  ];
}
