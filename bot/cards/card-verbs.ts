/** Action.Execute verbs: named once, used by the cards and by the invoke router. */
export const CardVerb = {
  openUpdateForm: 'edi.update.open',
  submitUpdate: 'edi.update.submit',
  showMyTasks: 'edi.tasks.mine',
} as const;

export type CardVerbName = (typeof CardVerb)[keyof typeof CardVerb];
