import type { LogLevel } from './config.js';

export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** JSON lines on stdout (stderr for warn/error). Callers log sizes and ids, never document text. */
export function createLogger(level: LogLevel, write: (line: string, isError: boolean) => void = defaultWrite): Logger {
  const at = (name: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
    if (RANK[name] > RANK[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: name, msg, ...fields }), RANK[name] <= RANK.warn);
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}

export const silentLogger: Logger = createLogger('silent');
