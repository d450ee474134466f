export * from './clock';
export * from './metadata';
export * from './hash-chain';
export * from './errors';
export * from './command-executor';
export * from './merkle';
