import { stringify } from 'csv-stringify/sync'
import type { ReportCard } from '@harvest/shared'
import { DOMAIN_LABELS, LEVER_LABELS } from '@harvest/shared'
import type { Renderer } from '../Renderer'
import { csvInert } from '../csvInert'

/** One column of the cards CSV: the card field it shows, its header and how a card fills it. */
export interface CsvColumn {
  field: keyof ReportCard
  header: string
  cell: (card: ReportCard) => string
}

// People read this file in a spreadsheet, so lists are joined with "; " and levers and
// emission domains are written as their labels rather than as ids (the JSON export has the ids).
const join = (values: readonly string[]) => values.join('; ')

// Keyed by ReportCard's fields, so a field added to the card does not compile until it has a
// column; the order written here is the column order.
const COLUMNS: { [K in keyof ReportCard]-?: Omit<CsvColumn, 'field'> } = {
  id: { header: 'ID', cell: (c) => c.id },
  text: { header: 'Text', cell: (c) => c.text },
  kind: { header: 'Kind', cell: (c) => c.kind ?? '' },
  kindLabel: { header: 'Kind label', cell: (c) => c.kindLabel },
  author: { header: 'Author', cell: (c) => c.author },
  authorCity: { header: 'Author city', cell: (c) => c.authorCity },
  authorCityKind: { header: 'Author city kind', cell: (c) => c.authorCityKind ?? '' },
  city: { header: 'City', cell: (c) => c.city },
  area: { header: 'Area', cell: (c) => c.area },
  areaLabel: { header: 'Area label', cell: (c) => c.areaLabel },
  round: { header: 'Round', cell: (c) => c.round ?? '' },
  levers: { header: 'Levers', cell: (c) => join(c.levers.map((lever) => LEVER_LABELS[lever])) },
  domains: { header: 'Emission domains', cell: (c) => join(c.domains.map((domain) => DOMAIN_LABELS[domain])) },
  tags: { header: 'Tags', cell: (c) => join(c.tags) },
  pattern: { header: 'Pattern', cell: (c) => c.pattern ?? '' },
  votes: { header: 'Votes', cell: (c) => String(c.votes) },
  promoted: { header: 'Promoted', cell: (c) => (c.promoted ? 'yes' : 'no') },
  createdAt: { header: 'Created at', cell: (c) => c.createdAt },
}

/** The CSV's columns in order, one per field of a report card (documented in the README). */
export const CSV_COLUMNS: readonly CsvColumn[] = Object.entries(COLUMNS).map(([field, column]) => ({
  field: field as keyof ReportCard,
  ...column,
}))

/**
 * Every card of the report, one row each, oldest first. The byte-order mark and CRLF line
 * endings are what Excel needs to read the file as UTF-8 (so Łódź and Umeå survive a
 * double-click); every cell passes through csvInert so a card cannot smuggle a formula in.
 */
export const renderCsv: Renderer = async (report) =>
  stringify(
    report.cards.map((card) => CSV_COLUMNS.map((column) => csvInert(column.cell(card)))),
    {
      bom: true,
      header: true,
      columns: CSV_COLUMNS.map((column) => column.header),
      record_delimiter: 'windows',
      // With a record delimiter given, csv-stringify no longer quotes a lone "\n" in a cell;
      // quoting every non-empty cell (as OWASP also advises) keeps line breaks inside it.
      quoted: true,
    },
  )
