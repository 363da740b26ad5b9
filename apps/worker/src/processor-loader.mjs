// Entry point for BullMQ's sandbox when the worker runs from TypeScript sources: the child process
// does not necessarily inherit tsx (e.g. under vitest), so register tsx's loader here, then load
// the real processor. The compiled build (dist/*.js) points BullMQ at processor.js instead.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./processor.ts');
export default mod.default;
