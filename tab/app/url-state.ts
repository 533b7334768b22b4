/**
 * The tab's state that belongs in its address, so a view can be shared or reloaded: the plan
 * filter (core/plan/plan-filter.ts), the open task (`task`), the view (`view=trends`, `view=eflg`; the plan
 * is the default and has no parameter), the plan (`plan`, its id or key; none: the default plan)
 * and anything else already there (`theme`). Written with replaceState: filtering is not navigation.
 */
import { useCallback, useEffect, useState } from 'react';
import { parsePlanFilter, planFilterToQuery, type PlanFilter } from '../../core/plan/plan-filter';
import { PAGE_VIEWS, type PageView } from './ViewTabs';

const FILTER_KEYS = ['rag', 'status', 'owner', 'objective', 'service', 'overdue', 'awaiting', 'pending', 'q', 'sort', 'dir'];

function writeSearch(update: (params: URLSearchParams) => string): void {
  const params = new URLSearchParams(window.location.search);
  const search = update(params);
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}

function readFilterFromUrl(): PlanFilter {
  return parsePlanFilter(new URLSearchParams(window.location.search));
}

function writeFilterToUrl(filter: PlanFilter): void {
  writeSearch((params) => {
    for (const key of FILTER_KEYS) params.delete(key);
    return [planFilterToQuery(filter), params.toString()].filter(Boolean).join('&');
  });
}

function writeParamToUrl(key: string, value: string | undefined): void {
  writeSearch((params) => {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
    return params.toString().replace(/%2C/g, ',');
  });
}

/** The plan filter, read from and written to the address. */
export function usePlanFilter(): [PlanFilter, (next: PlanFilter) => void] {
  const [filter, setFilterState] = useState<PlanFilter>(readFilterFromUrl);
  useEffect(() => {
    const onPop = () => setFilterState(readFilterFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setFilter = useCallback((next: PlanFilter) => {
    setFilterState(next);
    writeFilterToUrl(next);
  }, []);
  return [filter, setFilter];
}

/** One plain parameter (e.g. the open task's id), read from and written to the address. */
export function useUrlParam(key: string): [string | undefined, (value: string | undefined) => void] {
  const [value, setValueState] = useState(() => new URLSearchParams(window.location.search).get(key) ?? undefined);
  const setValue = useCallback(
    (next: string | undefined) => {
      setValueState(next);
      writeParamToUrl(key, next);
    },
    [key],
  );
  return [value, setValue];
}

/** The page's view: `?view=trends` opens the trends, `?view=eflg` the Equality Framework; anything else is the plan. */
export function usePageView(): [PageView, (view: PageView) => void] {
  const [value, setValue] = useUrlParam('view');
  const setView = useCallback((view: PageView) => setValue(view === 'plan' ? undefined : view), [setValue]);
  return [PAGE_VIEWS.find((v) => v === value) ?? 'plan', setView];
}

/** The `plan` the address names, if any. */
export function pagePlanParam(): string | undefined {
  return new URLSearchParams(window.location.search).get('plan')?.trim() || undefined;
}

/**
 * The address of another plan, or of a task in it: the plan's own parameters (filters, the open
 * task) are left behind, the view and the rest (`theme`) kept; a task opens in the plan view.
 */
export function planAddress(plan: string, task?: string): string {
  const kept = new URLSearchParams(window.location.search);
  for (const key of [...FILTER_KEYS, 'task', 'plan', ...(task === undefined ? [] : ['view'])]) kept.delete(key);
  const params = new URLSearchParams({ plan, ...(task !== undefined && { task }) });
  for (const [key, value] of kept) params.append(key, value);
  return `${window.location.pathname}?${params.toString()}`;
}
