import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorOf, ClientAddress, CurrentPrincipal, Principal, Public, Roles } from '@credit/common';
import { AuthService } from './auth.service';
import { AuthPayloadModel, CreateUserInput, UserModel } from './dto/auth.dto';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayloadModel, { description: 'Public. Exchanges a username and password for a short-lived JWT. Repeated failures lock the username and the address for a while (RATE_LIMITED with retryAfterSeconds).' })
  @Public()
  async login(@Args('username') username: string, @Args('password') password: string, @ClientAddress() address: string): Promise<AuthPayloadModel> {
    return this.auth.login(username.slice(0, 64), password.slice(0, 200), address);
  }

  @Mutation(() => UserModel, { description: 'ADMIN. Creates an admin or a regulator.' })
  @Roles('ADMIN')
  async createUser(@Args('input') input: CreateUserInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    return toUserModel(await this.users.create(input, actorOf(principal)));
  }

  @Query(() => UserModel, { nullable: true, description: 'ADMIN, REGULATOR. The logged-in person.' })
  @Roles('ADMIN', 'REGULATOR')
  async me(@CurrentPrincipal() principal: Principal): Promise<UserModel | null> {
    if (principal.kind !== 'USER') return null;
    const user = await this.users.findActiveById(principal.userId);
    return user ? toUserModel(user) : null;
  }
}

function toUserModel(user: User): UserModel {
  return { id: user.id, username: user.username, role: user.role, regionCode: user.regionCode, createdAt: user.createdAt };
}
