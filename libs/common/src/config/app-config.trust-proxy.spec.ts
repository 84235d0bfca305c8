// TRUST_PROXY says whose X-Forwarded-For is believed: the proxies, listed. A hop count is refused at start-up (with
// only a count, a client that reaches the API directly writes the hops itself, and fastify from 5.12 trusts nobody
// for a count), and so is true (it believes the first address, which the client writes).
import { ConfigError, loadConfig } from './app-config';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, and false or 0 say the same', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('takes addresses, CIDRs and the named ranges as a list', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.7', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy).toEqual(['loopback', 'uniquelocal']);
  });

  it('refuses a hop count, saying what to write instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '2' })).toThrow(/no longer takes a hop count \("2"\).*addresses or CIDRs.*loopback, linklocal, uniquelocal/);
  });

  it('refuses true, which would believe the address a client writes first', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true would believe any address a client writes.*addresses or CIDRs/);
  });

  it('refuses a list with anything but addresses and named ranges in it', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1,proxy.internal' })).toThrow(/TRUST_PROXY must be false or a comma-separated list/);
  });

  it('refuses what only looks like an address, before the server would have failed on it', () => {
    for (const entry of ['1.2.3.4.5', '10.0.0.0/33', 'fd00::/129', ':::', '10.0.0.0/8/8', '10.0.0.0/', '999.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: entry })).toThrow(new RegExp(`TRUST_PROXY must be false or a comma-separated list.*got "${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    }
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/32,::ffff:10.0.0.1,2001:db8::/128' }).trustProxy).toEqual(['10.0.0.0/32', '::ffff:10.0.0.1', '2001:db8::/128']);
  });
});
