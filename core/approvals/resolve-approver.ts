import type { ApproverRoute, Person, Task } from '../model';
import type { Directory } from '../ports/directory';

export interface ResolvedApprover {
  approver: Person;
  route: ApproverRoute;
}

/**
 * Who decides a RAG change: the task's accountable officer, else the requester's manager from the
 * directory, else the first EDI lead. Never the requester: whoever would approve their own change
 * is skipped for the next in line. Undefined when nobody is left.
 */
export async function resolveApprover(task: Pick<Task, 'accountableOfficer'>, requester: Person, directory: Directory, ediLeads: readonly Person[]): Promise<ResolvedApprover | undefined> {
  const notRequester = (p: Person | undefined): p is Person => p !== undefined && p.aadObjectId !== requester.aadObjectId;
  if (notRequester(task.accountableOfficer)) return { approver: task.accountableOfficer, route: 'accountable-officer' };
  const manager = await directory.managerOf(requester.aadObjectId);
  if (notRequester(manager)) return { approver: manager, route: 'manager' };
  const lead = ediLeads.find(notRequester);
  if (lead) return { approver: (await directory.findById(lead.aadObjectId)) ?? lead, route: 'edi-lead' };
  return undefined;
}
