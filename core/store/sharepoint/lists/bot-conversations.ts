import { z } from 'zod';
import type { ConversationRecordInput } from '../../../model';
import { instant, json, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<ConversationRecordInput>();

/** What an item without UpdatedAt reads as: saved before any real save. */
const EPOCH = new Date(0).toISOString();

export const conversationTable: ColumnTable<ConversationRecordInput> = {
  columns: [
    // The person's name, so the list reads as people in Microsoft Lists; their id when unknown.
    title('displayName', text),
    col('aadObjectId', 'AadObjectId', text, { required: true, unique: true }),
    col('tenantId', 'TenantId', text),
    // The Teams user id (29:…, at most ~100 characters) for cards' refresh.userIds.
    col('teamsUserId', 'TeamsUserId', text),
    col('reference', 'ReferenceJson', json(z.record(z.string(), z.unknown())), { required: true, orElse: {} }),
    col('updatedAt', 'UpdatedAt', instant, { required: true, orElse: EPOCH }),
  ],
  replaces: true,
  toStored: (c) => ({ ...c, displayName: c.displayName ?? c.aadObjectId }),
  fromStored: ({ displayName, ...c }) => (displayName === undefined || displayName === c.aadObjectId ? c : { ...c, displayName }),
};
