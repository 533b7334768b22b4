import type { ObjectiveInput } from '../../../model';
import { note, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';

const { col, title } = columnsOf<ObjectiveInput>();

export const objectiveTable: ColumnTable<ObjectiveInput> = {
  columns: [
    title('title', text, { required: true }),
    col('ref', 'Ref', text, { required: true, unique: true }),
    col('description', 'Description', note),
  ],
};
