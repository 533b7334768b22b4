import type { ImportReport } from '../../core/import/import-report';
import { apiDownload, apiUpload } from './api-client';

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

/** Uploads a plan file: a dry run first (nothing written), then the real import. */
export function uploadPlan(file: File, dryRun: boolean): Promise<ImportReport> {
  const query = new URLSearchParams({ fileName: file.name, dryRun: String(dryRun) });
  return apiUpload<ImportReport>(`/api/import?${query.toString()}`, file, uploadTypeFor(file.name));
}

export function downloadTemplate(): Promise<string> {
  return apiDownload('/api/import/template.xlsx', 'edi-action-plan-template.xlsx');
}
