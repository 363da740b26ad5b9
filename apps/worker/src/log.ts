/** One JSON object per line on stdout/stderr (apps log; packages never do). */
export type LogFields = Record<string, unknown>;

function write(level: 'info' | 'warn' | 'error', msg: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ t: new Date().toISOString(), level, app: 'worker', pid: process.pid, msg, ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

export const log = {
  info: (msg: string, fields?: LogFields) => write('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => write('error', msg, fields),
};
