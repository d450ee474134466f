export * from './import.module';
export * from './programma-importer';
export * from './programma-bestand';
export * from './afspraken-schrijver';
export * from './koppelingen';
export * from './afspraken-importer';
export * from './afspraken-tabel';
