import type { StatutoryReminder } from '../../core/calendar/statutory-reminders';
import type { Person } from '../../core/model';
import { formatDate } from '../../core/plan/london-time';
import type { AdaptiveCardJson, OutboundCard } from '../../core/ports/messenger';
import { CardSymbol } from './card-symbols';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText } from './card-text';

/** "in 30 days", "tomorrow", "today". */
function whenText(daysAway: number): string {
  if (daysAway <= 0) return 'today';
  if (daysAway === 1) return 'tomorrow';
  return `in ${daysAway} days`;
}

function dateBlock({ date }: StatutoryReminder): Record<string, unknown> {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: cardText(date.title), weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Due', value: `${formatDate(date.due)} (${whenText(date.daysAway)})` },
          { title: 'What', value: factText(date.whatIsDue) },
          { title: 'Law', value: factText(date.basis) },
        ],
      },
      ...(date.check
        ? [{ type: 'TextBlock', text: `${CardSymbol.warning} Check this date${date.note ? `: ${cardText(date.note)}` : '.'}`, wrap: true }]
        : date.note
          ? [{ type: 'TextBlock', text: cardText(date.note), wrap: true, isSubtle: true }]
          : []),
    ],
  };
}

/** To an EDI lead: the statutory dates 30 or 7 days away, what each needs and the law behind it. */
export function statutoryReminderCard(reminders: StatutoryReminder[]): AdaptiveCardJson {
  const [first] = reminders;
  const heading = reminders.length === 1 && first ? `Statutory date: ${first.date.title}, due ${formatDate(first.date.due)}` : `${reminders.length} statutory dates are coming up`;
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: cardText(heading), weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'To gather what owners need to report, open an update round from the action plan tab: Statutory dates, "Open a round for this".',
      },
      ...reminders.map(dateBlock),
    ],
  };
}

/** The sweep's render for statutory reminders (core/use-cases/remind-statutory-dates.ts). */
export function renderStatutoryReminder(_lead: Person, reminders: StatutoryReminder[]): OutboundCard {
  const [first] = reminders;
  const summary = reminders.length === 1 && first ? `${first.date.title} is due ${formatDate(first.date.due)}` : `${reminders.length} statutory equality dates are coming up`;
  return { card: statutoryReminderCard(reminders), summary };
}
