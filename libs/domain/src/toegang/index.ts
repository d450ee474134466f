export * from './programma-scope';
export * from './toegang';
