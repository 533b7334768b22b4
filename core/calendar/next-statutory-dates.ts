import { DateTime } from 'luxon';
import type { IsoDate } from '../model';
import { daysBetween, PLAN_ZONE } from '../plan/london-time';
import { dutiesFor, type CycleRule, type DateRule, type Nation, type StatutoryDuty } from './statutory-duties';

/** One occurrence of a duty: what is due, when, and whether the date needs checking. */
export interface StatutoryDate {
  dutyId: string;
  title: string;
  whatIsDue: string;
  /** yyyy-mm-dd, a London calendar day. */
  due: IsoDate;
  /** Calendar days from `from` (0 on the day itself). */
  daysAway: number;
  basis: string;
  /** Show "check this date": the law does not fix this date for certain (statutory-duties.ts). */
  check: boolean;
  councilChosen?: boolean;
  note?: string;
}

export interface StatutoryDateOptions {
  /** When the plan (and its objectives) started: duties counted from it need it, else fall back or are left out. */
  planStart?: IsoDate;
}

/**
 * The next `count` statutory dates on or after `from` for a council of this nation and headcount,
 * soonest first (same day: by duty id, so the order is stable). Pure: the same inputs give the
 * same dates. A duty for councils above a headcount is left out below it, and flagged "check this
 * date" when the headcount is unknown (leaving it out could hide a duty the council has).
 */
export function nextStatutoryDates(nation: Nation, staffCount: number | undefined, from: IsoDate, count: number, options: StatutoryDateOptions = {}): StatutoryDate[] {
  if (count <= 0) return [];
  const dates: StatutoryDate[] = [];
  for (const duty of dutiesFor(nation)) {
    if (duty.minStaff !== undefined && staffCount !== undefined && staffCount < duty.minStaff) continue;
    const unknownHeadcount = duty.minStaff !== undefined && staffCount === undefined;
    for (const due of occurrences(duty.rule, from, count, options.planStart)) dates.push(dateOf(duty, due, from, unknownHeadcount));
  }
  return dates.sort((a, b) => (a.due === b.due ? compare(a.dutyId, b.dutyId) : compare(a.due, b.due))).slice(0, count);
}

function dateOf(duty: StatutoryDuty, due: IsoDate, from: IsoDate, unknownHeadcount: boolean): StatutoryDate {
  const headcountNote = unknownHeadcount ? `Applies to councils with ${duty.minStaff} or more staff; the council's headcount is not set.` : undefined;
  const note = [duty.note, headcountNote].filter(Boolean).join(' ');
  return {
    dutyId: duty.id,
    title: duty.title,
    whatIsDue: duty.whatIsDue,
    due,
    daysAway: daysBetween(from, due),
    basis: duty.basis,
    check: duty.check || unknownHeadcount,
    ...(duty.councilChosen && { councilChosen: true }),
    ...(note && { note }),
  };
}

/** The rule's first `count` dates on or after `from`. */
function occurrences(rule: DateRule, from: IsoDate, count: number, planStart: IsoDate | undefined): IsoDate[] {
  const fromYear = Number(from.slice(0, 4));
  switch (rule.kind) {
    case 'yearly':
      return take(count, from, (i) => onDay(fromYear + i, rule));
    case 'cycle':
      return cycle(rule, from, count);
    case 'after-plan-start': {
      if (!planStart) return rule.otherwise ? cycle(rule.otherwise, from, count) : [];
      const start = DateTime.fromISO(planStart, { zone: PLAN_ZONE });
      if (!start.isValid) return [];
      // A 29 February start falls on 28 February in a year that has none (luxon clamps the day).
      const after = (k: number) => start.plus({ years: rule.years * k }).toISODate() as IsoDate;
      const skip = Math.max(1, Math.floor((fromYear - start.year) / rule.years));
      return take(count, from, (i) => after(skip + i));
    }
  }
}

function cycle(rule: CycleRule, from: IsoDate, count: number): IsoDate[] {
  const fromYear = Number(from.slice(0, 4));
  const behind = fromYear - rule.since;
  const first = rule.since + Math.max(0, Math.floor(behind / rule.years)) * rule.years;
  return take(count, from, (i) => onDay(first + i * rule.years, rule));
}

/** Candidates in increasing order; the first `count` not before `from`. Two past ones at most are skipped. */
function take(count: number, from: IsoDate, nth: (i: number) => IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let i = 0; out.length < count && i < count + 2; i++) {
    const date = nth(i);
    if (date >= from) out.push(date);
  }
  return out;
}

function onDay(year: number, { month, day }: { month: number; day: number }): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
