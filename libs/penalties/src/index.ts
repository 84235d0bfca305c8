export * from './dto/penalty-record.input';
export * from './dto/penalty-record.models';
export * from './penalties.module';
export * from './penalty-change.hooks';
export * from './penalty-ingest.service';
export * from './penalty-record-version.entity';
export * from './penalty-record.entity';
export * from './penalty-records.service';
