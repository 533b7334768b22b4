/**
 * Text from users goes into spreadsheets and Word files that officers open on their desktops.
 * A cell starting with = + - @ (or a tab or carriage return, which some importers strip first)
 * can be run as a formula by Excel or LibreOffice (CSV/formula injection, OWASP); a leading
 * apostrophe makes it plain text everywhere and shows the value unchanged otherwise.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Control characters (other than tab and line breaks) are not allowed in XML, so not in XLSX or DOCX. */
export function withoutControlCharacters(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A user's text made safe for a spreadsheet cell. */
export function safeCellText(value: string): string {
  return neutraliseCell(withoutControlCharacters(value));
}
