import type { Renderer } from '../Renderer'

/**
 * The report exactly as the value stands, pretty-printed: the JSON export is the public
 * contract described by REPORT_JSON_SCHEMA, so nothing is added (not even `$schema`, which
 * the schema's `additionalProperties: false` would refuse).
 */
export const renderJson: Renderer = async (report) => `${JSON.stringify(report, null, 2)}\n`
