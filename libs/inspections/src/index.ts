export * from './inspection-plan.entities';
export * from './inspection-result.entities';
export * from './inspections.module';
export * from './inspection-clock';
export * from './inspection-draw.service';
export * from './inspections.errors';
