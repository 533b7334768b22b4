import { REMINDER_OUTCOMES, type ReminderLogInput } from '../../../model';
import { choice, instant, json, personSchema, text, writeOnly } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<ReminderLogInput>();

export const reminderTable: ColumnTable<ReminderLogInput> = {
  columns: [
    title('trigger', writeOnly(text, (trigger: string | undefined) => trigger || 'reminder')),
    col('key', 'Key', text, { required: true, unique: true }),
    col('taskId', 'TaskId', text, { required: true, indexed: true }),
    col('trigger', 'Trigger', text, { orElse: '' }),
    col('recipient', 'RecipientJson', json(personSchema), { required: true }),
    col('sentAt', 'SentAt', instant, { required: true }),
    col('outcome', 'Outcome', choice(REMINDER_OUTCOMES), { required: true }),
    col('detail', 'Detail', text),
  ],
};
