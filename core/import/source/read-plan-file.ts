import type { PlanSource } from './plan-source';
import { readCsv } from './read-csv';
import { readDocx } from './read-docx';
import { readXlsx } from './read-xlsx';
import { sniffFormat } from './sniff-format';

export interface ReadPlanFile extends PlanSource {
  /** Hidden sheets are not read (they usually hold drop-down lists); named so the officer knows. */
  hiddenSheets: string[];
}

/** Reads an .xlsx, .docx or .csv plan into sections of tables and text; throws ImportFileError. */
export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<ReadPlanFile> {
  const sniffed = await sniffFormat(bytes, fileName);
  if (sniffed.format === 'csv') return { format: 'csv', sections: readCsv(bytes, fileName), hiddenSheets: [] };
  if (sniffed.format === 'docx') return { format: 'docx', sections: await readDocx(sniffed.zip, fileName), hiddenSheets: [] };
  return { format: 'xlsx', ...(await readXlsx(bytes, fileName)) };
}
