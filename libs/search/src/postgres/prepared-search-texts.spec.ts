import { MAX_PREPARED_TEXTS, PREPARED_TEXTS_WINDOW_MS, PreparedSearchTexts } from './prepared-search-texts';

describe('PreparedSearchTexts', () => {
  let now = Date.UTC(2026, 11, 6, 2, 0, 0);
  const texts = () => new PreparedSearchTexts(() => now);

  it('names a text from its second sighting in the window, the same name every time', () => {
    const prepared = texts();
    expect(prepared.nameFor('SELECT 1')).toBeUndefined();
    const name = prepared.nameFor('SELECT 1');
    expect(name).toMatch(/^search_[0-9a-f]{16}$/);
    expect(prepared.nameFor('SELECT 1')).toBe(name);
    expect(prepared.nameFor('SELECT 2')).toBeUndefined();
  });

  it('names at most MAX_PREPARED_TEXTS texts a window, and starts again in the next window', () => {
    const prepared = texts();
    for (let i = 0; i < MAX_PREPARED_TEXTS; i++) {
      prepared.nameFor(`SELECT ${i}`);
      expect(prepared.nameFor(`SELECT ${i}`)).toBeDefined();
    }
    prepared.nameFor('SELECT one too many');
    expect(prepared.nameFor('SELECT one too many')).toBeUndefined();
    expect(prepared.nameFor('SELECT 0')).toBeDefined(); // those named keep their names for the window
    now += PREPARED_TEXTS_WINDOW_MS;
    expect(prepared.nameFor('SELECT 0')).toBeUndefined(); // a new window: seen again first
    expect(prepared.nameFor('SELECT 0')).toBeDefined();
    prepared.nameFor('SELECT one too many');
    expect(prepared.nameFor('SELECT one too many')).toBeDefined();
  });
});
