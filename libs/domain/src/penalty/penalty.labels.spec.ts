import { ID_TYPE_LABELS, parseLabelledEnum, PARTY_TYPE_LABELS, PENALTY_CATEGORY_LABELS, SEVERITY_LABELS } from './penalty.labels';

/** The definition: the first entry, in table order, whose code (any case) or one of whose labels matches. */
function scan(value: string, labels: Readonly<Record<string, readonly string[]>>): string | null {
  const upper = value.toUpperCase();
  for (const [code, names] of Object.entries(labels)) if (code === upper || names.includes(value)) return code;
  return null;
}

describe('parseLabelledEnum', () => {
  const tables = { PARTY_TYPE_LABELS, ID_TYPE_LABELS, PENALTY_CATEGORY_LABELS, SEVERITY_LABELS } as Record<string, Readonly<Record<string, readonly string[]>>>;

  it.each(Object.keys(tables))('finds what a scan of %s finds, for every code, label and some misses', (name) => {
    const labels = tables[name];
    const inputs = Object.entries(labels).flatMap(([code, names]) => [code, code.toLowerCase(), ` ${code}`, ...names, ...names.map((n) => `${n}x`)]);
    inputs.push('', 'nothing', '罚');
    for (const input of inputs) expect([input, parseLabelledEnum(input, labels)]).toEqual([input, scan(input, labels)]);
  });

  it('takes the earlier entry when a code of one entry is a label of an earlier one', () => {
    const labels = { FIRST: ['SECOND'], SECOND: ['第二'] };
    expect(parseLabelledEnum('SECOND', labels)).toBe('FIRST');
    expect(parseLabelledEnum('second', labels)).toBe('SECOND');
    expect(parseLabelledEnum('第二', labels)).toBe('SECOND');
  });
});
