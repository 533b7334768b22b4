import { REMINDER_OUTCOMES, type ReminderLogInput } from '../../../model';
import type { Codec } from '../columns/column';
import { choice, instant, json, personSchema, text, writeOnly } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<ReminderLogInput>();

/** A single line of text holds at most 255 characters (provisioned so): SharePoint refuses a longer write. */
export const DETAIL_MAX_CHARS = 255;

/** A failure's detail (an error message of any length) cut to fit, marked with an ellipsis. */
const detailText: Codec<string> = { ...text, write: (value) => (value === undefined ? value : fitDetail(value)) };

export function fitDetail(value: string): string {
  if (value.length <= DETAIL_MAX_CHARS) return value;
  // Never split a surrogate pair (an emoji in a message): drop a lone high surrogate at the cut.
  const cut = value.slice(0, DETAIL_MAX_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

export const reminderTable: ColumnTable<ReminderLogInput> = {
  columns: [
    title('trigger', writeOnly(text, (trigger: string | undefined) => trigger || 'reminder')),
    col('key', 'Key', text, { required: true, unique: true }),
    col('taskId', 'TaskId', text, { required: true, indexed: true }),
    col('trigger', 'Trigger', text, { orElse: '' }),
    col('recipient', 'RecipientJson', json(personSchema), { required: true }),
    col('sentAt', 'SentAt', instant, { required: true }),
    col('outcome', 'Outcome', choice(REMINDER_OUTCOMES), { required: true }),
    col('detail', 'Detail', detailText),
  ],
};
