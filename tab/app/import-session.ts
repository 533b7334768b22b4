import type { ImportReport } from '../../core/import/import-report';
import { guessesOf, mergeHeaders, type ColumnChoice, type MappingFile, type TableHeaders } from './import-mapping';

/**
 * The import dialog's state, as a reducer: the file, the upload the server holds, the latest
 * report (a dry run until the import is confirmed), and the officer's mapping. Each change of
 * mapping bumps `revision`; the preview effect answers a revision with a dry run (see
 * use-import-session.ts), and answers for an older revision are dropped.
 */
export interface ImportState {
  file?: File;
  uploadId?: string;
  report?: ImportReport;
  /** What the import made of each header before any correction. */
  guesses: Map<string, ColumnChoice>;
  headers: TableHeaders;
  /** Each row's task wording, from every dry run seen: the marked rows list names what was marked. */
  titles: Map<string, string>;
  mapping: MappingFile;
  /** The mapping before a mapping file was loaded: restored if the server refuses the file. */
  mappingBefore?: MappingFile;
  revision: number;
  /** A dry run for the latest revision is waiting or on its way. */
  updating: boolean;
  /** The latest change came from a mapping file: preview at once, and tie its problems to that field. */
  fromFile: boolean;
  busy?: 'check' | 'import';
  last?: 'checked' | 'updated' | 'imported';
  /** Why nothing can be done now (the file, the server, the connection), for an alert. */
  problem?: string;
  /** With the mapping as it is, the file gives nothing to import: the import waits for a correction. */
  previewProblem?: string;
  mappingFileProblem?: string;
}

export const INITIAL_IMPORT_STATE: ImportState = { guesses: new Map(), headers: [], titles: new Map(), mapping: {}, revision: 0, updating: false, fromFile: false };

export type ImportEvent =
  | { type: 'file'; file: File | undefined }
  | { type: 'checking' }
  | { type: 'checked'; uploadId: string; report: ImportReport }
  | { type: 'check-failed'; message: string; uploadId?: string }
  | { type: 'mapping'; mapping: MappingFile; fromFile?: boolean }
  | { type: 'previewed'; revision: number; report: ImportReport }
  | { type: 'preview-failed'; revision: number; message: string; kind: 'problem' | 'unimportable' | 'gone' }
  | { type: 'mapping-file-problem'; message: string }
  | { type: 'importing' }
  | { type: 'imported'; report: ImportReport }
  | { type: 'import-failed'; message: string; gone?: boolean }
  | { type: 'reset' };

function withTitles(titles: Map<string, string>, report: ImportReport): Map<string, string> {
  const next = new Map(titles);
  for (const t of report.tasks) next.set(t.where, t.ref ? `${t.ref} ${t.title}` : t.title);
  return next;
}

const calm = { problem: undefined, previewProblem: undefined, mappingFileProblem: undefined };

function previewFailed(state: ImportState, event: Extract<ImportEvent, { type: 'preview-failed' }>): ImportState {
  if (event.revision !== state.revision) return state;
  const base = { ...state, updating: false, fromFile: false };
  if (state.fromFile && event.kind !== 'gone') return { ...base, mapping: state.mappingBefore ?? state.mapping, mappingBefore: undefined, mappingFileProblem: event.message };
  if (event.kind === 'unimportable') return { ...base, previewProblem: event.message };
  if (event.kind === 'gone') return { ...base, uploadId: undefined, report: undefined, last: undefined, problem: event.message };
  return { ...base, problem: event.message };
}

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'file':
      return { ...INITIAL_IMPORT_STATE, file: event.file };
    case 'checking':
      return { ...state, ...calm, busy: 'check' };
    case 'checked':
      return { ...state, busy: undefined, uploadId: event.uploadId, report: event.report, guesses: guessesOf(event.report), headers: mergeHeaders([], event.report), titles: withTitles(new Map(), event.report), mapping: {}, revision: 0, last: 'checked' };
    case 'check-failed':
      return { ...state, busy: undefined, uploadId: event.uploadId, report: undefined, last: undefined, problem: event.message };
    case 'mapping':
      return { ...state, mapping: event.mapping, mappingBefore: event.fromFile ? state.mapping : undefined, fromFile: event.fromFile ?? false, revision: state.revision + 1, updating: true, mappingFileProblem: undefined };
    case 'previewed':
      if (event.revision !== state.revision) return state;
      return { ...state, ...calm, updating: false, fromFile: false, mappingBefore: undefined, report: event.report, headers: mergeHeaders(state.headers, event.report), titles: withTitles(state.titles, event.report), last: 'updated' };
    case 'preview-failed':
      return previewFailed(state, event);
    case 'mapping-file-problem':
      return { ...state, mappingFileProblem: event.message };
    case 'importing':
      return { ...state, ...calm, busy: 'import' };
    case 'imported':
      return { ...state, busy: undefined, report: event.report, uploadId: undefined, last: 'imported' };
    case 'import-failed':
      return { ...state, busy: undefined, problem: event.message, ...(event.gone && { uploadId: undefined, report: undefined, last: undefined }) };
    case 'reset':
      return INITIAL_IMPORT_STATE;
  }
}
