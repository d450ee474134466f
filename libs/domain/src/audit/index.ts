export * from './tijdlijn';
export * from './stand';
