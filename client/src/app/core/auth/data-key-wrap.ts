/**
 * The data key and its wrapping, with WebCrypto only (no library, so none of
 * this weighs on the initial bundle).
 *
 * The data key is 32 random bytes made on this device; its base64url text is
 * the password of the user's local RxDB database, and the keys that encrypt
 * the database's fields and the values sealed beside it are derived from it
 * ({@link dataSubkey}). It is never stored as it is: it is encrypted ("wrapped") with
 * AES-256-GCM under a key derived from the user's password by
 * PBKDF2-HMAC-SHA-256 with a random 16-byte salt, and the wrap is bound to the
 * user id as additional authenticated data, so a wrap copied to another
 * user's entry does not open.
 *
 * ```
 * WrappedDataKey (JSON in localStorage, prossima.dataKey.<userId>)
 *   v: 1
 *   kdf:    { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: base64(16 bytes) }
 *   cipher: { name: 'AES-GCM', iv: base64(12 bytes) }
 *   wrapped: base64(AES-GCM(dataKey 32 bytes) ‖ tag 16 bytes)     AAD = "prossima-data-key:v1:<userId>"
 * ```
 */

/** PBKDF2 iterations for new wraps: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
/** Wraps with fewer iterations are refused (OWASP's 2021 floor). */
export const MIN_PBKDF2_ITERATIONS = 310_000;
/** Data key length: AES-256. */
export const DATA_KEY_BYTES = 32;

const SALT_BYTES = 16;
const IV_BYTES = 12;

/** A data key wrapped with a password, as stored. */
export interface WrappedDataKey {
  v: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  wrapped: string;
}

/** The password does not open the wrap (or the wrap was altered: AES-GCM cannot tell the two apart). */
export class WrongPasswordError extends Error {
  override readonly name = 'WrongPasswordError';
  constructor() {
    super('the password does not open the data key');
  }
}

/** The stored wrap is not one this app writes (missing fields, weaker parameters). */
export class InvalidWrapError extends TypeError {
  override readonly name = 'InvalidWrapError';
}

/** A new random data key, as the text RxDB takes as its database password (base64url, 43 characters). */
export function generateDataKey(crypto: Crypto): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES)), true);
}

/** Wraps `dataKey` (from {@link generateDataKey}) with `password` for `userId`. */
export async function wrapDataKey(
  crypto: Crypto,
  dataKey: string,
  password: string,
  userId: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<WrappedDataKey> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations`);
  const raw = fromBase64(dataKey);
  if (raw.length !== DATA_KEY_BYTES) throw new TypeError('wrapDataKey: not a data key');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const kek = await deriveWrappingKey(crypto, password, salt, iterations, 'encrypt');
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(userId) }, kek, raw);
  return {
    v: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    wrapped: toBase64(new Uint8Array(wrapped)),
  };
}

/**
 * Opens a wrap with `password`: resolves with the data key, rejects with
 * {@link WrongPasswordError} when the password (or the user id) does not
 * match, {@link InvalidWrapError} when the wrap is malformed or too weak.
 */
export async function unwrapDataKey(crypto: Crypto, wrap: WrappedDataKey, password: string, userId: string): Promise<string> {
  checkWrap(wrap);
  const kek = await deriveWrappingKey(crypto, password, fromBase64(wrap.kdf.salt), wrap.kdf.iterations, 'decrypt');
  let raw: ArrayBuffer;
  try {
    raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(wrap.cipher.iv), additionalData: aad(userId) },
      kek,
      fromBase64(wrap.wrapped),
    );
  } catch (err) {
    // WebCrypto reports a failed GCM tag check as an OperationError DOMException (by name: the
    // DOMException class of the test environment is not Node's).
    if (err instanceof Error && err.name === 'OperationError') throw new WrongPasswordError();
    throw err;
  }
  if (raw.byteLength !== DATA_KEY_BYTES) throw new InvalidWrapError('the wrap does not hold a data key');
  return toBase64(new Uint8Array(raw), true);
}

/** True when `wrap` should be rewritten with the current parameters (after it was opened). */
export function wrapIsOutdated(wrap: WrappedDataKey): boolean {
  return wrap.kdf.iterations < PBKDF2_ITERATIONS;
}

/** Throws {@link InvalidWrapError} unless `value` is a wrap this app can open. */
export function checkWrap(value: unknown): asserts value is WrappedDataKey {
  const wrap = value as Partial<WrappedDataKey> | null;
  const ok =
    typeof wrap === 'object' &&
    wrap !== null &&
    wrap.v === 1 &&
    wrap.kdf?.name === 'PBKDF2' &&
    wrap.kdf.hash === 'SHA-256' &&
    Number.isInteger(wrap.kdf.iterations) &&
    wrap.kdf.iterations >= MIN_PBKDF2_ITERATIONS &&
    typeof wrap.kdf.salt === 'string' &&
    wrap.cipher?.name === 'AES-GCM' &&
    typeof wrap.cipher.iv === 'string' &&
    typeof wrap.wrapped === 'string';
  if (!ok) throw new InvalidWrapError('not a data key wrap of this app');
  const { kdf, cipher } = value as WrappedDataKey;
  if (fromBase64(kdf.salt).length < SALT_BYTES || fromBase64(cipher.iv).length !== IV_BYTES) {
    throw new InvalidWrapError('salt or IV of the wrong size');
  }
}

/** What a key derived from the data key is for: each use has its own key (HKDF `info`). */
export type DataSubkeyPurpose = 'local-seal' | 'field';

/**
 * An AES-256-GCM key derived from the data key with HKDF-SHA-256 for one
 * purpose: values sealed outside the database (`local-seal`, see
 * {@link sealJson}) or the encrypted fields inside it (`field`, see
 * core/database/field-encryption-storage.ts). The data key itself encrypts nothing.
 */
export async function dataSubkey(crypto: Crypto, dataKey: string, purpose: DataSubkeyPurpose): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', fromBase64(dataKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(`prossima-${purpose}:v1`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The key for sealing small values kept outside the database (see {@link sealJson}). */
export function sealingKey(crypto: Crypto, dataKey: string): Promise<CryptoKey> {
  return dataSubkey(crypto, dataKey, 'local-seal');
}

/** The prefix of every sealed value; a value without it was not made by {@link sealJson}. */
export const SEALED_PREFIX = 's1.';

/**
 * Encrypts `value` as JSON with AES-256-GCM under `key` (a {@link dataSubkey})
 * and a fresh random IV: `"s1.<iv>.<ciphertext>"` (base64). `context`, when
 * given, is bound as additional authenticated data: the value opens only with
 * the same context (so a sealed value moved elsewhere does not open).
 */
export async function sealJson(crypto: Crypto, key: CryptoKey, value: unknown, context?: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const params: AesGcmParams = { name: 'AES-GCM', iv, ...(context === undefined ? {} : { additionalData: new TextEncoder().encode(context) }) };
  const sealed = await crypto.subtle.encrypt(params, key, new TextEncoder().encode(JSON.stringify(value)));
  return `${SEALED_PREFIX}${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

/**
 * Opens what {@link sealJson} made (with the same `context`); rejects with
 * {@link WrongPasswordError} under another key or context, {@link InvalidWrapError} when malformed.
 */
export async function unsealJson<T>(crypto: Crypto, key: CryptoKey, sealed: string, context?: string): Promise<T> {
  const [version, iv, data] = sealed.split('.');
  if (`${version}.` !== SEALED_PREFIX || !iv || !data) throw new InvalidWrapError('not a sealed value');
  const params: AesGcmParams = {
    name: 'AES-GCM',
    iv: fromBase64(iv),
    ...(context === undefined ? {} : { additionalData: new TextEncoder().encode(context) }),
  };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(params, key, fromBase64(data));
  } catch (err) {
    if (err instanceof Error && err.name === 'OperationError') throw new WrongPasswordError();
    throw err;
  }
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

async function deriveWrappingKey(
  crypto: Crypto,
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  use: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  // NFC: the same password typed on two keyboards can reach us composed differently.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [use]);
}

function aad(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`prossima-data-key:v1:${userId}`);
}

function toBase64(bytes: Uint8Array, url = false): string {
  let text = '';
  // In slices: one spread of a large array would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const b64 = btoa(text);
  return url ? b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : b64;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  let b64 = text.includes('-') || text.includes('_') ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  while (b64.length % 4 !== 0) b64 += '=';
  let binary: string;
  try {
    binary = atob(b64);
  } catch (err) {
    // atob throws an InvalidCharacterError DOMException on text that is not base64.
    if (err instanceof Error && err.name === 'InvalidCharacterError') throw new InvalidWrapError('not base64');
    throw err;
  }
  // A plain loop: Uint8Array.from with a callback is several times slower, and this runs for every encrypted field read.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
