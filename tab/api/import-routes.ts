import { ImportFileError } from '../../core/import/import-errors';
import { MAX_IMPORT_BYTES } from '../../core/import/source/plan-source';
import { buildImportTemplate, TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME } from '../../core/import/template/import-template';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { PlanStore } from '../../core/ports/plan-store';
import { importPlan } from '../../core/use-cases/import-plan';
import { failure, ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';
import { importFileFailure, importUploadRoutes } from './import-upload-routes';
import type { ImportUploads } from './import-uploads';

export interface ImportRoutesDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
  authorize: Authorize;
  /** The preview's uploads held in memory; one store per process by default. */
  importUploads?: ImportUploads;
}

/**
 * `POST /api/import?fileName=plan.xlsx&dryRun=true|false` (EDI officers): the file is the raw
 * `application/octet-stream` body; the answer is the same ImportReport as `npm run import -- --json`.
 * Without `dryRun` the upload is a dry run, so nothing is written by accident.
 * `GET /api/import/template.xlsx` (anyone signed in): the blank plan template.
 * The tab's preview (upload once, then dry runs with the officer's mapping): import-upload-routes.ts.
 */
export function importRoutes(deps: ImportRoutesDeps): ApiRoute[] {
  const { authorize } = deps;
  return [
    guardedRoute(authorize, { method: 'POST', path: '/api/import', need: 'officer', maxBodyBytes: MAX_IMPORT_BYTES }, async (request) => {
      const fileName = request.query.fileName?.trim();
      if (!fileName) return failure(400, 'Say which file this is: add ?fileName=<name of the file> to the request.');
      const dryRunParam = request.query.dryRun?.trim().toLowerCase();
      if (dryRunParam !== undefined && dryRunParam !== 'true' && dryRunParam !== 'false') return failure(400, 'dryRun must be true or false.');
      if (!(request.body instanceof Uint8Array)) return failure(415, 'Send the plan file itself as the request body, with Content-Type: application/octet-stream.');
      try {
        return ok(await importPlan(deps, { bytes: request.body, fileName, dryRun: dryRunParam !== 'false' }));
      } catch (err) {
        if (err instanceof ImportFileError) return importFileFailure(err);
        throw err;
      }
    }),
    ...importUploadRoutes(deps),
    guardedRoute(authorize, { method: 'GET', path: '/api/import/template.xlsx', need: 'viewer' }, async () => ({
      status: 200,
      file: { bytes: await buildImportTemplate(), contentType: TEMPLATE_CONTENT_TYPE, fileName: TEMPLATE_FILE_NAME },
    })),
  ];
}
