import { useEffect, useMemo, useReducer, useRef, type Dispatch } from 'react';
import type { RowMark } from '../../core/import/columns/mapping-file';
import { normaliseHeader } from '../../core/import/columns/header-rules';
import { ApiError } from './api-client';
import { cancelImport, confirmImport, downloadMappingFile, previewImport, startImportUpload } from './import-api';
import { MAPPING_FILE_NAME, mappingFileText, readMappingFile, withColumnChoice, withRowMark, type ColumnChoice } from './import-mapping';
import { importReducer, INITIAL_IMPORT_STATE, type ImportEvent, type ImportState } from './import-session';

/** How long the preview waits after a change before asking again: a few quick changes, one dry run. */
export const PREVIEW_DEBOUNCE_MS = 400;

const UNSENT = 'The file could not be sent. Please try again.';

function messageOf(error: unknown, fallback = UNSENT): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** One dry run for one revision of the mapping; a newer revision aborts it. */
async function runPreview(state: ImportState, signal: AbortSignal, dispatch: Dispatch<ImportEvent>): Promise<void> {
  const { uploadId, mapping, revision } = state;
  if (!uploadId) return;
  try {
    dispatch({ type: 'previewed', revision, report: await previewImport(uploadId, mapping, signal) });
  } catch (error) {
    if (signal.aborted) return;
    const status = error instanceof ApiError ? error.status : undefined;
    const kind = status === 404 ? 'gone' : status === 422 ? 'unimportable' : 'problem';
    dispatch({ type: 'preview-failed', revision, kind, message: messageOf(error, 'The preview could not be updated. Check your connection and try again.') });
  }
}

/** What the officer can do in the dialog; each step reads the state as it is when it runs. */
class ImportActions {
  constructor(
    private readonly state: () => ImportState,
    private readonly dispatch: Dispatch<ImportEvent>,
    private readonly onImported: () => void,
  ) {}

  chooseFile(file: File | undefined): void {
    this.dropUpload();
    this.dispatch({ type: 'file', file });
  }

  async check(): Promise<void> {
    const { file } = this.state();
    if (!file) return this.dispatch({ type: 'check-failed', message: 'Choose the plan file first.' });
    this.dropUpload();
    this.dispatch({ type: 'checking' });
    try {
      const answer = await startImportUpload(file);
      this.dispatch({ type: 'checked', uploadId: answer.uploadId, report: answer.report });
    } catch (error) {
      const kept = error instanceof ApiError && typeof error.body.uploadId === 'string' ? error.body.uploadId : undefined;
      const message = kept ? `${messageOf(error)} If you have a mapping file for this plan, choose it under "Use a saved mapping file".` : messageOf(error);
      this.dispatch({ type: 'check-failed', message, ...(kept && { uploadId: kept }) });
    }
  }

  setColumn(header: string, choice: ColumnChoice): void {
    const { mapping, guesses } = this.state();
    this.dispatch({ type: 'mapping', mapping: withColumnChoice(mapping, header, choice, guesses.get(normaliseHeader(header))) });
  }

  markRow(where: string, mark: RowMark | undefined): void {
    this.dispatch({ type: 'mapping', mapping: withRowMark(this.state().mapping, where, mark) });
  }

  async loadMappingFile(file: File | undefined): Promise<void> {
    if (!file) return;
    try {
      this.dispatch({ type: 'mapping', mapping: readMappingFile(await file.text()), fromFile: true });
    } catch (error) {
      this.dispatch({ type: 'mapping-file-problem', message: error instanceof Error ? error.message : 'This file could not be read.' });
    }
  }

  saveMappingFile(): string {
    const { file, mapping } = this.state();
    const base = file?.name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-') ?? '';
    const name = base ? `${base}-${MAPPING_FILE_NAME}` : MAPPING_FILE_NAME;
    downloadMappingFile(mappingFileText(mapping), name);
    return name;
  }

  async confirm(): Promise<void> {
    const { uploadId, mapping } = this.state();
    if (!uploadId) return;
    this.dispatch({ type: 'importing' });
    try {
      this.dispatch({ type: 'imported', report: await confirmImport(uploadId, mapping) });
      this.onImported();
    } catch (error) {
      this.dispatch({ type: 'import-failed', message: messageOf(error), gone: error instanceof ApiError && error.status === 404 });
    }
  }

  close(): void {
    this.dropUpload();
    this.dispatch({ type: 'reset' });
  }

  /** The server would forget the file in 30 minutes; tell it now. */
  private dropUpload(): void {
    const { uploadId, last } = this.state();
    if (uploadId && last !== 'imported') cancelImport(uploadId);
  }
}

export type ImportSession = { state: ImportState; actions: ImportActions };

/** The dialog's state and steps; the preview re-runs (debounced) whenever the mapping changes. */
export function useImportSession(onImported: () => void): ImportSession {
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT_STATE);
  const current = useRef(state);
  current.current = state;
  const imported = useRef(onImported);
  imported.current = onImported;
  const actions = useMemo(() => new ImportActions(() => current.current, dispatch, () => imported.current()), []);

  useEffect(() => {
    if (!state.uploadId || !state.updating || state.busy) return;
    const controller = new AbortController();
    const timer = setTimeout(() => void runPreview(current.current, controller.signal, dispatch), state.fromFile ? 0 : PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [state.uploadId, state.revision, state.updating, state.busy, state.fromFile]);

  return { state, actions };
}
