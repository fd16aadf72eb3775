// Votes live in server/src/votes/. This re-export only keeps server/src/report/readSources.ts
// compiling until its import names '../votes/votes'; then delete this file and the folder.
export { voteTotals } from '../votes/votes'
