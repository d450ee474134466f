export * from './indicator';
