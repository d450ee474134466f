export * from './afspraak-status';
