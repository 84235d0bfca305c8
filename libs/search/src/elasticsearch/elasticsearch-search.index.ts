// The Elasticsearch backend (SEARCH_BACKEND=elasticsearch): versioned indices behind one alias, bulk writes
// with external versions (deletes included), bounded total hits, facets over a bounded sampler.
import type { Client, estypes } from '@elastic/elasticsearch';
import { badInput, cursorCodec } from '@credit/common';
import type { IsoDate } from '@credit/domain';
import type {
  DisclosureDocument,
  DisclosureSearchPage,
  DisclosureSearchRequest,
  FacetBucket,
  IndexBuild,
  IndexOperation,
  SearchIndex,
  StoredDocument,
} from '../search-index.port';
import { noFacets, searchExtras } from '../search-index.port';
import { highlightsOf } from '../search-highlights';
import { parseQuery, regionPrefix } from '../search-text';
import { ADDED_PROPERTIES, DEFAULT_ALIAS, fromSource, INDEX_SETTINGS, MAPPINGS, toSource } from './elasticsearch.mapping';

const FACET_SIZE = 20;

export class ElasticsearchSearchIndex implements SearchIndex {
  readonly backend = 'elasticsearch' as const;

  constructor(
    private readonly client: Client,
    private readonly alias = DEFAULT_ALIAS,
  ) {}

  async ensureReady(): Promise<void> {
    if (await this.client.indices.existsAlias({ name: this.alias })) {
      // A live index made before a field was added to the strict mapping would refuse documents carrying it.
      await this.client.indices.putMapping({ index: this.alias, properties: ADDED_PROPERTIES });
      return;
    }
    const index = await this.createVersion(false);
    await this.client.indices.updateAliases({ actions: [{ add: { index, alias: this.alias } }] });
  }

  async apply(ops: IndexOperation[]): Promise<void> {
    await this.bulk(this.alias, ops, 'wait_for');
  }

  async search(request: DisclosureSearchRequest): Promise<DisclosureSearchPage> {
    const query = request.query === null ? null : parseQuery(request.query);
    if (typeof query === 'string') throw badInput(`The query cannot be searched (${query})`, 'query');
    const must: estypes.QueryDslQueryContainer[] = [];
    if (query) {
      must.push({
        bool: {
          should: [
            { multi_match: { query: query.exact, fields: ['partyName^3', 'violationType^2', 'violationFacts'], type: 'cross_fields', operator: 'and' } },
            { term: { 'partyName.exact': { value: query.exact, boost: 20 } } },
            { term: { uscc: { value: query.exact, boost: 20 } } },
            { term: { decisionNumber: { value: query.exact, boost: 20 } } },
          ],
          minimum_should_match: 1,
        },
      });
    }
    const sort: estypes.Sort = query ? ['_score', { decisionDate: 'desc' }, { id: 'desc' }] : [{ decisionDate: 'desc' }, { id: 'desc' }];
    const after = query ? RANKED_CURSOR.decode(request.after) : NEWEST_CURSOR.decode(request.after);
    const extras = searchExtras(request);
    const response = await this.client.search<Record<string, any>>({
      index: this.alias,
      query: { bool: { must, filter: this.filters(request) } },
      sort,
      size: request.first + 1,
      ...(after ? { search_after: searchAfter(after) } : {}),
      track_total_hits: extras.count ? request.countBound : false,
      aggs: extras.facets ? {
        sample: {
          sampler: { shard_size: request.countBound },
          aggs: {
            departments: { terms: { field: 'departmentCode', size: FACET_SIZE }, aggs: { name: { terms: { field: 'departmentName', size: 1 } } } },
            regions: { terms: { field: 'regionCode', size: FACET_SIZE } },
            years: { terms: { field: 'decisionYear', size: FACET_SIZE } },
            categories: { terms: { field: 'penaltyCategories', size: FACET_SIZE } },
          },
        },
      } : undefined,
    });
    const hits = response.hits.hits;
    const page = Math.min(hits.length, request.first);
    // Without a count (track_total_hits: false) the page itself is the lower bound, as in the PostgreSQL adapter.
    const total: estypes.SearchTotalHits = extras.count ? (response.hits.total as estypes.SearchTotalHits) : { value: page, relation: hits.length > request.first ? 'gte' : 'eq' };
    const sample = (response.aggregations?.sample ?? {}) as Record<string, any>;
    const buckets = (name: string, label?: (b: any) => string | null): FacetBucket[] =>
      (sample[name]?.buckets ?? []).map((b: any) => ({ value: String(b.key), label: label ? label(b) : null, count: b.doc_count }));
    return {
      hits: hits.slice(0, request.first).map((hit) => {
        const doc = fromSource(hit._source as Record<string, any>);
        return { doc, highlights: query ? highlightsOf(doc, query) : [], cursor: cursorOf(hit.sort ?? [], query !== null) };
      }),
      hasNextPage: hits.length > request.first,
      totalCount: Math.min(total.value, request.countBound),
      totalCountIsLowerBound: total.relation === 'gte' || total.value > request.countBound,
      facets: extras.facets ? {
        departments: buckets('departments', (b) => b.name?.buckets?.[0]?.key ?? null),
        regions: buckets('regions'),
        years: buckets('years'),
        categories: buckets('categories'),
      } : noFacets(),
    };
  }

  async getVisible(ids: string[], asOf: IsoDate): Promise<DisclosureDocument[]> {
    if (ids.length === 0) return [];
    const response = await this.client.search<Record<string, any>>({
      index: this.alias,
      size: ids.length,
      query: { bool: { filter: [{ terms: { id: ids.map(Number) } }, ...window(asOf)] } },
    });
    return response.hits.hits.map((hit) => fromSource(hit._source as Record<string, any>));
  }

  async findExpired(asOf: IsoDate, limit: number): Promise<string[]> {
    const response = await this.client.search({
      index: this.alias,
      size: limit,
      _source: false,
      query: { range: { publishedUntil: { lt: asOf } } },
      sort: [{ publishedUntil: 'asc' }],
    });
    return response.hits.hits.map((hit) => String(hit._id));
  }

  async scan(afterId: string | null, limit: number): Promise<StoredDocument[]> {
    const response = await this.client.search<Record<string, any>>({
      index: this.alias,
      size: limit,
      version: true,
      sort: [{ id: 'asc' }],
      ...(afterId ? { search_after: [Number(afterId)] } : {}),
      query: { match_all: {} },
    });
    return response.hits.hits.map((hit) => ({ version: Number(hit._version), doc: fromSource(hit._source as Record<string, any>) }));
  }

  async beginBuild(): Promise<IndexBuild> {
    const index = await this.createVersion(true);
    const build: IndexBuild = {
      name: index,
      apply: (ops) => this.bulk(index, ops, false),
      commit: async () => {
        await this.client.indices.putSettings({ index, settings: { refresh_interval: '1s' } });
        await this.client.indices.refresh({ index });
        const current = (await this.client.indices.existsAlias({ name: this.alias })) ? Object.keys(await this.client.indices.getAlias({ name: this.alias })) : [];
        // One request, applied atomically: searches see the old version or the new one.
        await this.client.indices.updateAliases({
          actions: [...current.map((old) => ({ remove: { index: old, alias: this.alias } })), { add: { index, alias: this.alias } }],
        });
        for (const old of current) await this.client.indices.delete({ index: old });
      },
      abort: async () => {
        await this.client.indices.delete({ index }, { ignore: [404] });
      },
    };
    return build;
  }

  private async createVersion(bulkLoad: boolean): Promise<string> {
    const index = `${this.alias}-v${Date.now()}`;
    const settings = bulkLoad ? { ...INDEX_SETTINGS, refresh_interval: '-1' } : INDEX_SETTINGS;
    await this.client.indices.create({ index, settings, mappings: MAPPINGS });
    return index;
  }

  private filters(request: DisclosureSearchRequest): estypes.QueryDslQueryContainer[] {
    const f = request.filter;
    const out: estypes.QueryDslQueryContainer[] = [...window(request.asOf)];
    if (f.regionCode) {
      const prefix = regionPrefix(f.regionCode);
      if (prefix) out.push({ term: { regionPrefixes: prefix } });
    }
    if (f.departmentCode) out.push({ term: { departmentCode: f.departmentCode } });
    if (f.penaltyCategory) out.push({ term: { penaltyCategories: f.penaltyCategory } });
    if (f.severity) out.push({ term: { severity: f.severity } });
    if (f.uscc) out.push({ term: { uscc: f.uscc.trim() } });
    if (f.decisionDateFrom || f.decisionDateTo) {
      out.push({ range: { decisionDate: { ...(f.decisionDateFrom ? { gte: f.decisionDateFrom } : {}), ...(f.decisionDateTo ? { lte: f.decisionDateTo } : {}) } } });
    }
    return out;
  }

  /** External versions: equal or older versions are refused (409) and that refusal is the idempotence we want. */
  private async bulk(index: string, ops: IndexOperation[], refresh: 'wait_for' | false): Promise<void> {
    if (ops.length === 0) return;
    const operations: unknown[] = [];
    for (const op of ops) {
      if (op.op === 'upsert') {
        operations.push({ index: { _index: index, _id: op.doc.id, version: op.version, version_type: 'external' } }, toSource(op.doc));
      } else {
        operations.push({ delete: { _index: index, _id: op.id, version: op.version, version_type: 'external' } });
      }
    }
    const response = await this.client.bulk({ operations, refresh });
    if (!response.errors) return;
    const failed = response.items
      .map((item) => Object.values(item)[0] as estypes.BulkResponseItem)
      .filter((item) => item.error && item.status !== 409 && item.status !== 404);
    if (failed.length > 0) throw new Error(`Elasticsearch refused ${failed.length} of ${ops.length} writes: ${failed[0].error?.reason ?? failed[0].error?.type}`);
  }
}

function window(asOf: IsoDate): estypes.QueryDslQueryContainer[] {
  return [{ range: { publishedFrom: { lte: asOf } } }, { range: { publishedUntil: { gte: asOf } } }];
}

// Cursors are the sort values of the last hit: [_score,] decisionDate (epoch ms), id (a long, sent as a
// string by the codec and back as a number, as Elasticsearch compares it).
const RANKED_CURSOR = cursorCodec('score', 'epochMillis', 'id');
const NEWEST_CURSOR = cursorCodec('epochMillis', 'id');

function searchAfter(after: readonly (string | number)[]): estypes.FieldValue[] {
  return after.map((value, index) => (index === after.length - 1 ? Number(value) : value));
}

function cursorOf(sort: estypes.SortResults, ranked: boolean): string {
  const values = sort.map((value) => (typeof value === 'number' ? value : String(value)));
  const id = String(values[values.length - 1]);
  return ranked ? RANKED_CURSOR.encode([Number(values[0]), Number(values[1]), id]) : NEWEST_CURSOR.encode([Number(values[0]), id]);
}
