export * from './beleid';
export * from './ladder';
export * from './workflow';
export * from './verzending';
export * from './overzicht';
export * from './ontvangers';
