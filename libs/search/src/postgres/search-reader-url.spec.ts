// searchReaderUrl: the URL of the search readers' pool, the database's own URL with the search session settings
// and the name pg_stat_activity shows (node-postgres lets a URL's parameters override its config object).
import { SEARCH_READER_APPLICATION_NAME, SEARCH_SESSION_OPTIONS, searchReaderUrl } from './postgres-search.index';

describe('searchReaderUrl', () => {
  it('keeps the database, credentials and other parameters, and adds the session options and the name', () => {
    const url = new URL(searchReaderUrl('postgres://credit_app:s3cret@db.internal:5433/credit?sslmode=require'));
    expect([url.username, url.password, url.hostname, url.port, url.pathname]).toEqual(['credit_app', 's3cret', 'db.internal', '5433', '/credit']);
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect(url.searchParams.get('options')).toBe(SEARCH_SESSION_OPTIONS);
    expect(url.searchParams.get('application_name')).toBe(SEARCH_READER_APPLICATION_NAME);
  });

  it('names the search connections even when DATABASE_URL names its connections itself', () => {
    const url = new URL(searchReaderUrl('postgres://db/credit?application_name=ops-set'));
    expect(url.searchParams.getAll('application_name')).toEqual(['credit-search']);
  });
});
