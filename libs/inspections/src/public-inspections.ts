// What the public portal reads of the inspections (一公开): the public search of published results (the service
// of the `searchInspectionResults` query, its arguments and models) and the public view of drawn plans.
export { InspectionResultsService } from './inspection-results.service';
export { InspectionResultFilter, SearchInspectionResultsArgs } from './dto/inspection-result.inputs';
export { PublicInspectionResultConnection, PublicInspectionResultModel } from './dto/inspection-result.models';
export * from './public-inspection-plan.service';
