// Deterministic synthetic data for `npm run demo`: the same seed gives the same entities and decision numbers,
// so running the demo twice answers UNCHANGED instead of duplicating anything.
import { addDays, buildResidentId, buildUscc, PenaltyRecordDraft, todayInChina } from '@credit/domain';
import { COUNTIES, DEMO_DEPARTMENTS, GIVEN, INDUSTRIES, NAME_STEMS, SHOP_KINDS, SUFFIXES, SURNAMES, VIOLATIONS } from './demo-vocabulary';

/** mulberry32: small, fast, good enough for demo data, and reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoParty {
  name: string;
  partyType: 'LEGAL_ENTITY' | 'INDIVIDUAL_BUSINESS' | 'NATURAL_PERSON';
  uscc: string | null;
  legalRepresentative: string | null;
  idNumber: string | null;
}

export interface DemoDataSet {
  recordsByDepartment: Map<string, PenaltyRecordDraft[]>;
  partyCounts: Record<DemoParty['partyType'], number>;
}

export function departmentUscc(org: string): string {
  return buildUscc('11', '341100', org);
}

export function generateDemoData(options: { entities: number; seed?: number }): DemoDataSet {
  const next = random(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const personName = () => pick(SURNAMES) + pick(GIVEN);
  const parties: DemoParty[] = [];
  for (let i = 0; i < options.entities; i++) {
    const county = COUNTIES[i % COUNTIES.length];
    const roll = i % 20;
    if (roll < 17) {
      parties.push({ name: `滁州${pick(NAME_STEMS)}${pick(INDUSTRIES)}${SUFFIXES[i % SUFFIXES.length]}`.replace('滁州', i % 3 === 0 ? `${county.name}` : '滁州'), partyType: 'LEGAL_ENTITY', uscc: buildUscc('91', county.code, String(30_000_000 + i)), legalRepresentative: personName(), idNumber: null });
    } else if (roll < 19) {
      const owner = personName();
      parties.push({ name: `${county.name}${owner}${pick(SHOP_KINDS)}`, partyType: 'INDIVIDUAL_BUSINESS', uscc: buildUscc('92', county.code, String(60_000_000 + i)), legalRepresentative: owner, idNumber: null });
    } else {
      const birth = `19${60 + Math.floor(next() * 40)}0${1 + Math.floor(next() * 9)}1${Math.floor(next() * 9)}`;
      parties.push({ name: personName(), partyType: 'NATURAL_PERSON', uscc: null, legalRepresentative: null, idNumber: buildResidentId(county.code, birth, String(100 + (i % 900))) });
    }
  }
  // Each party makes the numbers unique per department: 滁<abbr>罚〔year〕<n>号.
  const today = todayInChina();
  const counters = new Map<string, number>();
  const recordsByDepartment = new Map<string, PenaltyRecordDraft[]>(DEMO_DEPARTMENTS.map((d) => [d.code, []]));
  for (const party of parties) {
    const records = Math.floor(next() * 3.2);
    for (let r = 0; r < records; r++) {
      const violation = pick(VIOLATIONS);
      const department = DEMO_DEPARTMENTS.find((d) => d.code === violation.department)!;
      const decisionDate = addDays(today, -Math.floor(next() * 1300) - 1);
      const n = (counters.get(department.code) ?? 0) + 1;
      counters.set(department.code, n);
      const fine = violation.fineRange ? (violation.fineRange[0] + next() * (violation.fineRange[1] - violation.fineRange[0])).toFixed(2) : null;
      const categories = party.partyType === 'NATURAL_PERSON' ? violation.categories.filter((c) => c !== 'ORDER_CLOSURE' && c !== 'DOWNGRADE_QUALIFICATION') : violation.categories;
      recordsByDepartment.get(department.code)!.push({
        decisionNumber: `滁${department.code.slice(3)}罚〔${decisionDate.slice(0, 4)}〕${n}号`,
        partyName: party.name,
        partyType: party.partyType,
        uscc: party.uscc,
        legalRepresentative: party.legalRepresentative,
        idType: party.idNumber ? 'RESIDENT_ID' : null,
        idNumber: party.idNumber,
        violationType: violation.type,
        violationFacts: `经查，${violation.facts}`,
        legalBasis: violation.basis,
        penaltyCategories: categories,
        penaltyContent: fine ? `${categories.includes('WARNING') ? '警告，' : ''}罚款人民币${fine}万元${categories.includes('CONFISCATE_ILLEGAL_GAINS') ? '，没收违法所得' : ''}` : '警告',
        fineAmount: fine,
        confiscatedAmount: categories.includes('CONFISCATE_ILLEGAL_GAINS') ? (next() * 5 + 0.1).toFixed(2) : null,
        decisionDate,
        authorityName: department.name,
        authorityUscc: departmentUscc(department.org),
        severity: violation.severity ?? null,
      });
    }
  }
  const partyCounts = { LEGAL_ENTITY: 0, INDIVIDUAL_BUSINESS: 0, NATURAL_PERSON: 0 };
  for (const party of parties) partyCounts[party.partyType]++;
  return { recordsByDepartment, partyCounts };
}
