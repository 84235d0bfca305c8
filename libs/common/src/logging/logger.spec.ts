import { PassThrough } from 'node:stream';
import { createRootLogger, prettyLogs } from './logger';

function capture(isTTY: boolean): PassThrough & { text(): string } {
  const stream = Object.assign(new PassThrough(), { isTTY }) as unknown as PassThrough & { text(): string };
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

describe('log format', () => {
  it.each([
    [{ NODE_ENV: 'development' }, true, true],
    [{ NODE_ENV: 'development' }, false, false],
    [{ NODE_ENV: 'production' }, true, false],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, false, true],
    [{ NODE_ENV: 'development', LOG_FORMAT: 'json' }, true, false],
  ])('%j on a %s terminal → pretty: %s', (env, isTTY, pretty) => {
    expect(prettyLogs(env as NodeJS.ProcessEnv, capture(isTTY))).toBe(pretty);
  });

  it('writes coloured human lines to a terminal and JSON lines to a pipe', () => {
    const terminal = capture(true);
    createRootLogger('info', { NODE_ENV: 'development' }, terminal).info('服务已启动');
    expect(terminal.text()).toMatch(/\u001b\[\d+m.*INFO.*服务已启动/);
    const pipe = capture(false);
    createRootLogger('info', { NODE_ENV: 'development' }, pipe).info('服务已启动');
    expect(JSON.parse(pipe.text())).toMatchObject({ level: 30, msg: '服务已启动', service: 'credit-platform' });
  });
});
