// Natural persons' ID numbers at rest: AES-256-GCM (authenticated) with the key id stored beside the value,
// so keys can rotate; lookups go through an HMAC so the clear number is never needed to find a person.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PlatformSecrets } from '../config/secrets';

export class PersonalDataCipher {
  constructor(private readonly secrets: Pick<PlatformSecrets, 'piiKeys' | 'activePiiKeyId' | 'piiHashKey'>) {}

  /** `keyId:iv:tag:ciphertext`, each part base64. */
  encrypt(plain: string): string {
    const keyId = this.secrets.activePiiKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(keyId), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [keyId, iv, tag, data] = sealed.split(':');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for lookups: the same person (ID type + number) always gives the same value. */
  lookupHash(idType: string, idNumber: string): string {
    return createHmac('sha256', this.secrets.piiHashKey).update(`${idType}:${idNumber.toUpperCase()}`).digest('hex');
  }

  private key(keyId: string): Buffer {
    const key = this.secrets.piiKeys[keyId];
    if (!key) throw new Error(`No personal-data key with id ${keyId} is configured`);
    return key;
  }
}
