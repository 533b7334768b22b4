import { EMPTY_MAPPING, parseMapping, type ImportMapping } from '../../core/import/columns/mapping-file';
import { ImportFileError, type ImportFileProblem } from '../../core/import/import-errors';
import { MAX_IMPORT_BYTES } from '../../core/import/source/plan-source';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { PlanStore } from '../../core/ports/plan-store';
import { importPlan } from '../../core/use-cases/import-plan';
import { failure, ok } from './api-responses';
import type { ApiRequest, ApiResponse, ApiRoute, Authorize, Caller } from './api-route';
import { guardedRoute } from './guarded-route';
import { ImportUploads, type ImportUpload } from './import-uploads';

export interface ImportUploadRoutesDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
  authorize: Authorize;
  importUploads?: ImportUploads;
}

/** Problems a mapping can cure: the file is kept so the officer can name its columns. */
const CURABLE: ReadonlySet<ImportFileProblem> = new Set(['no-columns', 'no-tasks']);

const GONE = 'That upload is no longer here: uploads are kept for 30 minutes after their last use, and until the import is confirmed. Choose the file again.';

/** A file that cannot be imported, in the API's words: 413 when too large, 422 when a mapping could cure it, else 400. */
export function importFileFailure(err: ImportFileError, extra: Record<string, unknown> = {}): ApiResponse {
  const status = err.problem === 'too-large' ? 413 : err.problem === 'bad-mapping' ? 400 : CURABLE.has(err.problem) && 'uploadId' in extra ? 422 : 400;
  return { status, body: { message: `${err.problem === 'bad-mapping' ? '' : 'Nothing was imported. '}${err.message}`, problem: err.problem, ...extra } };
}

/** The uploads' owner key: the authenticated caller, never anything the request says. */
const ownerOf = (caller: Caller) => `${caller.tenantId}/${caller.aadObjectId}`;

/** `{ mapping: <the mapping file's JSON> }`, through the CLI's own parser; an absent mapping is none. */
function mappingFrom(body: unknown): ImportMapping {
  if (body === undefined || body === null) return EMPTY_MAPPING;
  const mapping = typeof body === 'object' && !Array.isArray(body) ? (body as { mapping?: unknown }).mapping : 'not an object';
  if (mapping === undefined || mapping === null) return EMPTY_MAPPING;
  if (typeof mapping !== 'object' || Array.isArray(mapping)) throw new ImportFileError('bad-mapping', 'Send the mapping as JSON: { "mapping": { "columns": { … }, "rows": { … } } }.');
  return parseMapping(JSON.stringify(mapping), 'The mapping');
}

/**
 * The tab's import preview (EDI officers), so each correction re-runs the dry run without sending
 * the file again:
 * - `POST /api/import/uploads?fileName=…` (the file as the body, as for `/api/import`):
 *   `{ uploadId, report }`, a dry run with no mapping. A file whose columns are not recognised
 *   is kept too (422 with `uploadId`): a mapping can name them.
 * - `POST /api/import/uploads/:id/preview` `{ mapping }`: the dry run with that mapping.
 * - `POST /api/import/uploads/:id/confirm` `{ mapping }`: the real import; the upload is dropped.
 * - `POST /api/import/uploads/:id/cancel`: drops the upload.
 * An upload is its officer's only: another caller's id answers 404, as an unknown one does.
 */
export function importUploadRoutes(deps: ImportUploadRoutesDeps): ApiRoute[] {
  const { authorize } = deps;
  const uploads = deps.importUploads ?? new ImportUploads();
  const officerRoute = (path: string, handle: (request: ApiRequest, caller: Caller) => Promise<ApiResponse>, maxBodyBytes?: number) =>
    guardedRoute(authorize, { method: 'POST', path, need: 'officer', ...(maxBodyBytes && { maxBodyBytes }) }, handle);

  const run = async (upload: ImportUpload, body: unknown, dryRun: boolean): Promise<ApiResponse> => {
    try {
      const mapping = mappingFrom(body);
      return ok(await importPlan(deps, { bytes: upload.bytes, fileName: upload.fileName, dryRun, mapping }));
    } catch (err) {
      if (err instanceof ImportFileError) return importFileFailure(err, { uploadId: upload.id });
      throw err;
    }
  };

  return [
    officerRoute(
      '/api/import/uploads',
      async (request, caller) => {
        const fileName = request.query.fileName?.trim();
        if (!fileName) return failure(400, 'Say which file this is: add ?fileName=<name of the file> to the request.');
        if (!(request.body instanceof Uint8Array)) return failure(415, 'Send the plan file itself as the request body, with Content-Type: application/octet-stream.');
        const bytes = request.body;
        try {
          const report = await importPlan(deps, { bytes, fileName, dryRun: true });
          return ok({ uploadId: uploads.add(ownerOf(caller), fileName, bytes).id, report });
        } catch (err) {
          if (!(err instanceof ImportFileError)) throw err;
          if (!CURABLE.has(err.problem)) return importFileFailure(err);
          return importFileFailure(err, { uploadId: uploads.add(ownerOf(caller), fileName, bytes).id });
        }
      },
      MAX_IMPORT_BYTES,
    ),
    officerRoute('/api/import/uploads/:id/preview', async (request, caller) => {
      const upload = uploads.get(ownerOf(caller), request.params.id ?? '');
      return upload ? run(upload, request.body, true) : failure(404, GONE);
    }),
    officerRoute('/api/import/uploads/:id/confirm', async (request, caller) => {
      const upload = uploads.get(ownerOf(caller), request.params.id ?? '');
      if (!upload) return failure(404, GONE);
      if (upload.confirming) return failure(409, 'This import is already under way. Wait for it to finish.');
      upload.confirming = true;
      try {
        const response = await run(upload, request.body, false);
        if (response.status === 200) uploads.drop(ownerOf(caller), upload.id);
        return response;
      } finally {
        upload.confirming = false;
      }
    }),
    officerRoute('/api/import/uploads/:id/cancel', async (request, caller) => ok({ dropped: uploads.drop(ownerOf(caller), request.params.id ?? '') })),
  ];
}
