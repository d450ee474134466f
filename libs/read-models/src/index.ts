import { afspraakStatusProjectie } from './afspraak-status/projectie';
import { partijenProjectie } from './partijen/projectie';
import type { Projectie } from './projectie';
import { programmaStructuurProjectie } from './programma-structuur/projectie';
import { indicatorenProjectie } from './indicatoren/projectie';

export * from './projectie';
export * from './document-projectie';
export { Checkpoints, type CheckpointStand } from '@afspraken/event-store';
export * from './runner/projection-runner';
export { AFSPRAAK_STATUS, AFSPRAKEN_TABEL, afspraakStatusProjectie, kwartaalVan } from './afspraak-status/projectie';
export * from './afspraak-status/weergave';
export * from './afspraak-status/query';
export { PROGRAMMA_STRUCTUUR, programmaStructuurProjectie, type ProgrammaDocument } from './programma-structuur/projectie';
export { PARTIJEN, partijenProjectie, type PartijDocument } from './partijen/projectie';
export * from './partij-afspraken/query';
export * from './programma-overzicht/query';
export * from './programma-structuur/query';
export { INDICATOREN, indicatorenProjectie, indicatorenVan, type IndicatorDocument } from './indicatoren/projectie';

/** Every read model the runner keeps; a new one is a folder and one line here. */
export const ALLE_PROJECTIES: readonly Projectie[] = [afspraakStatusProjectie, programmaStructuurProjectie, partijenProjectie, indicatorenProjectie];
