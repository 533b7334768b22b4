import { z } from 'zod';
import { RAG_VALUES, ROUND_STATES, TASK_STATUSES, type RoundScope, type RoundSnapshotLine, type RoundState, type UpdateRoundInput } from '../../../model';
import { NOTE_MAX_CHARS, type Fields } from '../columns/column';
import { choice, dateOnly, instant, json, labelledChoice, personSchema, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn } from './plan-columns';

/** How a round's scope reads in Microsoft Lists (ScopeKind column), by domain kind. */
export const ROUND_SCOPE_LABELS = { 'all-open': 'All open tasks', objectives: 'Objectives', tasks: 'Tasks' } as const;

/** A round as its columns hold it: the scope's kind and refs apart. */
type StoredRound = Omit<UpdateRoundInput, 'scope'> & { scopeKind: RoundScope['kind']; scopeRefs?: string[] };

const snapshotLineSchema = z.object({
  taskId: z.string().min(1),
  taskRef: z.string().min(1),
  update: z.string().optional(),
  updateAt: z.string().optional(),
  updateBy: personSchema.optional(),
  updateId: z.string().optional(),
  rag: z.enum(RAG_VALUES),
  status: z.enum(TASK_STATUSES).optional(),
  measureValue: z.number().optional(),
  evidence: z.string().optional(),
  risks: z.string().optional(),
  supportNeeded: z.string().optional(),
});

/**
 * The snapshot as JSON for a multiple-lines-of-text column (63,999 characters). A whole plan's
 * updates can be longer than that; then lines that came from a Plan Updates item keep only its id
 * (the text, and the evidence, risks and support needed it gave, stay in that list's history and
 * are read back from there). Too long even so: an error saying so, never a silently cut snapshot.
 */
export function snapshotJson(lines: RoundSnapshotLine[]): string {
  const full = JSON.stringify(lines);
  if (full.length <= NOTE_MAX_CHARS) return full;
  const compact = JSON.stringify(lines.map(({ update, updateBy, evidence, risks, supportNeeded, ...rest }) => (rest.updateId ? rest : { ...rest, update, updateBy, evidence, risks, supportNeeded })));
  if (compact.length <= NOTE_MAX_CHARS) return compact;
  throw new Error(
    `The round's snapshot of ${lines.length} tasks needs ${compact.length.toLocaleString('en-GB')} characters, more than the ${NOTE_MAX_CHARS.toLocaleString('en-GB')} a SharePoint multiple-lines-of-text column holds. Use a narrower scope (some objectives) for rounds this large.`,
  );
}

// "open" while the round is open, else "closed-<item>": unique, so at most one round is open even
// when two app instances open one at the same moment. The store writes it (openKeyFields).
const OPEN_KEY = 'OpenKey';

/**
 * The OpenKey field for a round of `plan` in `state`; `uniquePart` tells closed rounds apart. One
 * open round per plan: the first plan's stays "open" (so a round opened before plans existed is
 * still its plan's open round, with nothing rewritten), another plan's is "open-<plan id>".
 */
export function openKeyFields(state: RoundState, uniquePart: string, plan: { id: string; first: boolean }): Fields {
  if (state !== 'Open') return { [OPEN_KEY]: `closed-${uniquePart}` };
  return { [OPEN_KEY]: plan.first ? 'open' : `open-${plan.id}` };
}

const { col, title, storeOnly } = columnsOf<StoredRound>();

/**
 * Snapshot lines read back may lack their update text (see `snapshotJson`): the store fills it in
 * from Plan Updates by `updateId`.
 */
export const roundTable: ColumnTable<UpdateRoundInput, StoredRound> = {
  columns: [
    title('name', text, { required: true }),
    col('opensAt', 'OpensAt', instant, { required: true, indexed: true }),
    col('dueDate', 'DueDate', dateOnly, { required: true }),
    col('scopeKind', 'ScopeKind', labelledChoice(ROUND_SCOPE_LABELS), { required: true }),
    col('scopeRefs', 'ScopeRefsJson', json(z.array(z.string()))),
    col('state', 'State', choice(ROUND_STATES), { required: true, indexed: true }),
    storeOnly(OPEN_KEY, text, { required: true, unique: true }),
    planIdColumn(),
    col('closedAt', 'ClosedAt', instant),
    // Each in-scope task's latest update and RAG when the round closed.
    col('snapshot', 'SnapshotJson', json(z.array(snapshotLineSchema), snapshotJson)),
  ],
  toStored: ({ scope, ...round }) => (scope ? { ...round, scopeKind: scope.kind, scopeRefs: scope.kind === 'all-open' ? undefined : scope.refs } : round),
  fromStored: ({ scopeKind: kind, scopeRefs, ...round }) => ({ ...round, scope: kind === 'all-open' ? { kind } : { kind, refs: scopeRefs ?? [] } }),
};
