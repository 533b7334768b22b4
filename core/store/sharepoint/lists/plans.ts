import { PLAN_KINDS, PLAN_STATES, type PlanInput } from '../../../model';
import { choice, dateOnly, json, person, personSchema, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<PlanInput>();

/** The Plans list (issue 20): one item per plan the site holds; the others' PlanId names its item id. */
export const planTable: ColumnTable<PlanInput> = {
  columns: [
    title('name', text, { required: true }),
    // Unique, so two app instances creating the first plan at once cannot both succeed.
    col('key', 'PlanKey', text, { required: true, unique: true }),
    col('kind', 'Kind', choice(PLAN_KINDS), { required: true }),
    col('periodStart', 'PeriodStart', dateOnly, { required: true }),
    col('periodEnd', 'PeriodEnd', dateOnly, { required: true }),
    // People as the domain knows them go in the *Json column; the Person column is for people reading the list.
    col('owner', 'Owner', person),
    col('owner', 'OwnerJson', json(personSchema)),
    col('state', 'State', choice(PLAN_STATES), { required: true, indexed: true }),
    col('predecessorId', 'PredecessorId', text),
  ],
};
