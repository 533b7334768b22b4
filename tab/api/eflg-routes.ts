import { eflgPackDocx } from '../../core/export/eflg-pack-docx';
import type { PlanIdentity } from '../../core/plan/plan-identity';
import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { getEflgAssessment } from '../../core/use-cases/get-eflg-assessment';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The plan against the LGA Equality Framework: `GET /api/eflg` (everyone who may see the plan)
 * and the self-assessment / peer-challenge evidence pack as Word, `GET /api/export/eflg-pack.docx`
 * (EDI officers, as the other exports). Tags are set through the task edit (PATCH /api/tasks/:id).
 */
export function eflgRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize; plan?: PlanIdentity }): ApiRoute[] {
  return [
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/eflg', need: 'viewer' }, async () => ok(await getEflgAssessment(deps))),
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/export/eflg-pack.docx', need: 'officer' }, async (_request, caller) => {
      const assessment = await getEflgAssessment(deps);
      const identity = { ...(deps.plan?.council && { council: deps.plan.council }), planTitle: deps.plan?.title?.trim() || 'Equality, Diversity and Inclusion action plan', preparedBy: caller.displayName };
      const bytes = await eflgPackDocx(assessment, identity);
      return { status: 200, file: { bytes, contentType: DOCX, fileName: `equality-framework-evidence-${assessment.asOf}.docx` } };
    }),
  ];
}
