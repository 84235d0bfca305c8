// The shutdown settings' rule across two variables: SHUTDOWN_TIMEOUT_MS counts from the signal and includes the
// drain delay, so a delay as long as the timeout would cut every request in flight the moment the listener closed.
import { ConfigError, loadConfig } from './app-config';

describe('shutdown settings', () => {
  it('defaults to no delay and 20 s', () => {
    expect(loadConfig({})).toMatchObject({ shutdownDrainDelayMs: 0, shutdownTimeoutMs: 20_000 });
  });

  it('refuses a drain delay that is not below the timeout, naming both', () => {
    expect(() => loadConfig({ SHUTDOWN_DRAIN_DELAY_MS: '20000' })).toThrow(ConfigError);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '5000' })).toThrow(
      /SHUTDOWN_DRAIN_DELAY_MS must be below SHUTDOWN_TIMEOUT_MS/,
    );
    expect(loadConfig({ SHUTDOWN_DRAIN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '25000' })).toMatchObject({ shutdownDrainDelayMs: 5_000, shutdownTimeoutMs: 25_000 });
  });
});
