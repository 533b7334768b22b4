import { getBoardReport } from '../../core/use-cases/get-board-report';
import { boardReportDocx } from '../../core/export/board-report-docx';
import { historyCsv, planCsv } from '../../core/export/plan-csv';
import { planXlsx } from '../../core/export/plan-xlsx';
import { londonDate } from '../../core/plan/london-time';
import { parsePlanFilter } from '../../core/plan/plan-filter';
import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import type { ReminderPolicy } from '../../core/reminders/reminder-policy';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import type { ApiRoute, Authorize } from './api-route';
import type { PlanIdentity } from '../../core/plan/plan-identity';
import { guardedRoute } from './guarded-route';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Downloads for EDI officers: the current filtered view (same URL parameters as the tab) as CSV
 * or XLSX (with the history of officers' changes as a second sheet), that history as CSV, and the board paper as DOCX: the plan as of today, or `?round=<id>` for one round.
 */
export function exportRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize; reminderPolicy?: Pick<ReminderPolicy, 'daysBefore'>; plan?: PlanIdentity }): ApiRoute[] {
  const { authorize } = deps;
  return [
    guardedRoute(authorize, { method: 'GET', path: '/api/export/plan.csv', need: 'officer' }, async (request) => {
      const view = await getPlanView(deps);
      return { status: 200, file: { bytes: planCsv(view, parsePlanFilter(request.query)), contentType: 'text/csv; charset=utf-8', fileName: `edi-action-plan-${view.today}.csv` } };
    }),
    guardedRoute(authorize, { method: 'GET', path: '/api/export/plan.xlsx', need: 'officer' }, async (request) => {
      const view = await getPlanView(deps);
      const bytes = await planXlsx(view, parsePlanFilter(request.query), { title: `EDI action plan, ${view.today}` }, await deps.store.listChanges());
      return { status: 200, file: { bytes, contentType: XLSX, fileName: `edi-action-plan-${view.today}.xlsx` } };
    }),
    guardedRoute(authorize, { method: 'GET', path: '/api/export/history.csv', need: 'officer' }, async () => {
      const today = londonDate(deps.clock.now());
      return { status: 200, file: { bytes: historyCsv(await deps.store.listChanges()), contentType: 'text/csv; charset=utf-8', fileName: `edi-action-plan-history-${today}.csv` } };
    }),
    guardedRoute(
      authorize,
      { method: 'GET', path: '/api/export/board-report.docx', need: 'officer', notFound: 'There is no such update round: it may have been removed. Reload the page.' },
      async (request, caller) => {
        const roundId = request.query.round?.trim() || undefined;
        const report = await getBoardReport(deps, { roundId, preparedBy: caller.displayName });
        const name = report.basis.kind === 'round' ? fileSlug(report.basis.round.name) : report.asOf;
        return { status: 200, file: { bytes: await boardReportDocx(report), contentType: DOCX, fileName: `board-report-${name}.docx` } };
      },
    ),
  ];
}

/** "Board report March 2026" -> "board-report-march-2026" (ASCII, for every browser and file system). */
function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'round'
  );
}
