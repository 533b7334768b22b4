import JSZip from 'jszip';
import { ImportFileError } from '../import-errors';
import { MAX_IMPORT_BYTES, type PlanFileFormat } from './plan-source';
import { checkOfficeZip } from './zip-guard';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS = 'Save it from Excel or Word as .xlsx, .docx or .csv and try again.';

export type SniffedFile = { format: 'csv' } | { format: Exclude<PlanFileFormat, 'csv'>; zip: JSZip };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const extension = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** Decides the format from the bytes (the file name only words the errors), so a renamed file still reads. */
export async function sniffFormat(bytes: Uint8Array, fileName: string): Promise<SniffedFile> {
  if (bytes.length === 0) throw new ImportFileError('empty', `${fileName} is empty (0 bytes).`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError('too-large', `${fileName} is ${(bytes.length / 1048576).toFixed(1)} MB; the largest plan file accepted is ${MAX_IMPORT_BYTES / 1048576} MB.`);
  }
  if (startsWith(bytes, COMPOUND_FILE)) throw compoundFileError(bytes, fileName);
  if (startsWith(bytes, ZIP)) return officeZip(bytes, fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new ImportFileError('unsupported', `${fileName} is a PDF. Open the plan in Word or Excel instead: ${SAVE_AS}`);
  }
  if (looksBinary(bytes)) throw new ImportFileError('unsupported', `${fileName} is not a spreadsheet, a Word document or a CSV text file. ${SAVE_AS}`);
  const ext = extension(fileName);
  if (ext === 'xlsx' || ext === 'docx' || ext === 'xls' || ext === 'doc') {
    throw new ImportFileError('unsupported', `${fileName} is named .${ext} but is plain text, not a ${ext.startsWith('x') ? 'workbook' : 'document'}. ${SAVE_AS}`);
  }
  return { format: 'csv' };
}

/** Password-protected .xlsx/.docx are stored as an OLE compound file with an "EncryptedPackage" stream. */
function compoundFileError(bytes: Uint8Array, fileName: string): ImportFileError {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) {
    return new ImportFileError('password-protected', `${fileName} is password-protected, so it cannot be read. Open it, remove the password (File > Info > Protect), save it and try again.`);
  }
  return new ImportFileError('old-format', `${fileName} is in the old Excel 97-2003 (.xls) or Word 97-2003 (.doc) format. ${SAVE_AS}`);
}

async function officeZip(bytes: Uint8Array, fileName: string): Promise<SniffedFile> {
  // Real inflated sizes and no DOCTYPE, before JSZip or exceljs touch it: a small "zip bomb" must not fill memory.
  await checkOfficeZip(bytes, fileName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportFileError('unreadable', `${fileName} looks like an Office file but is damaged (the zip container cannot be opened). ${SAVE_AS}`);
  }
  if (zip.file('xl/workbook.xml')) return { format: 'xlsx', zip };
  if (zip.file('word/document.xml')) return { format: 'docx', zip };
  const what = zip.file('ppt/presentation.xml') ? 'a PowerPoint presentation' : zip.file('content.xml') ? 'an OpenDocument file' : 'a zip file';
  throw new ImportFileError('unsupported', `${fileName} is ${what}, not an Excel workbook or Word document. ${SAVE_AS}`);
}

/** NUL bytes or many control characters in the first 64 KB: not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.01;
}
