import fs from 'node:fs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { demoUsers, type DemoUser } from '../../bot/demo/demo-users';
import type { ImportMapping } from '../../core/import/columns/mapping-file';
import type { ImportedTask, ImportReport } from '../../core/import/import-report';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { importPlan } from '../../core/use-cases/import-plan';
import { fixtureFile } from '../fixtures/import/build-fixtures';
import type { FixtureFormat, PlanLayout } from '../fixtures/import/plan-layouts';

/** "Today" for every import test: deadline wording without a year is read against it. */
export const TODAY = new Date('2025-09-01T09:00:00Z');
export const clock = fixedClock(TODAY);

/** The demo council's people, plus two people with the same name (an ambiguous owner). */
const chrisOne: DemoUser = { aadObjectId: 'aad-chris-1', displayName: 'Chris Taylor', email: 'chris.taylor@northvale.example.gov.uk', jobTitle: 'Housing Officer' };
const chrisTwo: DemoUser = { aadObjectId: 'aad-chris-2', displayName: 'Chris Taylor', email: 'c.taylor@northvale.example.gov.uk', jobTitle: 'Planning Officer' };
export const directory = demoDirectory([...Object.values(demoUsers), chrisOne, chrisTwo]);

export const person = (key: keyof typeof demoUsers) => demoUsers[key].displayName;

export function openStore(): PlanStore {
  return SqlitePlanStore.open(':memory:');
}

export function fixtureBytes(layout: PlanLayout, format: FixtureFormat): Buffer {
  return fs.readFileSync(fixtureFile(layout, format));
}

export function runImport(store: PlanStore, bytes: Uint8Array, fileName: string, options: { dryRun?: boolean; mapping?: ImportMapping } = {}): Promise<ImportReport> {
  return importPlan({ store, clock, directory }, { bytes, fileName, dryRun: options.dryRun ?? false, ...(options.mapping && { mapping: options.mapping }) });
}

/** An imported task as the tests compare it: people by name, only the fields that are set. */
export function projectTask(t: ImportedTask): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ref: t.ref,
    title: t.title,
    objective: t.objective,
    kind: t.kind,
    owners: t.owners.map((o) => o.displayName),
    unassignedOwners: t.unassignedOwners,
    rag: t.rag,
    status: t.status,
  };
  const optional: Record<string, unknown> = {
    refGenerated: t.refGenerated || undefined,
    indicator: t.indicator,
    description: t.description,
    accountableOfficer: t.accountableOfficer?.displayName,
    accountableOfficerText: t.accountableOfficerText,
    leadService: t.leadService,
    supportingServices: t.supportingServices,
    desiredOutcome: t.desiredOutcome,
    successMeasure: t.successMeasure,
    groupsImpacted: t.groupsImpacted.length ? t.groupsImpacted : undefined,
    strategy: t.strategy,
    dueDate: t.dueDate,
    dueText: t.dueText,
    deadlineNote: t.deadlineNote,
    percentComplete: t.percentComplete,
    latestUpdate: t.latestUpdate,
    evidence: t.evidence,
    risks: t.risks,
    history: t.history.length ? t.history.map(({ round, date, text, rag }) => ({ round, date, text, ...(rag && { rag }) })) : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) out[k] = v;
  return out;
}

export const warningsOf = (report: ImportReport) => report.warnings.map((w) => [w.code, w.ref ?? null] as const);
