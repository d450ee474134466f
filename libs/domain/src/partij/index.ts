export * from './partij';
