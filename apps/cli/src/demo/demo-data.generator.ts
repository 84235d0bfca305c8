// Deterministic synthetic data for `npm run demo`: the same seed gives the same entities and decision numbers,
// so running the demo twice answers UNCHANGED instead of duplicating anything.
import { addDays, amountToMicroUnits, buildResidentId, buildUscc, DecimalString, microUnitsToAmount, PartyType, PenaltyRecordDraft, todayInChina } from '@credit/domain';
import {
  citationOf,
  COUNTIES,
  DECISION_NUMBER_PREFIX,
  DEMO_DEPARTMENTS,
  GIVEN,
  INDUSTRIES,
  NAME_STEMS,
  SHOP_KINDS,
  SHOWCASE_SERIALS,
  StatuteVersion,
  SUFFIXES,
  SURNAMES,
  versionInForce,
  VIOLATIONS,
} from './demo-vocabulary';

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
  // 文号 run from 1 each year per department (滁市监处罚〔2025〕1号), skipping the showcase's serials.
  const today = todayInChina();
  const counters = new Map<string, number>();
  const nextSerial = (department: string, year: string): number => {
    let n = (counters.get(`${department}|${year}`) ?? 0) + 1;
    if (n >= SHOWCASE_SERIALS.from && n <= SHOWCASE_SERIALS.to) n = SHOWCASE_SERIALS.to + 1;
    counters.set(`${department}|${year}`, n);
    return n;
  };
  const penalties = VIOLATIONS.filter((v) => v.outcome === 'PENALTY');
  const recordsByDepartment = new Map<string, PenaltyRecordDraft[]>(DEMO_DEPARTMENTS.map((d) => [d.code, []]));
  for (const party of parties) {
    const records = Math.floor(next() * 3.2);
    for (let r = 0; r < records; r++) {
      const decisionDate = addDays(today, -Math.floor(next() * 1300) - 1);
      // Only violations whose article (in the text in force that day) reaches this kind of party.
      const candidates = penalties.filter((v) => v.parties.includes(party.partyType as PartyType) && versionInForce(v, decisionDate));
      if (candidates.length === 0) continue;
      const violation = pick(candidates);
      const version = versionInForce(violation, decisionDate)!;
      const department = DEMO_DEPARTMENTS.find((d) => d.code === violation.department)!;
      const fine = version.fine ? drawFine(version.fine, next) : null;
      const categories = violation.categories;
      recordsByDepartment.get(department.code)!.push({
        decisionNumber: `${DECISION_NUMBER_PREFIX[department.code]}〔${decisionDate.slice(0, 4)}〕${nextSerial(department.code, decisionDate.slice(0, 4))}号`,
        partyName: party.name,
        partyType: party.partyType,
        uscc: party.uscc,
        legalRepresentative: party.legalRepresentative,
        idType: party.idNumber ? 'RESIDENT_ID' : null,
        idNumber: party.idNumber,
        violationType: violation.type,
        violationFacts: `经查，${violation.facts}`,
        legalBasis: citationOf(version),
        penaltyCategories: categories,
        penaltyContent: penaltyContent(categories, fine),
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

/** A fine inside the article's range, both ends included, in whole hundreds of 元 (0.01 万元) and never zero. */
function drawFine(range: NonNullable<StatuteVersion['fine']>, next: () => number): DecimalString {
  const hundredths = (amount: string) => amountToMicroUnits(amount) / 10_000n;
  const low = hundredths(range.min) > 0n ? hundredths(range.min) : 1n;
  const span = hundredths(range.max) - low + 1n;
  return microUnitsToAmount((low + BigInt(Math.floor(next() * Number(span)))) * 10_000n);
}

/** 处罚内容 as a decision states it, in the order of the categories. */
function penaltyContent(categories: readonly string[], fine: DecimalString | null): string {
  const words: Record<string, string> = {
    WARNING: '警告',
    CONFISCATE_ILLEGAL_GAINS: '没收违法所得',
    CONFISCATE_ILLEGAL_PROPERTY: '没收非法财物',
    SUSPEND_PRODUCTION: '责令停产停业',
    DOWNGRADE_QUALIFICATION: '降低资质等级',
    REVOKE_LICENSE: '吊销许可证',
  };
  return categories.map((c) => (c === 'FINE' ? `罚款人民币${fine}万元` : words[c] ?? c)).join('，');
}
