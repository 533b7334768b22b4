/**
 * The equality reporting duties a UK council has, by nation, as data. Each says what is due, the
 * law it comes from and how its date falls. A date the law does not fix (a council-chosen date, a
 * rule that differs locally, a cycle that depends on when the council last published) carries
 * `check: true`, and every screen and card says "check this date" beside it: an uncertain date is
 * never shown as a certain one.
 *
 * Sources (legislation.gov.uk unless said):
 * - England: The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017
 *   (SI 2017/353), https://www.legislation.gov.uk/uksi/2017/353 : reg. 4 equality information at
 *   intervals of not more than one year from the last publication, reg. 5 equality objectives at
 *   least every four years, reg. 3 and Schedule 1 gender pay gap for 250+ employees, snapshot
 *   31 March, published within 12 months (so by 30 March). EHRC guidance:
 *   https://www.equalityhumanrights.com/guidance/public-sector-equality-duty-psed
 * - Wales: The Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 (SI 2011/1064 (W.155)),
 *   https://www.legislation.gov.uk/wsi/2011/1064 : reg. 16 annual report for 1 April to 31 March,
 *   published by 31 March of the following year; reg. 3 equality objectives (the Strategic Equality
 *   Plan's) first by 2 April 2012 and reviewed at least every four years; reg. 11 pay differences
 *   (an objective and action, not a fixed publication date).
 * - Scotland: The Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 (SSI 2012/162),
 *   https://www.legislation.gov.uk/ssi/2012/162 : reg. 3 mainstreaming report by 30 April 2013 and
 *   then at intervals of not more than two years; reg. 4 equality outcomes by 30 April 2013 and then
 *   at least every four years. Amended by SSI 2016/159 (reg. 8A,
 *   https://www.legislation.gov.uk/ssi/2016/159/regulation/7/made): gender pay gap by 30 April 2017
 *   and each second year after, for authorities with 20 or more employees.
 * - Northern Ireland: Northern Ireland Act 1998, section 75 and Schedule 9 (equality schemes);
 *   the Equality Commission for Northern Ireland asks for each public authority's annual progress
 *   report by 31 August, https://www.equalityni.org/Employers-Service-Providers/Public-Authorities/Section75/Annual-progress-reports
 *   No gender pay gap reporting duty is in force there (the Employment Act (Northern Ireland) 2016,
 *   section 19, awaits regulations).
 */

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_NAMES: Record<Nation, string> = { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' };

/** A day of the year (month 1-12). */
export interface DayOfYear {
  month: number;
  day: number;
}

/**
 * How a duty's date falls:
 * - `yearly`: on this day every year;
 * - `cycle`: on this day every `years` years, counting from `since` (2013, 2015, 2017… for a two-year cycle since 2013);
 * - `after-plan-start`: every `years` years from the plan's start date; without a start date,
 *   `otherwise`'s cycle, or no date at all.
 */
export type DateRule =
  | ({ kind: 'yearly' } & DayOfYear)
  | CycleRule
  | { kind: 'after-plan-start'; years: number; otherwise?: CycleRule };

export type CycleRule = { kind: 'cycle'; years: number; since: number } & DayOfYear;

export interface StatutoryDuty {
  id: string;
  title: string;
  /** Plain English: what the council has to publish or send. */
  whatIsDue: string;
  /** The law (or the regulator's requirement) it comes from. */
  basis: string;
  rule: DateRule;
  nations: readonly Nation[];
  /** Only for councils with at least this many staff (an unknown headcount is flagged "check this date"). */
  minStaff?: number;
  /** The date is not one the law fixes for certain: show "check this date". */
  check: boolean;
  /** The law sets an interval, not a day: the date is a sensible default the council may change. */
  councilChosen?: boolean;
  /** Why to check the date, or how it is worked out. */
  note?: string;
}

const ENGLAND_REGS = 'Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017';
const WALES_REGS = 'Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011';
const SCOTLAND_REGS = 'Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012';
const PAY_GAP_ELSEWHERE = 'Pay gap rules for public bodies here differ from England\'s: check what applies to your council and when.';

export const STATUTORY_DUTIES: readonly StatutoryDuty[] = [
  {
    id: 'england-equality-information',
    title: 'Equality information',
    whatIsDue: 'Publish information showing how the council meets the public sector equality duty, about its staff and the people its services affect.',
    basis: `${ENGLAND_REGS}, regulation 4`,
    rule: { kind: 'yearly', month: 1, day: 31 },
    nations: ['england'],
    check: true,
    councilChosen: true,
    note: 'The regulations set no fixed date: publish at least once a year, within a year of the last publication. 31 January is a default; use your own date.',
  },
  {
    id: 'england-equality-objectives',
    title: 'Equality objectives',
    whatIsDue: 'Prepare and publish one or more specific, measurable equality objectives.',
    basis: `${ENGLAND_REGS}, regulation 5`,
    rule: { kind: 'after-plan-start', years: 4 },
    nations: ['england'],
    check: true,
    note: 'At least every four years from the last publication: worked out from the plan\'s start date.',
  },
  {
    id: 'england-gender-pay-gap',
    title: 'Gender pay gap report',
    whatIsDue: 'Publish the gender pay gap figures for the snapshot date of 31 March the year before, on the council\'s website and the government\'s service.',
    basis: `${ENGLAND_REGS}, regulation 3 and Schedule 1`,
    rule: { kind: 'yearly', month: 3, day: 30 },
    nations: ['england'],
    minStaff: 250,
    check: false,
  },
  {
    id: 'wales-annual-report',
    title: 'Annual equality report',
    whatIsDue: 'Publish the annual report for the year 1 April to 31 March: progress on the equality objectives and the employment information.',
    basis: `${WALES_REGS}, regulation 16`,
    rule: { kind: 'yearly', month: 3, day: 31 },
    nations: ['wales'],
    check: false,
  },
  {
    id: 'wales-strategic-equality-plan',
    title: 'Strategic Equality Plan review',
    whatIsDue: 'Review the equality objectives and publish the revised Strategic Equality Plan.',
    basis: `${WALES_REGS}, regulations 3 and 14`,
    rule: { kind: 'after-plan-start', years: 4, otherwise: { kind: 'cycle', years: 4, since: 2012, month: 3, day: 31 } },
    nations: ['wales'],
    check: true,
    note: 'At least every four years: from the plan\'s start date when known, else the cycle from the first plans of April 2012 (2024, 2028). Check your own cycle.',
  },
  {
    id: 'wales-pay-differences',
    title: 'Pay differences',
    whatIsDue: 'Publish the council\'s information and objective on gender pay differences.',
    basis: `${WALES_REGS}, regulation 11`,
    rule: { kind: 'yearly', month: 3, day: 30 },
    nations: ['wales'],
    minStaff: 250,
    check: true,
    note: PAY_GAP_ELSEWHERE,
  },
  {
    id: 'scotland-mainstreaming-report',
    title: 'Mainstreaming report',
    whatIsDue: 'Publish the report on progress in making the equality duty part of everything the council does, with progress on the equality outcomes.',
    basis: `${SCOTLAND_REGS}, regulations 3 and 4(4)`,
    rule: { kind: 'cycle', years: 2, since: 2013, month: 4, day: 30 },
    nations: ['scotland'],
    check: false,
  },
  {
    id: 'scotland-equality-outcomes',
    title: 'Equality outcomes',
    whatIsDue: 'Publish a new set of equality outcomes.',
    basis: `${SCOTLAND_REGS}, regulation 4`,
    rule: { kind: 'cycle', years: 4, since: 2013, month: 4, day: 30 },
    nations: ['scotland'],
    check: false,
  },
  {
    id: 'scotland-gender-pay-gap',
    title: 'Gender pay gap information',
    whatIsDue: 'Publish the percentage difference between men\'s and women\'s average hourly pay.',
    basis: `${SCOTLAND_REGS}, regulations 7 and 8A (as amended in 2016)`,
    rule: { kind: 'cycle', years: 2, since: 2017, month: 4, day: 30 },
    nations: ['scotland'],
    minStaff: 20,
    check: false,
  },
  {
    id: 'ni-annual-progress-report',
    title: 'Annual progress report',
    whatIsDue: 'Send the annual progress report on the equality scheme (section 75) to the Equality Commission for Northern Ireland.',
    basis: 'Northern Ireland Act 1998, section 75 and Schedule 9; Equality Commission for Northern Ireland',
    rule: { kind: 'yearly', month: 8, day: 31 },
    nations: ['northern-ireland'],
    check: false,
  },
  {
    id: 'ni-gender-pay-gap',
    title: 'Gender pay gap report',
    whatIsDue: 'Publish gender pay gap information, if the council has chosen to or rules now require it.',
    basis: 'Employment Act (Northern Ireland) 2016, section 19 (not yet in force)',
    rule: { kind: 'yearly', month: 3, day: 30 },
    nations: ['northern-ireland'],
    minStaff: 250,
    check: true,
    note: PAY_GAP_ELSEWHERE,
  },
];

/** The duties of one nation's councils, before any staff-count rule. */
export function dutiesFor(nation: Nation): StatutoryDuty[] {
  return STATUTORY_DUTIES.filter((d) => d.nations.includes(nation));
}
