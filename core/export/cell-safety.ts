/**
 * Text from users goes into spreadsheets and Word files that officers open on their desktops.
 * A cell starting with = + - @ (or a tab or carriage return, which some importers strip first)
 * can be run as a formula by Excel or LibreOffice (CSV/formula injection, OWASP); so can their
 * full-width forms (＝ ＋ － ＠), which Excel with an East Asian input method takes for the ASCII
 * ones. A leading apostrophe makes it plain text everywhere and shows the value unchanged otherwise.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Control characters (other than tab and line breaks), U+FFFE, U+FFFF and half a surrogate pair
 * (a pasted emoji cut in two) are not characters XML 1.0 can hold, so not in XLSX, DOCX or SVG.
 * https://www.w3.org/TR/xml/#charsets
 */
export function withoutControlCharacters(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** A user's text made safe for a spreadsheet cell. */
export function safeCellText(value: string): string {
  return neutraliseCell(withoutControlCharacters(value));
}
