import ExcelJS from 'exceljs';
import { RAG_VALUES, TASK_KINDS } from '../../model';
import { FIELD_GUIDES, PLAN_FIELDS, type PlanField } from '../columns/plan-fields';

/** The blank plan template an officer can download, fill in and import: canonical columns, guidance, drop-downs. */

export const TEMPLATE_FILE_NAME = 'edi-action-plan-template.xlsx';
export const TEMPLATE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Template columns in order; dated update columns are added by the council, so they are explained, not included. */
export const TEMPLATE_FIELDS: PlanField[] = PLAN_FIELDS.filter((f) => f !== 'history');

const GUIDANCE_INTRO = [
  'How to fill in this template',
  'One row per task, on the "Plan" sheet. Only the Task column is required; fill in what you have.',
  'Give every task a Ref (such as 1.1.2): importing the file again updates the tasks by ref, and keeps the progress owners have sent in since.',
  'Put each owner on their own line in the Lead officer cell. People the directory knows become owners; any other name or role is kept for an EDI officer to assign.',
  'Deadlines can be dates or the council\'s own wording. Anything that cannot be read as a date is kept as written and flagged in the import report.',
  'For a task measured by a number, fill in Baseline and Target with their units and dates ("4.5% (March 2025)", "8% by March 2027"): update cards then ask owners for the current value, and the plan shows it against the target. Words such as "No data held" are kept as written.',
  'To bring in earlier progress reports, add one column per report with the month in its header, such as "October 2025 update". Each becomes a closed update round in the plan\'s history.',
  'You can also import your existing Word or Excel plan as it is: the import recognises the usual column names. Try a dry run first.',
];

export async function buildImportTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EDI Action Plan for Teams';
  wb.title = 'EDI action plan import template';

  const plan = wb.addWorksheet('Plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  plan.columns = TEMPLATE_FIELDS.map((f) => ({ header: FIELD_GUIDES[f].header, key: f, width: FIELD_GUIDES[f].width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  const header = plan.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  TEMPLATE_FIELDS.forEach((f, i) => {
    header.getCell(i + 1).note = FIELD_GUIDES[f].guidance;
  });
  const listColumn = (field: PlanField, choices: readonly string[]) => {
    const col = TEMPLATE_FIELDS.indexOf(field) + 1;
    for (let row = 2; row <= 1000; row++) {
      plan.getCell(row, col).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Not in the list',
        error: `Choose one of: ${choices.join(', ')}.`,
      };
    }
  };
  listColumn('rag', RAG_VALUES);
  listColumn('kind', TASK_KINDS);

  const guide = wb.addWorksheet('Guidance');
  guide.columns = [{ width: 30 }, { width: 80 }, { width: 40 }];
  GUIDANCE_INTRO.forEach((line, i) => {
    const row = guide.addRow([line]);
    guide.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  guide.addRow([]);
  const head = guide.addRow(['Column', 'What to put in it', 'Example']);
  head.font = { bold: true };
  for (const f of PLAN_FIELDS) {
    const g = FIELD_GUIDES[f];
    guide.addRow([g.header, g.guidance, g.example]).alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
