import type { Person } from '../model';
import type { RoundPlan } from './history-rounds';
import type { ImportAction, ImportedTask, ImportPerson, ImportReport, ImportTableReport, ImportWarning } from './import-report';
import type { TableReading } from './layout/read-rows';
import type { ObjectivePlan } from './objective-changes';
import type { PlanFileFormat } from './source/plan-source';
import type { TaskChange } from './task-changes';

const person = (p: Person): ImportPerson => ({ aadObjectId: p.aadObjectId, displayName: p.displayName, email: p.email });
const count = (actions: ImportAction[]): Record<ImportAction, number> => ({
  create: actions.filter((a) => a === 'create').length,
  update: actions.filter((a) => a === 'update').length,
  unchanged: actions.filter((a) => a === 'unchanged').length,
});

function taskLine(c: TaskChange, objectiveTitles: Map<string, string>): ImportedTask {
  const t = c.result;
  const optional = {
    indicator: t.indicator,
    description: t.description,
    ownerText: t.ownerText,
    accountableOfficer: t.accountableOfficer && person(t.accountableOfficer),
    accountableOfficerText: t.accountableOfficerText,
    leadService: t.leadService,
    supportingServices: t.supportingServices,
    desiredOutcome: t.desiredOutcome,
    successMeasure: t.successMeasure,
    measure: t.measure,
    startingPosition: t.startingPosition,
    strategy: t.strategy,
    dueDate: t.dueDate,
    dueText: t.dueText,
    deadlineNote: c.draft.deadlineNote,
    statusText: c.draft.statusText,
    percentComplete: t.percentComplete,
    latestUpdate: t.latestUpdate,
    evidence: t.evidence,
    risks: t.risks,
  };
  return {
    ref: c.draft.ref,
    refGenerated: c.draft.refGenerated,
    where: c.draft.where,
    action: c.action,
    changes: c.changes,
    title: t.title,
    objective: { ref: t.objectiveRef, title: objectiveTitles.get(t.objectiveRef) ?? t.objectiveRef },
    kind: t.kind,
    owners: t.owners.map(person),
    unassignedOwners: t.unassignedOwners ?? [],
    groupsImpacted: t.groupsImpacted,
    rag: t.rag,
    status: t.status,
    history: c.history.map((h) => ({ round: h.round, date: h.date, text: h.text, ...(h.rag && { rag: h.rag }), action: h.action })),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<ImportedTask>),
  };
}

function toAssign(changes: TaskChange[]): ImportReport['toAssign'] {
  const lists = new Map<string, ImportReport['toAssign'][number]>();
  const add = (text: string, role: 'owner' | 'accountable officer', ref: string) => {
    const key = `${role}|${text.toLowerCase()}`;
    const entry = lists.get(key) ?? { text, role, taskRefs: [] };
    if (!entry.taskRefs.includes(ref)) entry.taskRefs.push(ref);
    lists.set(key, entry);
  };
  for (const c of changes) {
    for (const name of c.result.unassignedOwners ?? []) add(name, 'owner', c.draft.ref);
    if (c.result.accountableOfficerText && !c.result.accountableOfficer) add(c.result.accountableOfficerText, 'accountable officer', c.draft.ref);
  }
  return [...lists.values()].sort((a, b) => b.taskRefs.length - a.taskRefs.length || a.text.localeCompare(b.text));
}

export function buildReport(input: {
  fileName: string;
  format: PlanFileFormat;
  dryRun: boolean;
  at: string;
  tables: TableReading[];
  objectives: ObjectivePlan[];
  changes: TaskChange[];
  rounds: RoundPlan[];
  skipped: { where: string; reason: string }[];
  warnings: ImportWarning[];
}): ImportReport {
  const titles = new Map(input.objectives.map((o) => [o.ref, o.title]));
  const tables: ImportTableReport[] = input.tables.map(({ firstRow: _firstRow, ...t }) => t);
  return {
    fileName: input.fileName,
    format: input.format,
    dryRun: input.dryRun,
    at: input.at,
    tables,
    objectives: input.objectives.map((o) => ({ ref: o.ref, title: o.title, action: o.action })),
    tasks: input.changes.map((c) => taskLine(c, titles)),
    rounds: input.rounds.map((r) => ({ name: r.name, date: r.date, action: r.action, tasks: r.lines.length })),
    skipped: input.skipped,
    warnings: input.warnings,
    toAssign: toAssign(input.changes),
    summary: {
      tasks: count(input.changes.map((c) => c.action)),
      objectives: count(input.objectives.map((o) => o.action)),
      rounds: count(input.rounds.map((r) => r.action)),
      historyEntries: input.changes.reduce((n, c) => n + c.history.filter((h) => h.action === 'create').length, 0),
      skipped: input.skipped.length,
      warnings: input.warnings.length,
    },
  };
}
