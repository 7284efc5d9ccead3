// Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with = + - @, tab
// or CR (or their full-width forms) is run as a formula when a CSV is opened in Excel. Texts
// here come from officers (explanations, unit names), so every exported text is checked; numbers
// are written as numbers and never touched.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** For CSV: a leading apostrophe, which Excel shows and never evaluates. */
export const neutraliseForCsv = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);
