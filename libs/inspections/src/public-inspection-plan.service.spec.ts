import { seedCommitment } from '@credit/domain';
import { PUBLIC_VERIFY_MAX_CANDIDATES, PublicInspectionPlanService } from './public-inspection-plan.service';

describe('PublicInspectionPlanService.verdict', () => {
  const seed = 'ab'.repeat(32);
  const plan = { id: '7', candidateListHash: 'f'.repeat(64), seed, seedCommitment: seedCommitment(seed) };
  const setup = () => {
    const verify = jest.fn().mockResolvedValue({ matches: true, checks: [] });
    const service = new PublicInspectionPlanService(null as never, null as never, null as never, null as never, { verify } as never, { publishNaturalPersons: false } as never);
    return { service, verify };
  };

  it('re-runs the draw (the CLI\u2019s verify) once per plan and keeps the verdict', async () => {
    const { service, verify } = setup();
    const small = { ...plan, candidateCount: PUBLIC_VERIFY_MAX_CANDIDATES };
    expect(await service.verdict(small)).toEqual({ complete: true, verification: { matches: true, checks: [] } });
    await service.verdict(small);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith('7', null);
  });

  it('above the bound checks only the seed against its commitment, without re-running the draw', async () => {
    const { service, verify } = setup();
    const large = { ...plan, candidateCount: PUBLIC_VERIFY_MAX_CANDIDATES + 1 };
    expect(await service.verdict(large)).toEqual({ complete: false, commitmentMatches: true, candidates: PUBLIC_VERIFY_MAX_CANDIDATES + 1 });
    expect(await service.verdict({ ...large, seedCommitment: '0'.repeat(64) })).toMatchObject({ commitmentMatches: false });
    expect(verify).not.toHaveBeenCalled();
  });
});
