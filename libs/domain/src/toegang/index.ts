export * from './programma-scope';
export * from './toegang';
export * from './schrijfrecht';
