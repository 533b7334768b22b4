import type { TaskCommentInput } from '../../../model';
import { instant, json, note, person, personSchema, text, writeOnly } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn } from './plan-columns';

const { col, title } = columnsOf<TaskCommentInput>();

// Not "Author": every list has that column built in (Created By).
export const commentTable: ColumnTable<TaskCommentInput> = {
  columns: [
    // The task ref, for people reading the list.
    title('taskRef', writeOnly(text)),
    col('key', 'Key', text, { required: true, unique: true }),
    col('taskId', 'TaskId', text, { required: true, indexed: true }),
    // The plan of the task (or objective) it follows, when it was written.
    planIdColumn(),
    col('taskRef', 'TaskRef', text, { required: true, indexed: true }),
    col('author', 'PostedBy', person),
    col('author', 'PostedByJson', json(personSchema), { required: true }),
    col('postedAt', 'PostedAt', instant, { required: true, indexed: true }),
    col('text', 'Comment', note, { required: true }),
  ],
};
