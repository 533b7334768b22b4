import type { ObjectiveInput } from '../../../model';
import { note, text, yesNo } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn, planRefColumn } from './plan-columns';

const { col, title } = columnsOf<ObjectiveInput>();

export const objectiveTable: ColumnTable<ObjectiveInput> = {
  columns: [
    title('title', text, { required: true }),
    // Unique within a plan (PlanRef), so not here: each plan may have an objective 1.
    col('ref', 'Ref', text, { required: true, indexed: true }),
    planIdColumn(),
    planRefColumn(),
    col('description', 'Description', note),
    // Retired objectives leave the plan view; a Yes/No column so Microsoft Lists can filter on it.
    col('retired', 'Retired', yesNo),
  ],
};
