export * from './merkle';
export * from './audit-blad';
export * from './boomhoofd';
