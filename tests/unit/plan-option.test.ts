import assert from 'node:assert/strict';
import { planStoreFor } from '../../bot/cli/plan-option';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';

describe('command line --plan (npm run round, npm run import)', () => {
  it('picks a plan by key (any case) or id, keeps the default without it, and lists the plans for an unknown one', async () => {
    const store = SqlitePlanStore.open(':memory:', { now: new Date('2026-11-22T10:00:00Z') });
    const workforce = await store.plans.createPlan({ key: 'workforce-2025-28', name: 'Workforce plan', kind: 'Workforce plan', periodStart: '2025-04-01', periodEnd: '2028-03-31', state: 'Active' });
    const none = await planStoreFor(store, undefined);
    assert.ok(none.ok && none.store.planId === store.planId);
    const byKey = await planStoreFor(store, 'WORKFORCE-2025-28');
    assert.ok(byKey.ok && byKey.store.planId === workforce.id);
    const byId = await planStoreFor(store, workforce.id);
    assert.ok(byId.ok && byId.store.planId === workforce.id);
    const unknown = await planStoreFor(store, 'race-plan');
    assert.ok(!unknown.ok);
    assert.match(unknown.message, /no plan "race-plan"[\s\S]*edi-action-plan-2026-30[\s\S]*workforce-2025-28 {2}\(Workforce plan, Active\)/);
    await store.close();
  });
});
