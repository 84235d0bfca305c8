// @credit/common/crypto: the personal-data cipher on its own, for code that runs where the framework is not loaded
// (the ingest's validation threads, which would otherwise spend ~0.27 s of their start-up loading this barrel's
// NestJS, GraphQL and metrics modules).
export * from './personal-data-cipher';
