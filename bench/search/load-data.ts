// Loads N disclosable penalty records set-based (generate_series), as a department push would have stored
// them: departments, credit subjects, penalty records with ~120-character Chinese facts.
import type { Client } from 'pg';
import {
  CATEGORY_SETS, DEPARTMENTS, FACT_ACTIONS, FACT_CLOSINGS, FACT_DETAILS, FACT_OPENINGS, hashMod, INDUSTRIES, LEGAL_BASES, pick, REGIONS,
  sqlArray, SUFFIXES, TRADE_NAMES, VIOLATION_TYPES,
} from './word-lists';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '海涛', '红梅', '国庆', '晓东', '春华', '永平', '德明', '桂兰'];

export async function loadDisclosures(client: Client, count: number, log: (line: string) => void): Promise<void> {
  const departments = DEPARTMENTS.map(([code, name], k) => `('${code}', '${name}', '11341100MB${String(k).padStart(7, '0')}X', '341100')`);
  await client.query(`INSERT INTO departments (code, name, uscc, region_code) VALUES ${departments.join(', ')}`);
  const regionCodes = sqlArray(REGIONS.map(([code]) => code));
  const regionNames = sqlArray(REGIONS.map(([, name]) => name));
  let started = Date.now();
  await client.query(
    `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
     SELECT s.uscc, s.uscc, s.name, 'LEGAL_ENTITY', s.region, '91'
       FROM (SELECT i, r.region,
                    '91' || r.region || lpad(i::text, 9, '0') || 'X' AS uscc,
                    r.region_name || ${pick(TRADE_NAMES, 7919)} || ${pick(INDUSTRIES, 104729)} || ${pick(SUFFIXES, 15485863)} AS name
               FROM generate_series(1, $1::int) AS i
               CROSS JOIN LATERAL (SELECT (${regionCodes})[1 + ${hashMod('i', 1, REGIONS.length)}] AS region, (${regionNames})[1 + ${hashMod('i', 1, REGIONS.length)}] AS region_name) r) s
      ORDER BY s.i`,
    [count],
  );
  log(`  ${count} credit subjects in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const abbreviations = `(VALUES ${DEPARTMENTS.map(([code, , abbr], k) => `('${code}', '${abbr}', ${k})`).join(', ')}) AS a(code, abbr, k)`;
  await client.query(
    `WITH d AS (SELECT dep.id, dep.name, dep.uscc, a.abbr, a.k FROM departments dep JOIN ${abbreviations} ON a.code = dep.code)
     INSERT INTO penalty_records (department_id, decision_number, subject_id, party_name, party_type, uscc, legal_representative,
       violation_type, violation_facts, legal_basis, penalty_categories, penalty_content, fine_amount, decision_date,
       authority_name, authority_uscc, severity, content_hash)
     SELECT d.id, '滁' || d.abbr || '罚〔' || to_char(x.dd, 'YYYY') || '〕' || s.id || '号', s.id, s.name, 'LEGAL_ENTITY', s.uscc,
            ${pick(SURNAMES, 31, 's.id')} || ${pick(GIVEN, 131, 's.id')},
            ${pick(VIOLATION_TYPES, 2654435761, 's.id')},
            '当事人' || s.name || '于' || to_char(x.dd - 20, 'YYYY"年"FMMM"月"FMDD"日"') || '，' || ${pick(FACT_OPENINGS, 97, 's.id')}
              || ${pick(FACT_ACTIONS, 40507, 's.id')} || ${pick(FACT_DETAILS, 7907, 's.id')} || ${pick(FACT_CLOSINGS, 613, 's.id')},
            ${pick(LEGAL_BASES, 211, 's.id')},
            (${pick(CATEGORY_SETS, 17, 's.id')})::text[],
            '罚款人民币' || (x.fine * 10000)::bigint || '元', x.fine, x.dd, d.name, d.uscc,
            CASE WHEN ${hashMod('s.id', 10, 10)} = 0 THEN 'SERIOUS' ELSE 'GENERAL' END, md5(s.id::text)
       FROM credit_subjects s
       JOIN d ON d.k = ${hashMod('s.id', 12, DEPARTMENTS.length)}
       CROSS JOIN LATERAL (SELECT (current_date - ${hashMod('s.id', 330, 330)}) AS dd, (${hashMod('s.id', 500, 500)} + 1) / 10.0 AS fine) x`,
  );
  log(`  ${count} penalty records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await client.query('ANALYZE departments; ANALYZE credit_subjects; ANALYZE penalty_records');
}
