export * from './port';
export * from './errors';
export * from './storage';
export * from './subscription';
export * from './sql/database';
export * from './sql/sql-event-store';
export * from './sql/checkpoints';
// Only the connection-string helpers: the adapter itself loads the gRPC client, so storage.ts imports it lazily.
export { EVENTSTORE_SCHEMES, redactConnectionString, toEsdbConnectionString } from './eventstoredb/connection-string';
