/**
 * Characters a spreadsheet reads as the start of a formula (or that hide one after them), as
 * OWASP's "CSV Injection" page lists them: a card reading `=HYPERLINK(...)` would otherwise
 * become a live link, or worse, in the harvester's spreadsheet. The full-width `＝ ＋ － ＠`
 * are there too because Apple Numbers folds them into the ASCII ones before evaluating
 * (csv-stringify's `escape_formulas` guards against the same set).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * Makes one CSV cell inert: a value a spreadsheet would run as a formula gets a leading `'`,
 * which Excel and LibreOffice read as "this is text" and do not show. Everything else is
 * returned as it is, so ordinary cells stay exactly what the user wrote.
 */
export function csvInert(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}
