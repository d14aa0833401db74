// Loaded with import() only, with the rest of the database layer.
import {
  clone,
  getPrimaryFieldOfPrimaryKey,
  getProperty,
  hasEncryption,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  wrapRxStorageInstance,
} from 'rxdb';
import { dataSubkey, sealJson, SEALED_PREFIX, unsealJson } from '../auth/data-key-wrap';

/**
 * Field encryption at rest with WebCrypto: each field a collection's schema
 * lists in `encrypted` is stored as `sealJson(value)`, AES-256-GCM under a key
 * derived from the database password (the user's data key) with HKDF, a fresh
 * IV per value, and the collection, document id and field path bound as
 * additional data, so a ciphertext moved to another document or field does not
 * open. Everything else is RxDB's own storage wrapper, as in its crypto-js plugin.
 *
 * Why not RxDB's free crypto-js plugin: it derives a key with EvpKDF (MD5) for
 * every value and runs AES in JavaScript — about 300 µs per value, three
 * quarters of the first sync's CPU time on a 20,000-document caseload. The
 * browser's native AES-GCM costs a few µs (docs/decisions.md, "Encryption at rest").
 *
 * Values written by the crypto-js plugin (base64 of `Salted__…`) are still
 * read, with crypto-js loaded on demand, so a tablet's database from before
 * this change opens as it was; every rewrite stores the new form.
 */
export function fieldEncryptedStorage<Internals, InstanceCreationOptions>(
  storage: RxStorage<Internals, InstanceCreationOptions>,
  crypto: Crypto = globalThis.crypto,
): RxStorage<Internals, InstanceCreationOptions> {
  const keys = new Map<string, Promise<CryptoKey>>();
  const justSealed = new RecentlySealed();
  // Stored form → the document it was sealed from. RxDB hands a write's stored documents back in
  // its change event (and Dexie emits the very objects it was given): those need no opening at all.
  const writtenFrom = new WeakMap<object, object>();
  const keyFor = (password: string): Promise<CryptoKey> => {
    let key = keys.get(password);
    if (!key) keys.set(password, (key = dataSubkey(crypto, password, 'field')));
    return key;
  };

  return {
    ...storage,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, InstanceCreationOptions>,
    ): Promise<RxStorageInstance<RxDocType, Internals, InstanceCreationOptions>> {
      if (!hasEncryption(params.schema)) return storage.createStorageInstance(params);
      if (typeof params.password !== 'string' || params.password.length === 0) {
        throw new TypeError(`${params.databaseName}/${params.collectionName}: encrypted fields need the database password (the data key)`);
      }
      const password = params.password;
      const paths = params.schema.encrypted ?? [];
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const context = (doc: RxDocumentData<RxDocType>, path: string) =>
        `${params.collectionName}/${String((doc as Record<string, unknown>)[primary])}/${path}`;
      const key = keyFor(password);

      const instance = await storage.createStorageInstance({ ...params, schema: storedSchema(params.schema) });

      const toStorage = async (doc: RxDocumentData<RxDocType>) => {
        const present = paths.filter((path) => getProperty(doc, path) !== undefined);
        // Nothing to seal: stored as it is, like an unwrapped storage would.
        if (present.length === 0) return doc;
        const sealed = await Promise.all(
          present.map(async (path) => {
            const value: unknown = getProperty(doc, path);
            const text = await sealJson(crypto, await key, value, context(doc, path));
            justSealed.remember(text, context(doc, path), value);
            return text;
          }),
        );
        const out = present.reduce((copy, path, i) => withValueAt(copy, path, sealed[i]), doc);
        // The change event of this write carries `out`: it reads back as the document written.
        writtenFrom.set(out, doc);
        return out;
      };
      const fromStorage = async (doc: RxDocumentData<RxDocType>) => {
        const written = writtenFrom.get(doc);
        if (written) return written as RxDocumentData<RxDocType>;
        const present = paths.filter((path) => getProperty(doc, path) !== undefined);
        if (present.length === 0) return doc;
        const opened = await Promise.all(
          present.map(async (path) => {
            const value: unknown = getProperty(doc, path);
            if (typeof value !== 'string') throw new TypeError(`${context(doc, path)}: an encrypted field holds no ciphertext`);
            return openField(value, () => key, password, context(doc, path));
          }),
        );
        return present.reduce((copy, path, i) => withValueAt(copy, path, opened[i]), doc);
      };
      // RxDB's wrapper types its instance loosely; it is the instance of this document type.
      return wrapRxStorageInstance(params.schema, instance, toStorage, fromStorage) as unknown as RxStorageInstance<RxDocType, Internals, InstanceCreationOptions>;
    },
  };

  async function openField(value: string, key: () => Promise<CryptoKey>, password: string, context: string): Promise<unknown> {
    if (value.startsWith(SEALED_PREFIX)) return justSealed.recall(value, context) ?? unsealJson(crypto, await key(), value, context);
    if (value.startsWith(CRYPTO_JS_PREFIX)) return openCryptoJs(value, password);
    throw new TypeError(`${context}: not an encrypted value this app writes`);
  }
}

/**
 * The clear values of the last ciphertexts this storage wrote. Besides a
 * write's change event (answered with the written document itself), RxDB and
 * the screens read back documents written a moment before (the replication's
 * bookkeeping, the queries re-run while a first sync lands): those are
 * answered from here without WebCrypto. Bounded; a copy is returned, never
 * the remembered value.
 * It holds no more than RxDB's own document cache beside it.
 */
class RecentlySealed {
  private static readonly LIMIT = 5_000;
  private readonly values = new Map<string, string>();

  // Keyed by the context too: a ciphertext read in another document or field is decrypted (and refused) as usual.
  remember(sealed: string, context: string, value: unknown): void {
    this.values.set(`${context}\n${sealed}`, JSON.stringify(value));
    if (this.values.size > RecentlySealed.LIMIT) this.values.delete(this.values.keys().next().value as string);
  }

  recall(sealed: string, context: string): unknown {
    const json = this.values.get(`${context}\n${sealed}`);
    return json === undefined ? undefined : JSON.parse(json);
  }
}

/** base64 of "Salted__": how crypto-js's passphrase AES output begins. */
const CRYPTO_JS_PREFIX = 'U2FsdGVkX1';

/** A value the crypto-js plugin wrote (the same password): crypto-js only loads when one is met. */
async function openCryptoJs(value: string, password: string): Promise<unknown> {
  const { decryptString } = await import('rxdb/plugins/encryption-crypto-js');
  return JSON.parse(decryptString(value, password));
}

/**
 * A copy of `doc` with `value` at the dotted `path`, copying only the objects
 * along the path (documents are immutable to RxDB, so the rest is shared).
 */
function withValueAt<T>(doc: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const source = doc as Record<string, unknown>;
  const inner = rest.length === 0 ? value : withValueAt((source[head] ?? {}) as object, rest.join('.'), value);
  return { ...source, [head]: inner } as T;
}

/** The schema as stored: each encrypted field is a string (its type-specific keywords do not apply to ciphertext). */
function storedSchema<T>(schema: RxJsonSchema<T>): RxJsonSchema<T> {
  const stored = clone(schema) as RxJsonSchema<T> & { properties: Record<string, { properties?: Record<string, unknown> }> };
  delete stored.encrypted;
  for (const path of schema.encrypted ?? []) {
    const parts = path.split('.');
    let level: { properties?: Record<string, unknown> } = stored;
    for (const part of parts.slice(0, -1)) level = level.properties?.[part] as { properties?: Record<string, unknown> };
    level.properties![parts[parts.length - 1]] = { type: 'string' };
  }
  return stored;
}
