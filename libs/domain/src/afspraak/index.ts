export * from './afspraak';
export * from './decide';
