export * from './html';
export * from './portal.controller';
export * from './portal.module';
export * from './portal.service';
export * from './portal.settings';
export * from './portal.stylesheet';
