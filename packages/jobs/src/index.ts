export * from './queues.js';
export * from './payloads.js';
