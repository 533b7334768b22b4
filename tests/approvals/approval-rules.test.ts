import assert from 'node:assert/strict';
import { needsApproval, type ApprovalRequirement } from '../../core/approvals/approval-policy';
import { resolveApprover } from '../../core/approvals/resolve-approver';
import { workingDaysSince } from '../../core/approvals/working-days';
import type { Rag } from '../../core/model';
import type { Directory } from '../../core/ports/directory';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { alice, bob, carol } from '../support/builders';

const dave = { aadObjectId: 'aad-dave', displayName: 'Dave Lead', email: 'dave@example.gov.uk' };

function directory(managers: Record<string, typeof alice | undefined>): Directory {
  return {
    findById: async (id) => [alice, bob, carol, dave].find((p) => p.aadObjectId === id),
    search: async () => [],
    managerOf: async (id) => managers[id],
  };
}

describe('approval policy', () => {
  const cases: [ApprovalRequirement, Rag, Rag, boolean][] = [
    ['every-change', 'Green', 'Amber', true],
    ['every-change', 'Amber', 'Green', true],
    ['every-change', 'Green', 'Complete', true],
    ['every-change', 'Green', 'Green', false],
    ['improvements', 'Amber', 'Red', false],
    ['improvements', 'Red', 'Amber', true],
    ['improvements', 'Not started', 'Red', true],
    ['improvements', 'Green', 'Complete', true],
    ['complete-only', 'Amber', 'Red', false],
    ['complete-only', 'Green', 'Complete', true],
    ['none', 'Green', 'Complete', false],
  ];
  for (const [requiredFor, from, to, expected] of cases) {
    it(`${requiredFor}: ${from} -> ${to} ${expected ? 'needs' : 'does not need'} approval`, () => {
      assert.equal(needsApproval(from, to, { requiredFor }), expected);
    });
  }
});

describe('approver resolution', () => {
  it('is the accountable officer first', async () => {
    assert.deepEqual(await resolveApprover({ accountableOfficer: bob }, alice, directory({ [alice.aadObjectId]: carol }), [dave]), { approver: bob, route: 'accountable-officer' });
  });

  it('is the requester\'s manager when there is no accountable officer, or when the requester is it', async () => {
    assert.deepEqual(await resolveApprover({}, alice, directory({ [alice.aadObjectId]: carol }), [dave]), { approver: carol, route: 'manager' });
    assert.deepEqual(await resolveApprover({ accountableOfficer: alice }, alice, directory({ [alice.aadObjectId]: carol }), [dave]), { approver: carol, route: 'manager' });
  });

  it('falls to the first EDI lead who is not the requester, named from the directory', async () => {
    assert.deepEqual(await resolveApprover({}, alice, directory({}), [alice, { ...dave, displayName: 'EDI lead' }]), { approver: dave, route: 'edi-lead' });
  });

  it('is nobody when only the requester is left', async () => {
    assert.equal(await resolveApprover({ accountableOfficer: alice }, alice, directory({ [alice.aadObjectId]: alice }), [alice]), undefined);
  });
});

describe('working days since', () => {
  const calendar = ukWorkingCalendar('ENG');
  it('skips weekends and bank holidays', () => {
    assert.equal(workingDaysSince('2026-11-20', '2026-11-20', calendar), 0); // same Friday
    assert.equal(workingDaysSince('2026-11-20', '2026-11-23', calendar), 1); // Fri -> Mon
    assert.equal(workingDaysSince('2026-12-24', '2026-12-29', calendar), 1); // Christmas, Boxing Day (substitute 28th) skipped
    assert.equal(workingDaysSince('2026-11-23', '2026-11-26', calendar), 3);
  });
});
