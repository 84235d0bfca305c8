import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { DepartmentPrincipal } from '@credit/common';
import { ApiKeyVerifier } from '@credit/departments';

/** Departments (machine clients): `X-Api-Key: <key>`. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'department-api-key') {
  constructor(private readonly verifier: ApiKeyVerifier) {
    super({ header: 'X-Api-Key', prefix: '' }, false);
  }

  async validate(apiKey: string): Promise<DepartmentPrincipal | false> {
    return (await this.verifier.verify(apiKey)) ?? false;
  }
}
