import { z } from 'zod';
import { EFLG_LEVELS, EFLG_MODULES, type EflgTag } from '../model';
import { eflgCriterion, eflgTagTitle } from './framework';

/**
 * A task's Equality Framework tags as an officer sends them (the tab's edit form, the API's PATCH
 * and POST): each a module 1 to 4, optionally a criterion of that module ("2.3"), and the level
 * the task evidences. One tag per criterion (or per module, for a tag naming only its module): a
 * task evidences a criterion at one level.
 */

export const EFLG_TAGS_MAX = 20;

const tag = z
  .object(
    {
      module: z.literal(EFLG_MODULES, { error: `An Equality Framework module is a number from ${EFLG_MODULES[0]} to ${EFLG_MODULES.at(-1)}.` }),
      criterion: z
        .string({ error: 'A criterion is written as its number, for example 2.3.' })
        .trim()
        .max(10, { error: 'A criterion is written as its number, for example 2.3.' })
        .nullish(),
      level: z.enum(EFLG_LEVELS, { error: `The level is one of ${EFLG_LEVELS.join(', ')}.` }),
    },
    { error: 'Each Equality Framework tag needs a module and a level.' },
  )
  .strict()
  .superRefine((t, ctx) => {
    if (!t.criterion) return;
    const c = eflgCriterion(t.criterion);
    if (!c) ctx.addIssue({ code: 'custom', message: `The Equality Framework has no criterion ${t.criterion}. Pick one from the list.` });
    else if (c.module !== t.module) ctx.addIssue({ code: 'custom', message: `Criterion ${c.id} belongs to module ${c.module}, not module ${t.module}.` });
  })
  .transform((t): EflgTag => ({ module: t.module, ...(t.criterion && { criterion: t.criterion }), level: t.level }));

const tagKey = (t: EflgTag) => t.criterion ?? `module ${t.module}`;

/** The tags field: a list (null or [] clears it), at most EFLG_TAGS_MAX, one per criterion. */
export const eflgTagsSchema = z
  .array(tag, { error: 'Equality Framework tags is a list.' })
  .max(EFLG_TAGS_MAX, { error: `A task has at most ${EFLG_TAGS_MAX} Equality Framework tags.` })
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    for (const t of tags) {
      const key = tagKey(t);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${eflgTagTitle(t)} is tagged twice: a task evidences a criterion at one level.` });
      seen.add(key);
    }
  })
  .nullable();

/** "2.3 Using equality impact assessment (Achieving); Module 4: Diverse and engaged workforce (Developing)". */
export function eflgTagsText(tags: readonly EflgTag[] | undefined): string | undefined {
  return tags?.length ? tags.map((t) => `${eflgTagTitle(t)} (${t.level})`).join('; ') : undefined;
}
