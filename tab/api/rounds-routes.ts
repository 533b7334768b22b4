import { z } from 'zod';
import type { UpdateRound } from '../../core/model';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { closeRound } from '../../core/use-cases/close-round';
import { getRoundStatus } from '../../core/use-cases/get-round-status';
import { openRound } from '../../core/use-cases/open-round';
import { invalidFields, ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

export interface RoundsRouteDeps {
  store: PlanStore;
  clock: Clock;
  authorize: Authorize;
  log?: Logger;
}

const refs = z.array(z.string().max(50, { error: 'A ref is at most 50 characters.' }), { error: 'List the refs, for example ["1", "2"].' }).max(1000, { error: 'Name at most 1,000 refs.' });

/** The request's shape only; the rules (name length, a date after today, refs that exist) are openRound's. */
const openRoundBody = z.object({
  name: z.string({ error: 'Give the round a name, for example "Board report March 2026".' }).max(1000, { error: 'The name is too long.' }),
  dueDate: z.string({ error: 'Give a due date as year-month-day, for example 2026-03-20.' }).max(40, { error: 'Give a due date as year-month-day, for example 2026-03-20.' }),
  scope: z.discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('all-open') }), z.object({ kind: z.literal('objectives'), refs }), z.object({ kind: z.literal('tasks'), refs })],
    { error: 'Choose which tasks the round asks about: all open tasks, some objectives or some tasks.' },
  ),
});

const listed = (r: UpdateRound) => ({ id: r.id, name: r.name, dueDate: r.dueDate, state: r.state, opensAt: r.opensAt, ...(r.closedAt && { closedAt: r.closedAt }) });

/** Update rounds: list and status for everyone; open and close for EDI officers. */
export function roundsRoutes(deps: RoundsRouteDeps): ApiRoute[] {
  const { authorize } = deps;
  const notFound = 'There is no such update round: it may have been removed. Reload the page.';
  return [
    guardedRoute(authorize, { method: 'GET', path: '/api/rounds', need: 'viewer' }, async () => {
      const rounds = await deps.store.listRounds();
      const current = rounds.length > 0 ? await getRoundStatus(deps) : undefined;
      // Newest first: the order an officer looks for them in.
      return ok({ ...(current && { current }), rounds: rounds.map(listed).reverse() });
    }),

    guardedRoute(authorize, { method: 'POST', path: '/api/rounds', need: 'officer', maxBodyBytes: 64 * 1024 }, async (request, caller) => {
      const parsed = openRoundBody.safeParse(request.body);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'body')] ??= issue.message;
        return invalidFields(Object.values(errors).join(' '), errors);
      }
      const opened = await openRound(deps, parsed.data);
      deps.log?.info({ roundId: opened.round.id, by: caller.aadObjectId, tasks: opened.tasks.length }, 'update round opened from the tab');
      return ok(await getRoundStatus(deps, { roundId: opened.round.id }), 201);
    }),

    guardedRoute(authorize, { method: 'POST', path: '/api/rounds/:id/close', need: 'officer', notFound }, async (request, caller) => {
      const id = request.params.id ?? '';
      await closeRound(deps, { roundId: id });
      deps.log?.info({ roundId: id, by: caller.aadObjectId }, 'update round closed from the tab');
      return ok(await getRoundStatus(deps, { roundId: id }));
    }),
  ];
}
