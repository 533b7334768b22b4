import { APPROVAL_STATES, APPROVER_ROUTES, RAG_VALUES, type Person, type RagApprovalInput } from '../../../model';
import { choice, instant, json, note, personSchema, text, writeOnlyAs } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn } from './plan-columns';

const { col, titleFrom } = columnsOf<RagApprovalInput>();

export const approvalTable: ColumnTable<RagApprovalInput> = {
  columns: [
    // What was asked, for people reading the list: "<ref>: <from> to <to>".
    titleFrom((a) => (a.taskRef !== undefined && a.fromRag !== undefined && a.toRag !== undefined ? `${a.taskRef}: ${a.fromRag} to ${a.toRag}` : undefined)),
    col('key', 'Key', text, { required: true, unique: true }),
    col('taskId', 'TaskId', text, { required: true, indexed: true }),
    // The plan of the task (or objective) it follows, when it was written.
    planIdColumn(),
    col('taskRef', 'TaskRef', text, { required: true, indexed: true }),
    col('updateId', 'UpdateId', text),
    col('fromRag', 'FromRag', choice(RAG_VALUES), { required: true }),
    col('toRag', 'ToRag', choice(RAG_VALUES), { required: true }),
    col('requestedBy', 'RequestedByJson', json(personSchema), { required: true }),
    col('requestedAt', 'RequestedAt', instant, { required: true }),
    col('justification', 'Justification', note),
    col('approver', 'ApproverJson', json(personSchema), { required: true }),
    // The approver's AAD object id, indexed so "my pending decisions" is a cheap query.
    col('approver', 'ApproverId', writeOnlyAs(text, (approver: Person | undefined) => approver?.aadObjectId), { required: true, indexed: true }),
    col('route', 'Route', choice(APPROVER_ROUTES), { required: true }),
    col('state', 'State', choice(APPROVAL_STATES), { required: true, indexed: true }),
    col('decidedBy', 'DecidedByJson', json(personSchema)),
    col('decidedAt', 'DecidedAt', instant),
    col('comment', 'Comment', note),
    col('supersededBy', 'SupersededBy', text),
    col('approverActivityId', 'ApproverActivityId', text),
    col('ownerActivityId', 'OwnerActivityId', text),
    col('chasedAt', 'ChasedAt', instant),
    col('escalatedAt', 'EscalatedAt', instant),
  ],
};
