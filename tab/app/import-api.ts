import type { ImportReport } from '../../core/import/import-report';
import { apiDownload, apiJson, apiUpload, saveBlob } from './api-client';
import type { MappingFile } from './import-mapping';

export type { ImportReport };

/**
 * The upload's Content-Type, from the file's extension. Not `application/octet-stream`: the
 * server's body parser (restify) does not read octet-stream bodies at all, and would parse a
 * `text/csv` body as records; these binary types reach the import route as the file's bytes.
 */
const UPLOAD_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'application/csv',
};

function uploadTypeFor(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return UPLOAD_TYPES[extension] ?? 'application/octet-stream';
}

export interface ImportUploadAnswer {
  uploadId: string;
  report: ImportReport;
}

/**
 * The preview's upload: the server keeps the file (for 30 minutes after its last use) and answers
 * the dry run. When the file's columns are not recognised it is kept all the same; the ApiError's
 * body then holds the `uploadId`, so a mapping file can still be tried.
 */
export function startImportUpload(file: File): Promise<ImportUploadAnswer> {
  const query = new URLSearchParams({ fileName: file.name });
  return apiUpload<ImportUploadAnswer>(`/api/import/uploads?${query.toString()}`, file, uploadTypeFor(file.name));
}

const uploadPath = (uploadId: string, step: 'preview' | 'confirm' | 'cancel') => `/api/import/uploads/${encodeURIComponent(uploadId)}/${step}`;

/** The dry run again, with the officer's mapping: nothing is written. */
export function previewImport(uploadId: string, mapping: MappingFile, signal?: AbortSignal): Promise<ImportReport> {
  return apiJson<ImportReport>(uploadPath(uploadId, 'preview'), { method: 'POST', body: { mapping }, signal });
}

/** The import itself, with the same mapping; the server then forgets the upload. */
export function confirmImport(uploadId: string, mapping: MappingFile): Promise<ImportReport> {
  return apiJson<ImportReport>(uploadPath(uploadId, 'confirm'), { method: 'POST', body: { mapping } });
}

/** Lets the server drop the file now (it would in 30 minutes anyway); failures do not matter. */
export function cancelImport(uploadId: string): void {
  void apiJson(uploadPath(uploadId, 'cancel'), { method: 'POST', body: {} }).catch(() => undefined);
}

export function downloadTemplate(): Promise<string> {
  return apiDownload('/api/import/template.xlsx', 'edi-action-plan-template.xlsx');
}

/** Hands the mapping file to the browser as a download (no request: the tab holds it). */
export function downloadMappingFile(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: 'application/json' }), fileName);
}
