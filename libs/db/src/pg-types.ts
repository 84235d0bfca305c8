// pg turns DATE columns into JS Dates at local midnight, which shifts legal dates across time zones.
// Keep them as the 'YYYY-MM-DD' strings they are; numeric and bigint already come back as exact strings.
import { types } from 'pg';

const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);
