/** Action.Execute verbs: named once, used by the cards and by the invoke router. */
export const CardVerb = {
  openUpdateForm: 'edi.update.open',
  submitUpdate: 'edi.update.submit',
  showMyTasks: 'edi.tasks.mine',
  decideApproval: 'edi.approval.decide',
  /** Shows an approval as it stands now: the refresh of approval cards, and "Review" in the pending list. */
  viewApproval: 'edi.approval.view',
  showPendingApprovals: 'edi.approvals.pending',
  openDelegateForm: 'edi.task.delegate.open',
  delegateTask: 'edi.task.delegate',
  /** A task's comment thread, with a box to add one (owners and its accountable officer). */
  openComments: 'edi.task.comments.open',
  postComment: 'edi.task.comments.post',
} as const;

export type CardVerbName = (typeof CardVerb)[keyof typeof CardVerb];
