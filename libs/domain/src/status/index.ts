export * from './afspraak-status';
export * from './peilmoment';
