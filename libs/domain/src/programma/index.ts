export * from './programma';
export * from './bestuurlijk-overleg';
