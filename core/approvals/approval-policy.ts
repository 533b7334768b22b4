import type { Person, Rag } from '../model';

/**
 * Which RAG changes wait for a manager's decision:
 * - `every-change` (default): every RAG change and every Complete claim;
 * - `improvements`: only changes towards Green/Complete (bad news is never held back);
 * - `complete-only`: only Complete claims;
 * - `none`: RAG changes apply at once.
 */
export const APPROVAL_REQUIREMENTS = ['every-change', 'improvements', 'complete-only', 'none'] as const;
export type ApprovalRequirement = (typeof APPROVAL_REQUIREMENTS)[number];

export interface ApprovalPolicy {
  requiredFor: ApprovalRequirement;
  /** Working days a decision may wait before the approver is chased once, and again before the EDI leads are told. */
  chaseAfterWorkingDays: number;
  /** The last approvers in line, and who hears about decisions left waiting. */
  ediLeads: Person[];
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = { requiredFor: 'every-change', chaseAfterWorkingDays: 3, ediLeads: [] };

/**
 * Which decisions need the approver's reason: a rejection must tell the owner what to do next; an
 * approval needs none, which is what lets a manager approve several at once ("Approve all").
 */
export function decisionNeedsReason(decision: 'approve' | 'reject'): boolean {
  return decision === 'reject';
}

// How good a RAG is, for "is this an improvement?"; Not started sits below Red.
const STANDING: Record<Rag, number> = { 'Not started': 0, Red: 1, Amber: 2, Green: 3, Complete: 4 };

export function needsApproval(from: Rag, to: Rag, policy: Pick<ApprovalPolicy, 'requiredFor'>): boolean {
  if (from === to) return false;
  switch (policy.requiredFor) {
    case 'every-change':
      return true;
    case 'improvements':
      return STANDING[to] > STANDING[from];
    case 'complete-only':
      return to === 'Complete';
    case 'none':
      return false;
  }
}
