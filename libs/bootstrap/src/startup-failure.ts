// What an operator sees when the platform cannot start: one line that names the setting to fix, and exit code 2,
// instead of a driver's stack trace. Anything not recognised here is a bug and keeps its stack (exit 1).
import { ConfigError, errorMessage } from '@credit/common';

export const EXIT_BAD_ENVIRONMENT = 2;

interface Context {
  /** The database URL the platform was using, or null for the embedded cluster. */
  databaseUrl: string | null;
  port: number | null;
}

/** The one line for a start-up failure caused by the environment, or null when the failure is not one of those. */
export function describeStartupFailure(error: unknown, context: Context): string | null {
  if (error instanceof ConfigError) return `无法启动：配置无效（cannot start: invalid configuration: ${error.problems.join('; ')}）`;
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  const message = errorMessage(error);
  const where = context.databaseUrl ? `DATABASE_URL=${redactUrl(context.databaseUrl)}` : 'the embedded PostgreSQL in DATA_DIR';
  switch (code) {
    case '3D000':
      return `无法启动：数据库不存在（cannot start: ${message}; create it or fix ${where}）`;
    case '28P01':
    case '28000':
      return `无法启动：数据库拒绝了用户名或密码（cannot start: the database refused the role or password in ${where}）`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `无法启动：连接不上数据库（cannot start: the database is unreachable (${code}) at ${where}）`;
    case 'EADDRINUSE':
    case 'EACCES':
      return `无法启动：端口已被占用或无权使用（cannot start: PORT=${context.port ?? '?'} is ${code === 'EADDRINUSE' ? 'already in use' : 'not permitted'}; stop the other process or choose another PORT）`;
    default:
      return null;
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}

/** The last word of a process that could not start: one line and exit 2 for the environment, else the stack and 1. */
export function exitOnStartupFailure(error: unknown, port: number | null): never {
  const line = describeStartupFailure(error, { databaseUrl: process.env.DATABASE_URL || null, port });
  if (line !== null) {
    process.stderr.write(`${line}\n`);
    process.exit(EXIT_BAD_ENVIRONMENT);
  }
  console.error(error);
  process.exit(1);
}
