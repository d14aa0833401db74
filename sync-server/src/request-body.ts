import type { z } from 'zod';
import { badRequest } from './errors';

/** Keys that would reach an object's prototype if copied naively. */
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path to the first prototype-polluting key anywhere in `value` (`['entries', '0', 'merged', '__proto__']`), or null. */
export function dangerousKeyPath(value: unknown, depth = 0): string[] | null {
  if (depth > 20 || typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (DANGEROUS_KEYS.has(key)) return [key];
    const inner = dangerousKeyPath((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return [key, ...inner];
  }
  return null;
}

/**
 * Parse a JSON request body with a schema; a 400 naming the first wrong
 * field (`events.3.at`) otherwise. Prototype-polluting keys are refused
 * first: the schema parse copies objects, and would turn a `"__proto__"` key
 * into a prototype.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Body must be a JSON object (Content-Type: application/json)');
  }
  const polluted = dangerousKeyPath(body);
  if (polluted) throw badRequest(`forbidden key "${polluted.at(-1)}"`, polluted.slice(0, -1).join('.') || undefined);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.');
    throw badRequest(field ? `${field}: ${issue.message}` : issue.message, field || undefined);
  }
  return result.data;
}

/** A query parameter given at most once, as a string (a repeated parameter is a 400 naming it). */
export function queryParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`Query parameter "${name}" must be given once`, name);
  return value;
}

/** The instant format every document uses (`new Date().toISOString()`). */
export const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** How far ahead of the server's clock a device's clock may run before its times are refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** True when `value` is a real instant not later than `now` plus the allowed clock skew. */
export function isPastInstant(value: string, now: Date): boolean {
  const time = Date.parse(value);
  return INSTANT_RE.test(value) && !Number.isNaN(time) && new Date(time).toISOString() === value && time <= now.getTime() + CLOCK_SKEW_MS;
}

/** A `limit` query parameter: an integer from 1 to `max`, `fallback` when absent; a 400 naming it otherwise. */
export function limitOf(raw: string | undefined, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > max) throw badRequest(`Query parameter "limit" must be an integer from 1 to ${max}`, 'limit');
  return limit;
}
