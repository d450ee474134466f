export * from './port';
export * from './errors';
export * from './storage';
export * from './subscription';
export * from './sql/database';
export * from './sql/sql-event-store';
