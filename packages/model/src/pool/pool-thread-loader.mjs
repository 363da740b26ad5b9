// Entry of a pool thread when the model runs from its TypeScript sources: a thread does not necessarily inherit tsx
// (under vitest it does not), so tsx's loader is registered here before the real module is loaded. A compiled build
// (dist/*.js) starts pool-thread.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./pool-thread.ts');
