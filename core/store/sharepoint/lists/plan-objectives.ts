import type { ObjectiveInput } from '../../../model';
import { note, text, yesNo } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<ObjectiveInput>();

export const objectiveTable: ColumnTable<ObjectiveInput> = {
  columns: [
    title('title', text, { required: true }),
    col('ref', 'Ref', text, { required: true, unique: true }),
    col('description', 'Description', note),
    // Retired objectives leave the plan view; a Yes/No column so Microsoft Lists can filter on it.
    col('retired', 'Retired', yesNo),
  ],
};
