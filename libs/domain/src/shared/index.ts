export * from './event';
export * from './errors';
export * from './ids';
export * from './upcasting';
