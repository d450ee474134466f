export * from './shared';
export * from './streams';
export * from './afspraak';
export * from './programma';
export * from './partij';
export * from './deadlines';
export * from './samenvatting';
export * from './status';
