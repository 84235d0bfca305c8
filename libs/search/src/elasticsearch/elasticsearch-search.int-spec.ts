// The same contract against Elasticsearch: ELASTICSEARCH_URL when set, else a testcontainers node when a
// Docker engine answers. Otherwise the suite is skipped, and says so in the test name and on stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { Client } from '@elastic/elasticsearch';
import { searchIndexContract } from '../search-index.contract';
import { ElasticsearchSearchIndex } from './elasticsearch-search.index';

const IMAGE = process.env.ES_TEST_IMAGE ?? 'docker.elastic.co/elasticsearch/elasticsearch:9.2.0';

/** Why the run cannot happen, or null when it can. Synchronous (jest decides skips at collection) and fast. */
function skipReason(): string | null {
  if (process.env.ELASTICSEARCH_URL) return null;
  const socket = process.env.DOCKER_HOST?.replace(/^unix:\/\//, '') ?? '/var/run/docker.sock';
  if (!process.env.DOCKER_HOST && !fs.existsSync(socket)) {
    return 'ELASTICSEARCH_URL is unset and there is no Docker engine (no DOCKER_HOST, no /var/run/docker.sock)';
  }
  const target = socket.startsWith('tcp://') ? `{ host: ${JSON.stringify(new URL(socket).hostname)}, port: ${Number(new URL(socket).port)} }` : `{ socketPath: ${JSON.stringify(socket)} }`;
  const probe = `require('http').get({ ...${target}, path: '/_ping', timeout: 1500 }, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1)).on('timeout', () => process.exit(1));`;
  const answered = spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0;
  return answered ? null : `ELASTICSEARCH_URL is unset and the Docker engine at ${socket} does not answer`;
}

const reason = skipReason();

if (reason) {
  process.stdout.write(`\n[integration] Elasticsearch contract run SKIPPED: ${reason}. Set ELASTICSEARCH_URL to run it.\n`);
  describe('SearchIndex contract: Elasticsearch', () => {
    it.skip(`is skipped: ${reason}`, () => undefined);
  });
} else {
  searchIndexContract('Elasticsearch', async () => {
    let url = process.env.ELASTICSEARCH_URL;
    let auth: { username: string; password: string } | undefined;
    let stop: () => Promise<unknown> = async () => undefined;
    if (!url) {
      const { ElasticsearchContainer } = await import('@testcontainers/elasticsearch');
      const container = await new ElasticsearchContainer(IMAGE).start();
      url = container.getHttpUrl();
      auth = { username: container.getUsername(), password: container.getPassword() };
      stop = () => container.stop();
    }
    const client = new Client({ node: url, auth, tls: { rejectUnauthorized: false } });
    // A private alias per run, so a shared cluster is never touched outside it.
    const alias = `credit-contract-${process.pid}-${Date.now()}`;
    return {
      index: new ElasticsearchSearchIndex(client, alias),
      cleanup: async () => {
        await client.indices.delete({ index: `${alias}-v*` }, { ignore: [404] });
        await client.close();
        await stop();
      },
    };
  });
}
