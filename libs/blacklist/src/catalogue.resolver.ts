import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorOf, CurrentPrincipal, Principal, Roles } from '@credit/common';
import { CatalogueService } from './catalogue.service';
import { CreateListTypeInput, CreateMeasureInput } from './dto/catalogue.inputs';
import { ListTypeModel, MeasureModel } from './dto/catalogue.models';

@Resolver()
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Mutation(() => ListTypeModel, { description: 'ADMIN. Creates a list type (名单类型). The legal basis is required; terms must satisfy termMonths ≥ 1, objectionDays ≥ 1, 0 ≤ earliestRemovalMonths ≤ termMonths.' })
  @Roles('ADMIN')
  async createListType(@Args('input') input: CreateListTypeInput, @CurrentPrincipal() principal: Principal): Promise<ListTypeModel> {
    return this.catalogue.createListType(input, actorOf(principal));
  }

  @Mutation(() => MeasureModel, { description: 'ADMIN. Creates a joint-punishment measure (惩戒措施) of a list type.' })
  @Roles('ADMIN')
  async createMeasure(@Args('input') input: CreateMeasureInput, @CurrentPrincipal() principal: Principal): Promise<MeasureModel> {
    return this.catalogue.createMeasure(input, actorOf(principal));
  }

  @Query(() => [ListTypeModel], { description: 'REGULATOR, ADMIN, DEPARTMENT. Every list type, by code.' })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async listTypes(): Promise<ListTypeModel[]> {
    return this.catalogue.listTypes();
  }

  @Query(() => [MeasureModel], { description: 'REGULATOR, ADMIN, DEPARTMENT. Measures, optionally of one list type.' })
  @Roles('REGULATOR', 'ADMIN', 'DEPARTMENT')
  async measures(@Args('listTypeCode', { type: () => String, nullable: true }) listTypeCode?: string | null): Promise<MeasureModel[]> {
    return this.catalogue.measures(listTypeCode);
  }
}
