export * from './core.module';
export * from './orm-entities';
export * from './runtime';
export * from './capabilities';
export * from './startup-failure';
export * from './shutdown-signals';
