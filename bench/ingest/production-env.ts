// Imported first by the ingest benchmarks: the server runs as deployed (NODE_ENV=production in the process
// environment, not only in its config), which libraries read when they load: graphql-js, for one, checks
// every input value's type with a costly cross-realm test outside production (~4 ms per batch of 1,000).
process.env.NODE_ENV = 'production';
