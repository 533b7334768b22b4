import type { ListMirror, MirroredItem } from './list-mirror';
import type { ListKey } from './list-schema';
import { PLAN_ID } from './lists/plan-columns';

/** The lists whose records carry their plan's id when read (objectives, tasks, rounds). */
export const READS_PLAN: ReadonlySet<ListKey> = new Set<ListKey>(['objectives', 'tasks', 'rounds']);

/**
 * Which plan a mirrored item belongs to. An item's PlanId says; an item without one was written
 * before plans existed and is the first plan's: the lowest Plans item id, which never changes once
 * the store has made (or found) it at connect. Read so, not rewritten: an upgrade writes nothing
 * per item.
 */
export class PlanScope {
  private first?: { changes: number; id: string | undefined };

  constructor(private readonly mirrors: Record<ListKey, ListMirror>) {}

  /** The lowest Plans item id (undefined only before connect has made the first plan). */
  firstPlanId(): string | undefined {
    const plans = this.mirrors.plans;
    if (this.first?.changes !== plans.changeCount) {
      const ids = plans.all().map((i) => Number(i.id)).filter(Number.isFinite);
      this.first = { changes: plans.changeCount, id: ids.length ? String(Math.min(...ids)) : undefined };
    }
    return this.first.id;
  }

  isFirst(planId: string): boolean {
    return planId === this.firstPlanId();
  }

  planOf(item: MirroredItem): string {
    const value = item.fields[PLAN_ID];
    return value !== undefined && value !== null && value !== '' ? String(value) : (this.firstPlanId() ?? '');
  }

  /** The plan of a list's item by id; `fallback` when the mirror does not hold it (it has gone). */
  planOfId(list: ListKey, id: string, fallback: string): string {
    const item = this.mirrors[list].get(id);
    return item ? this.planOf(item) : fallback;
  }

  /** The plan's items of a list, by id. */
  itemsOf(list: ListKey, planId: string): MirroredItem[] {
    return this.mirrors[list]
      .all()
      .filter((i) => this.planOf(i) === planId)
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * Another item of the plan holding `ref` (compared as SharePoint compares unique text: ignoring
   * case). PlanRef's uniqueness refuses one another instance writes; this also covers items written
   * before plans, which have no PlanRef (and Ref, once unique, no longer is).
   */
  refHolder(list: 'objectives' | 'tasks', planId: string, ref: string, selfId?: string): MirroredItem | undefined {
    const wanted = ref.toLowerCase();
    return this.mirrors[list].all().find((i) => i.id !== selfId && String(i.fields.Ref ?? '').toLowerCase() === wanted && this.planOf(i) === planId);
  }
}
