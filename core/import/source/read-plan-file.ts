import type { PlanSource } from './plan-source';
import { readCsv } from './read-csv';
import { readDocx } from './read-docx';
import { readXlsx, type SkippedSheet } from './read-xlsx';
import { sniffFormat } from './sniff-format';

export interface ReadPlanFile extends PlanSource {
  /** Hidden sheets (usually drop-down lists) and guidance sheets are not read; named so the officer knows. */
  skippedSheets: SkippedSheet[];
}

/** Reads an .xlsx, .docx or .csv plan into sections of tables and text; throws ImportFileError. */
export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<ReadPlanFile> {
  const sniffed = await sniffFormat(bytes, fileName);
  if (sniffed.format === 'csv') return { format: 'csv', sections: readCsv(bytes, fileName), skippedSheets: [] };
  if (sniffed.format === 'docx') return { format: 'docx', sections: await readDocx(sniffed.zip, fileName), skippedSheets: [] };
  return { format: 'xlsx', ...(await readXlsx(bytes, fileName)) };
}
