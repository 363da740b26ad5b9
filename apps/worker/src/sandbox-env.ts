/** Env var through which the worker hands its parsed config (JSON) to sandboxed processor processes. */
export const SANDBOX_CONFIG_ENV = 'UNSMUDGE_WORKER_CONFIG';
