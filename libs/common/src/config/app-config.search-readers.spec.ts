// SEARCH_READER_POOL: the connections of the API's pool for public searches (libs/search/src/search.module.ts).
import { ConfigError, loadConfig } from './app-config';

describe('search readers setting', () => {
  it('defaults to four connections and takes a size from 1 to 100', () => {
    expect(loadConfig({}).searchReaderPool).toBe(4);
    expect(loadConfig({ SEARCH_READER_POOL: '1' }).searchReaderPool).toBe(1);
    expect(loadConfig({ SEARCH_READER_POOL: '100' }).searchReaderPool).toBe(100);
  });

  it('refuses a size outside 1–100 or not a whole number, naming the variable', () => {
    for (const size of ['0', '101', '2.5', 'many']) {
      expect(() => loadConfig({ SEARCH_READER_POOL: size })).toThrow(ConfigError);
      expect(() => loadConfig({ SEARCH_READER_POOL: size })).toThrow(/SEARCH_READER_POOL/);
    }
  });
});
