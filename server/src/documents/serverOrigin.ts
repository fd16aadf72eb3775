/** Origin of changes the server itself makes to a board, so they are stored and relayed to all (see origins.ts). */
export { SERVER_ORIGIN } from './origins'
