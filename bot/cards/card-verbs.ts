/** Action.Execute verbs: named once, used by the cards and by the invoke router. */
export const CardVerb = {
  openUpdateForm: 'edi.update.open',
  submitUpdate: 'edi.update.submit',
  /** "No change since my last update": one press records that the task stands as it was. */
  confirmNoChange: 'edi.update.nochange',
  showMyTasks: 'edi.tasks.mine',
  decideApproval: 'edi.approval.decide',
  /** Shows an approval as it stands now: the refresh of approval cards, and "Review" in the pending list. */
  viewApproval: 'edi.approval.view',
  showPendingApprovals: 'edi.approvals.pending',
  /** "Approve all" on the pending list: the confirm card naming each change; then Confirm approves them one by one. */
  confirmApproveAll: 'edi.approvals.approve-all.confirm',
  approveAll: 'edi.approvals.approve-all',
  openDelegateForm: 'edi.task.delegate.open',
  delegateTask: 'edi.task.delegate',
  /** A task's comment thread, with a box to add one (owners and its accountable officer). */
  openComments: 'edi.task.comments.open',
  postComment: 'edi.task.comments.post',
} as const;

export type CardVerbName = (typeof CardVerb)[keyof typeof CardVerb];
