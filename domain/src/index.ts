export * from './collections';
export * from './roles';
export * from './access';
export * from './codice-fiscale';
export * from './schemas/index';
export * from './dates';
export * from './merge';
