import { RAG_VALUES, TASK_STATUSES, type Rag, type TaskStatus } from '../../core/model';
import type { PlanFilter } from '../../core/plan/plan-filter';

/** The plan filter a summary tile stands for: a RAG, a status, or one of the attention flags. */
export type TileFilter = { rag: Rag } | { status: TaskStatus } | { flag: 'overdue' | 'awaiting' | 'pending' };

/** Whether the tile's filter is on (a RAG or status among those chosen, or the flag set). */
export function isTileOn(filter: PlanFilter, tile: TileFilter): boolean {
  if ('rag' in tile) return filter.rag?.includes(tile.rag) ?? false;
  if ('status' in tile) return filter.status?.includes(tile.status) ?? false;
  return filter[tile.flag] === true;
}

/**
 * The filter with the tile's part turned on or off. A RAG or status joins the ones already
 * chosen (as the filter bar's multi-select does), so pressed tiles read like ticked boxes.
 */
export function toggleTile(filter: PlanFilter, tile: TileFilter): PlanFilter {
  const on = isTileOn(filter, tile);
  const next: PlanFilter = { ...filter };
  if ('rag' in tile) {
    const rag = RAG_VALUES.filter((r) => (r === tile.rag ? !on : filter.rag?.includes(r)));
    if (rag.length) next.rag = rag;
    else delete next.rag;
  } else if ('status' in tile) {
    const status = TASK_STATUSES.filter((s) => (s === tile.status ? !on : filter.status?.includes(s)));
    if (status.length) next.status = status;
    else delete next.status;
  } else if (on) delete next[tile.flag];
  else next[tile.flag] = true;
  return next;
}
