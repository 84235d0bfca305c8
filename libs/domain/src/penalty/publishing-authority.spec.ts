import { AUTHORITY_NOT_ALLOWED, checkPublishingAuthority, fillPublishingAuthority, PublishingAuthority } from './publishing-authority';
import { companyDraft } from './testing/penalty-draft.fixtures';

const OWN: PublishingAuthority = { uscc: '113411000030000142', name: '滁州市市场监督管理局', own: true };
const GRANT: PublishingAuthority = { uscc: '11341122MB0000011X', name: '来安县市场监督管理局', own: false };
const ALLOWED = [OWN, GRANT];

describe('fillPublishingAuthority', () => {
  it.each([
    ['both omitted → the department itself', { authorityName: null, authorityUscc: null }, OWN, null],
    ['blank strings count as omitted', { authorityName: ' ', authorityUscc: '' }, OWN, null],
    ['only a granted USCC (lower case, spaced) → its name', { authorityName: null, authorityUscc: ' 11341122mb0000011x ' }, GRANT, null],
    ['only a granted name → its USCC', { authorityName: '来安县市场监督管理局', authorityUscc: null }, GRANT, null],
    ['only a foreign USCC → not allowed, on the USCC', { authorityName: null, authorityUscc: '91341100MA2N0001XW' }, null, 'authorityUscc'],
    ['only a foreign name → not allowed, on the name', { authorityName: '国家税务总局滁州市税务局', authorityUscc: null }, null, 'authorityName'],
  ])('%s', (_, fields, filled, issueField) => {
    const { draft, issue } = fillPublishingAuthority(companyDraft(fields), ALLOWED);
    if (filled) expect([draft.authorityUscc, draft.authorityName]).toEqual([filled.uscc, filled.name]);
    expect(issue?.field ?? null).toBe(issueField);
    if (issue) expect(issue.code).toBe(AUTHORITY_NOT_ALLOWED);
  });

  it('leaves a draft naming both fields as sent (the check decides)', () => {
    const sent = companyDraft({ authorityName: '别的机关', authorityUscc: '91341100MA2N0001XW' });
    expect(fillPublishingAuthority(sent, ALLOWED)).toEqual({ draft: sent, issue: null });
  });
});

describe('checkPublishingAuthority', () => {
  it.each([
    ['the department itself', OWN.uscc, OWN.name, null],
    ['a granted authority', GRANT.uscc, GRANT.name, null],
    ['a USCC neither own nor granted', '91341100MA2N0001XW', OWN.name, 'authorityUscc'],
    ["the own USCC under a granted authority's name", OWN.uscc, GRANT.name, 'authorityName'],
  ])('%s', (_, authorityUscc, authorityName, field) => {
    expect(checkPublishingAuthority({ authorityUscc, authorityName }, ALLOWED)?.field ?? null).toBe(field);
  });
});
