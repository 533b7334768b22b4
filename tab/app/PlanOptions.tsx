import type { PlanListItem } from './api-types';
import { planLabel } from './plans-api';

/** An `<option>` per plan for a native Select, each valued by id and labelled as everywhere (name, period, state). */
export function PlanOptions({ plans }: { plans: readonly PlanListItem[] }) {
  return (
    <>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {planLabel(p)}
        </option>
      ))}
    </>
  );
}
