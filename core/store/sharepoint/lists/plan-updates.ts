import { RAG_VALUES, type UpdateInput } from '../../../model';
import { choice, dateOnly, instant, json, note, number, person, personSchema, text, writeOnly } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn } from './plan-columns';

const { col, title } = columnsOf<UpdateInput>();

export const updateTable: ColumnTable<UpdateInput> = {
  columns: [
    // The task ref, for people reading the list.
    title('taskRef', writeOnly(text)),
    col('taskId', 'TaskId', text, { required: true, indexed: true }),
    // The plan of the task (or objective) it follows, when it was written.
    planIdColumn(),
    col('taskRef', 'TaskRef', text, { required: true, indexed: true }),
    col('round', 'Round', text),
    col('submittedBy', 'SubmittedBy', person),
    col('submittedBy', 'SubmittedByJson', json(personSchema), { required: true }),
    col('submittedAt', 'SubmittedAt', instant, { required: true, indexed: true }),
    col('progress', 'Progress', note, { required: true }),
    col('ragProposed', 'RagProposed', choice(RAG_VALUES)),
    col('evidence', 'Evidence', note),
    col('risks', 'Risks', note),
    col('supportNeeded', 'SupportNeeded', note),
    col('revisedDueDateRequested', 'RevisedDueDateRequested', dateOnly),
    // The measure's value the update gave (https://learn.microsoft.com/en-us/graph/api/resources/numbercolumn).
    col('measureValue', 'MeasureValue', number),
    col('idempotencyKey', 'IdempotencyKey', text, { required: true, unique: true }),
  ],
};
