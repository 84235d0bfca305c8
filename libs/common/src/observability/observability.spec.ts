import { Observability } from './observability';

describe('Observability gauges in the /metrics text', () => {
  it('writes each gauge as before: HELP, TYPE gauge and the value read at scrape time', async () => {
    const observability = new Observability();
    let depth = 3;
    observability.registerGauge('credit_outbox_depth', 'Search outbox entries not yet delivered to the index', async () => depth);
    expect(await observability.metricsText()).toContain(
      '# HELP credit_outbox_depth Search outbox entries not yet delivered to the index\n# TYPE credit_outbox_depth gauge\ncredit_outbox_depth 3\n',
    );
    depth = 0;
    expect(await observability.metricsText()).toMatch(/^credit_outbox_depth 0$/m);
  });

  it('keeps the process-wide metrics and answers NaN for a gauge whose read fails', async () => {
    const observability = new Observability();
    observability.registerGauge('credit_index_lag_seconds', 'Age in seconds of the oldest undelivered search outbox entry (0 when caught up)', () => Promise.reject(new Error('database down')));
    const text = await observability.metricsText();
    expect(text).toMatch(/^# TYPE credit_graphql_requests_total counter$/m);
    expect(text).toMatch(/^credit_index_lag_seconds nan$/im);
  });

  it('lets two apps in one process, and a second registration, use the same names', async () => {
    const first = new Observability();
    const second = new Observability();
    first.registerGauge('credit_outbox_dead_letters', 'dead letters', async () => 1);
    second.registerGauge('credit_outbox_dead_letters', 'dead letters', async () => 2);
    second.registerGauge('credit_outbox_dead_letters', 'dead letters', async () => 5);
    expect(await first.metricsText()).toMatch(/^credit_outbox_dead_letters 1$/m);
    expect((await second.metricsText()).match(/^credit_outbox_dead_letters \d+$/gm)).toEqual(['credit_outbox_dead_letters 5']);
  });
});
