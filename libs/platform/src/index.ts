export * from './config';
export * from './core.module';
export * from './herinneringen-instellingen';
export * from './herinneringen-worker.module';
export * from './projecties.module';
