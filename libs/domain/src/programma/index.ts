export * from './programma';
