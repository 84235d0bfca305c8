// Runs the TypeScript sources directly (npm start, cli, bench) by transpiling with swc on load:
// no build step for a newcomer, and start-up stays well under the 5 s target.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
