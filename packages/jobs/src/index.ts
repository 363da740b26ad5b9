export * from './queues.js';
export * from './payloads.js';
export * from './ids.js';
export * from './keys.js';
