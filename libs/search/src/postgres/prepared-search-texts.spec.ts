import { MAX_PREPARED_TEXTS, PreparedSearchTexts } from './prepared-search-texts';

describe('PreparedSearchTexts', () => {
  it('names a text from its second sighting of the day, the same name every time', () => {
    const texts = new PreparedSearchTexts();
    expect(texts.nameFor('SELECT 1', '2026-12-06')).toBeUndefined();
    const name = texts.nameFor('SELECT 1', '2026-12-06');
    expect(name).toMatch(/^search_[0-9a-f]{16}$/);
    expect(texts.nameFor('SELECT 1', '2026-12-06')).toBe(name);
    expect(texts.nameFor('SELECT 2', '2026-12-06')).toBeUndefined();
  });

  it('names at most MAX_PREPARED_TEXTS texts a day, and starts again the next day', () => {
    const texts = new PreparedSearchTexts();
    const day = '2026-12-06';
    for (let i = 0; i < MAX_PREPARED_TEXTS; i++) {
      texts.nameFor(`SELECT ${i}`, day);
      expect(texts.nameFor(`SELECT ${i}`, day)).toBeDefined();
    }
    texts.nameFor('SELECT one too many', day);
    expect(texts.nameFor('SELECT one too many', day)).toBeUndefined();
    expect(texts.nameFor('SELECT 0', day)).toBeDefined(); // those named keep their names
    expect(texts.nameFor('SELECT 0', '2026-12-07')).toBeUndefined(); // a new day: seen again first
    expect(texts.nameFor('SELECT 0', '2026-12-07')).toBeDefined();
  });
});
