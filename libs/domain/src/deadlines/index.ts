export * from './deadline';
export * from './parse';
export * from './werkdagen';
