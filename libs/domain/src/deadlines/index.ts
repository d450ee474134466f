export * from './deadline';
export * from './parse';
export * from './werkdagen';
export * from './voorkomens';
export { kabinetsperiode, miljoenennota, prinsjesdag, reces, RECESSEN, voorjaarsnota, type Reces } from './politieke-kalender';
