// Entry of a correction thread when the API runs from TypeScript sources: the thread does not
// necessarily inherit tsx (e.g. under vitest), so register tsx's loader, then load the real module.
// The compiled build (dist/*.js) starts correct-thread.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./correct-thread.ts');
