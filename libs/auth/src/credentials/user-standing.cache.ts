// Whether a JWT's user still exists, is enabled, and with which role and region: read from the database at
// most once per USER_STATUS_CACHE_SECONDS (≤ 60) per user and replica, so a disabled user is out within a
// minute without a query on every request. Role and region come from here, not from the token, so a moved
// or demoted regulator's old token does not keep the old scope either.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@credit/common';
import { UserRole } from '../user.entity';
import { UsersService } from '../users.service';

export interface UserStanding {
  username: string;
  role: UserRole;
  regionCode: string | null;
}

const MAX_ENTRIES = 10_000;

@Injectable()
export class UserStandingCache {
  private readonly entries = new Map<string, { standing: UserStanding | null; expiresAt: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.userStatusCacheSeconds * 1000;
  }

  /** The active user's standing, or null when the user is disabled or gone. */
  async standingOf(userId: string): Promise<UserStanding | null> {
    const now = Date.now();
    const cached = this.entries.get(userId);
    if (cached && cached.expiresAt > now) return cached.standing;
    const user = await this.users.findActiveById(userId);
    const standing = user ? { username: user.username, role: user.role, regionCode: user.regionCode } : null;
    if (this.ttlMs > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, { standing, expiresAt: now + this.ttlMs });
    }
    return standing;
  }
}
