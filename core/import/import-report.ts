import type { Measure, Rag, TaskKind, TaskStatus } from '../model';
import type { PlanField } from './columns/plan-fields';
import type { PlanFileFormat } from './source/plan-source';

/**
 * What an import did, or would do on a dry run: the same object for `npm run import -- --json`
 * and the tab's `POST /api/import`. Plain JSON (no class instances), so it crosses every boundary.
 */

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportPerson {
  aadObjectId: string;
  displayName: string;
  email: string;
}

export interface ImportHistoryEntry {
  /** The column it came from, which names the closed update round it belongs to ("October 2018 Update"). */
  round: string;
  date: string;
  text: string;
  rag?: Rag;
  /** 'kept': an entry for this column was imported before with other text; the first one stays. */
  action: 'create' | 'unchanged' | 'kept';
}

export interface ImportedTask {
  ref: string;
  /** The plan has no ref for this row: one was numbered (or found by the task's wording). */
  refGenerated: boolean;
  where: string;
  action: ImportAction;
  /** Fields an update changes. */
  changes: string[];
  title: string;
  objective: { ref: string; title: string };
  indicator?: string;
  kind: TaskKind;
  description?: string;
  owners: ImportPerson[];
  /** Owners the directory could not match: kept as written, for an officer to assign. */
  unassignedOwners: string[];
  ownerText?: string;
  accountableOfficer?: ImportPerson;
  /** The accountable officer as written; to assign while `accountableOfficer` is missing. */
  accountableOfficerText?: string;
  leadService?: string;
  supportingServices?: string;
  desiredOutcome?: string;
  successMeasure?: string;
  /** The measure the baseline and target columns give (only with a numeric target). */
  measure?: Measure;
  /** The baseline column's words, verbatim. */
  startingPosition?: string;
  groupsImpacted: string[];
  strategy?: string;
  dueDate?: string;
  dueText?: string;
  /** Why the deadline needs checking (the deadline parser's note), when it does. */
  deadlineNote?: string;
  rag: Rag;
  status: TaskStatus;
  /** The RAG or status cell as written ("Slipped", "On track"), when it is not just the RAG's own name. */
  statusText?: string;
  percentComplete?: number;
  latestUpdate?: string;
  evidence?: string;
  risks?: string;
  history: ImportHistoryEntry[];
}

const IMPORT_WARNING_CODES = [
  'missing-owner',
  'ambiguous-owner',
  'unparsed-deadline',
  'deadline-check',
  'missing-deadline',
  'duplicate-ref',
  'missing-ref',
  'generated-refs',
  'missing-title',
  'unknown-rag',
  'objective-untitled',
  'no-objective',
  'kept-plan-value',
  'history-changed',
  'round-open',
  'skipped-sheets',
  'long-title',
  'measure-check',
  'marked-row',
] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface ImportWarning {
  code: ImportWarningCode;
  /** Where in the file: `Sheet "Plan", row 12`, `Table 3, row 5`; absent for file-wide notes. */
  where?: string;
  ref?: string;
  message: string;
}

/**
 * How a table (or a stretch of a sheet, or a document's paragraphs) was read: 'table' one task per
 * row under a header; 'transposed' one per column, field names down the side; 'records' blocks of
 * "Label: value" rows; 'paragraphs' Word paragraphs (numbered, bulleted or labelled).
 */
export type ImportTableLayout = 'table' | 'transposed' | 'records' | 'paragraphs';

/** Every non-empty cell (a paragraph counts as one) the import read, by what became of it. */
export interface ImportCellCounts {
  /** read = used + headers + headings + ignored. */
  read: number;
  /** Into a task's field (rows later skipped with a warning included). */
  used: number;
  /** Headers and field labels, naming what the cells beside them are. */
  headers: number;
  /** Headings: objectives, themes, indicators, "Priority tasks". */
  headings: number;
  /** Not used: listed in `ignored` with the reason. */
  ignored: number;
}

/** Cells not used, and why: a whole row (a title, a note, a total), a column or label nobody named. */
export interface ImportIgnoredCells {
  /** `Sheet "Plan", row 3`, `Sheet "Plan", column F`, `paragraph 12`: the name the mapping's `rows` takes. */
  where: string;
  /** The text (cut short), or the column's header. */
  text: string;
  reason: string;
  cells: number;
}

export interface ImportTableReport {
  name: string;
  recognised: boolean;
  transposed: boolean;
  columns: { header: string; field: PlanField; date?: string }[];
  /** Headers that meant nothing to the import: name them in a mapping file to bring them in. */
  ignoredColumns: string[];
  tasks: number;
  // Added for issue 18; optional in the type so reports built elsewhere (tests, the tab's fixtures) stay valid. The import always sets them.
  layout?: ImportTableLayout;
  cells?: ImportCellCounts;
  ignored?: ImportIgnoredCells[];
}

export interface ImportReport {
  fileName: string;
  format: PlanFileFormat;
  dryRun: boolean;
  /** When the import ran (or would have), UTC. */
  at: string;
  tables: ImportTableReport[];
  objectives: { ref: string; title: string; action: ImportAction }[];
  tasks: ImportedTask[];
  rounds: { name: string; date: string; action: ImportAction; tasks: number }[];
  /** Rows not imported, and why (also listed in `warnings`). */
  skipped: { where: string; reason: string }[];
  warnings: ImportWarning[];
  /** Names and roles nobody could be matched to, with the tasks that name them: the officer's to-do list. */
  toAssign: { text: string; role: 'owner' | 'accountable officer'; taskRefs: string[] }[];
  summary: {
    tasks: Record<ImportAction, number>;
    objectives: Record<ImportAction, number>;
    rounds: Record<ImportAction, number>;
    historyEntries: number;
    skipped: number;
    warnings: number;
  };
}
