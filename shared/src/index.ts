export * from './city/index.js';
export * from './taxonomy/index.js';
export * from './schemas/index.js';
export * from './search/index.js';
export * from './i18n/index.js';
export * from './cms/index.js';
export * from './dream/index.js';
export * from './workspace/index.js';
