import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { PlanStore } from '../../ports/plan-store';
import type { SharePointSite } from './sharepoint-site';

type PersonRecords = Pick<PlanStore, 'tryAddReminder' | 'setReminderOutcome' | 'reclaimReminder' | 'listReminders' | 'saveConversation' | 'getConversation' | 'listConversations' | 'deleteConversation'>;

/** The Reminder Log and Bot Conversations lists: per person, shared by every plan (no PlanId). */
export class SharePointPersonRecords implements PersonRecords {
  constructor(private readonly site: SharePointSite) {}

  private get items() {
    return this.site.items;
  }

  /** The Key column is unique: of two instances inserting the same key, SharePoint lets one win. */
  tryAddReminder: PlanStore['tryAddReminder'] = async (entry) => {
    if (this.items.mirrored('reminders', 'key', entry.key)) return false;
    try {
      await this.site.create('reminders', entry, entry.key);
      return true;
    } catch (err) {
      if (err instanceof DuplicateError) return false;
      throw err;
    }
  };

  setReminderOutcome: PlanStore['setReminderOutcome'] = async (key, outcome, detail) => {
    const item = this.items.mirrored('reminders', 'key', key);
    if (!item) throw new NotFoundError('Reminder', key);
    await this.site.update('reminders', item.id, '*', { outcome, detail });
  };

  reclaimReminder: PlanStore['reclaimReminder'] = async (key, expectedVersion, at) => {
    const item = this.items.mirrored('reminders', 'key', key);
    if (!item) return false;
    try {
      await this.site.update('reminders', item.id, expectedVersion, { outcome: 'pending', detail: undefined, ...(at && { sentAt: at }) });
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  };

  listReminders: PlanStore['listReminders'] = async (taskId) => this.items.all('reminders').filter((r) => taskId === undefined || r.taskId === taskId);

  saveConversation: PlanStore['saveConversation'] = async (input) => {
    const fields = await this.site.fields('conversations', input);
    const existing = this.items.mirrored('conversations', 'aadObjectId', input.aadObjectId);
    if (existing) return this.items.patch('conversations', existing.id, '*', fields);
    return this.items.create('conversations', fields, input.aadObjectId).catch(async (err: unknown) => {
      // Another instance saved this person first: refresh and overwrite theirs.
      if (!(err instanceof DuplicateError)) throw err;
      await this.items.mirrors.conversations.sync();
      const winner = this.items.mirrored('conversations', 'aadObjectId', input.aadObjectId);
      if (!winner) throw err;
      return this.items.patch('conversations', winner.id, '*', fields);
    });
  };

  getConversation: PlanStore['getConversation'] = async (aadObjectId) => (await this.listConversations()).find((c) => c.aadObjectId === aadObjectId);
  listConversations: PlanStore['listConversations'] = async () => this.items.all('conversations');

  deleteConversation: PlanStore['deleteConversation'] = async (aadObjectId) => {
    // The mirror, then Graph (another instance may have saved it since the last delta).
    const item = this.items.mirrored('conversations', 'aadObjectId', aadObjectId) ?? (await this.items.find('conversations', 'aadObjectId', aadObjectId));
    return item ? this.items.remove('conversations', item.id) : false;
  };
}
