import {
  checkWrap,
  DATA_KEY_BYTES,
  generateDataKey,
  InvalidWrapError,
  MIN_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  unwrapDataKey,
  wrapDataKey,
  WrongPasswordError,
} from './data-key-wrap';

// Real WebCrypto (Node's), real iterations: each wrap or unwrap takes ~0.1 s here.
describe('data key wrapping', () => {
  const key = generateDataKey(crypto);

  it('when a data key is made, then it is 256 random bits as base64url text, different each time', () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(atob(key.replace(/-/g, '+').replace(/_/g, '/') + '=').length).toBe(DATA_KEY_BYTES);
    expect(generateDataKey(crypto)).not.toBe(key);
  });

  it('when wrapped, then the wrap uses PBKDF2-SHA-256 (≥ 310,000 iterations, 16-byte salt) and AES-GCM, and does not hold the key in clear', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    expect(wrap.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(atob(wrap.kdf.salt)).toHaveLength(16);
    expect(wrap.cipher.name).toBe('AES-GCM');
    expect(atob(wrap.cipher.iv)).toHaveLength(12);
    expect(JSON.stringify(wrap)).not.toContain(key);
  });

  it('when the right password is given, then the wrap opens to the same key', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    await expect(unwrapDataKey(crypto, wrap, 'prossima', 'u-anna')).resolves.toBe(key);
  });

  it('when the same key is wrapped twice, then salt, IV and wrap differ (nothing to compare across wraps)', async () => {
    const a = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    const b = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.wrapped).not.toBe(b.wrapped);
  });

  it('when the password is wrong, then it fails with WrongPasswordError', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    await expect(unwrapDataKey(crypto, wrap, 'Prossima', 'u-anna')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('when another user’s wrap is presented, then it does not open even with the right password', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    await expect(unwrapDataKey(crypto, wrap, 'prossima', 'u-marco')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('when the wrap was altered, then it does not open', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    const bytes = Uint8Array.from(atob(wrap.wrapped), (c) => c.charCodeAt(0));
    bytes[0] ^= 1;
    const altered = { ...wrap, wrapped: btoa(String.fromCharCode(...bytes)) };
    await expect(unwrapDataKey(crypto, altered, 'prossima', 'u-anna')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('when the key is re-wrapped with a new password, then the new password opens it and the old wrap still needs the old one', async () => {
    const oldWrap = await wrapDataKey(crypto, key, 'vecchia-password', 'u-anna');
    const opened = await unwrapDataKey(crypto, oldWrap, 'vecchia-password', 'u-anna');
    const newWrap = await wrapDataKey(crypto, opened, 'nuova-password', 'u-anna');
    await expect(unwrapDataKey(crypto, newWrap, 'nuova-password', 'u-anna')).resolves.toBe(key);
    await expect(unwrapDataKey(crypto, newWrap, 'vecchia-password', 'u-anna')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('when the password is typed with a different Unicode composition, then it still opens', async () => {
    const wrap = await wrapDataKey(crypto, key, 'citta\u0300', 'u-anna');
    await expect(unwrapDataKey(crypto, wrap, 'citt\u00e0', 'u-anna')).resolves.toBe(key);
  });

  it('when a wrap is malformed or weaker than the floor, then it is refused as invalid', async () => {
    const wrap = await wrapDataKey(crypto, key, 'prossima', 'u-anna');
    expect(() => checkWrap({ ...wrap, kdf: { ...wrap.kdf, iterations: MIN_PBKDF2_ITERATIONS - 1 } })).toThrow(InvalidWrapError);
    expect(() => checkWrap({ ...wrap, v: 2 })).toThrow(InvalidWrapError);
    expect(() => checkWrap({ ...wrap, cipher: { name: 'AES-GCM', iv: 'AAAA' } })).toThrow(InvalidWrapError);
    expect(() => checkWrap(null)).toThrow(InvalidWrapError);
    await expect(wrapDataKey(crypto, key, 'prossima', 'u-anna', 1000)).rejects.toBeInstanceOf(RangeError);
  });
});
