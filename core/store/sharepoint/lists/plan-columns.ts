import type { Column, Fields } from '../columns/column';
import { text } from '../columns/codecs';

/**
 * The columns that say which plan an item belongs to (issue 20: one site holds every plan). The
 * store writes them itself; no domain key holds them (a record's `planId` is read from PlanId).
 *
 * - PlanId, indexed: the plan's Plans item id. Items written before plans existed have none and
 *   are the first plan's (the lowest Plans id): read so, never rewritten, so an upgrade costs no
 *   write per item (Graph throttling).
 * - PlanRef, unique (Plan Objectives and Plan Tasks): `<planId>:<ref>`, written with every create
 *   and ref change. SharePoint has no unique constraint over two columns, so this one column keeps a
 *   ref unique within its plan while Ref itself may repeat across plans.
 */
export const PLAN_ID = 'PlanId';
export const PLAN_REF = 'PlanRef';

export function planIdColumn<R>(): Column<R> {
  return { name: PLAN_ID, ...text.column, indexed: true, codec: text };
}

export function planRefColumn<R>(): Column<R> {
  return { name: PLAN_REF, ...text.column, unique: true, codec: text };
}

/** The PlanRef value of `ref` in `planId`. */
export function planRef(planId: string, ref: string): string {
  return `${planId}:${ref}`;
}

/** The plan columns of a new item (a task's or objective's PlanRef too). */
export function planFields(planId: string, ref?: string): Fields {
  return { [PLAN_ID]: planId, ...(ref !== undefined && { [PLAN_REF]: planRef(planId, ref) }) };
}
