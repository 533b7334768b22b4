import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '../../errors';
import type { IsoInstant, Plan, PlanInput, PlanPatch } from '../../model';
import { firstPlanInput } from '../../plan/plans';
import type { PlanCatalogue, PlanStore } from '../../ports/plan-store';
import { rowId, toDomain, toPersistence, unique, type Row } from './sqlite-rows';

/** The Plans table. Plan 1 is what the file held before plans existed (migration 0005). */
export class SqlitePlans implements PlanCatalogue {
  constructor(
    private readonly db: Database.Database,
    /** One store per plan, made once. */
    readonly forPlan: (planId: string) => PlanStore,
  ) {}

  listPlans = async (): Promise<Plan[]> => this.listSync();
  getPlan = async (id: string): Promise<Plan | undefined> => this.get(id);
  createPlan = async (input: PlanInput): Promise<Plan> => this.create(input);
  updatePlan = async (id: string, expectedVersion: string, patch: PlanPatch): Promise<Plan> => this.update(id, expectedVersion, patch);

  /**
   * Names plan 1 when the file has no plan yet (a new file, or one written before plans): every
   * open calls it and it writes only once, so a re-run changes nothing.
   */
  adoptFirstPlan(at: IsoInstant, name?: string): void {
    this.db
      .transaction(() => {
        if (this.db.prepare('SELECT 1 FROM plans LIMIT 1').get()) return;
        const input = firstPlanInput(at, name);
        this.db.prepare('INSERT INTO plans (id, version, key, state, data) VALUES (1, 1, ?, ?, ?)').run(input.key, input.state, toPersistence(input));
      })
      .immediate();
  }

  listSync(): Plan[] {
    return (this.db.prepare('SELECT id, version, data FROM plans ORDER BY id').all() as Row[]).map((r) => toDomain<PlanInput>(r));
  }

  private get(id: string): Plan | undefined {
    const row = this.db.prepare('SELECT id, version, data FROM plans WHERE id = ?').get(rowId(id)) as Row | undefined;
    return row && toDomain<PlanInput>(row);
  }

  private create(input: PlanInput): Plan {
    const id = unique('Plan', input.key, () => this.db.prepare('INSERT INTO plans (version, key, state, data) VALUES (1, ?, ?, ?)').run(input.key, input.state, toPersistence(input)).lastInsertRowid);
    return { ...input, id: String(id), version: '1' };
  }

  private update(id: string, expectedVersion: string, patch: PlanPatch): Plan {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT id, version, data FROM plans WHERE id = ?').get(rowId(id)) as Row | undefined;
        if (!row) throw new NotFoundError('Plan', id);
        if (String(row.version) !== expectedVersion) throw new ConflictError('Plan', id, expectedVersion, String(row.version));
        const { id: _i, version: _v, ...current } = toDomain<PlanInput>(row);
        const data = toPersistence({ ...current, ...patch });
        const next = JSON.parse(data) as PlanInput;
        unique('Plan', next.key, () => this.db.prepare('UPDATE plans SET version = version + 1, key = ?, state = ?, data = ? WHERE id = ?').run(next.key, next.state, data, row.id));
        return toDomain<PlanInput>({ id: row.id, version: row.version + 1, data });
      })
      .immediate();
  }
}
