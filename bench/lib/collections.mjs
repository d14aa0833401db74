// The synced collections (mirrors COLLECTIONS in domain/src/collections.ts; a plain .mjs so the benchmarks run without a build step).
export const COLLECTIONS = ['patients', 'careplans', 'rounds', 'visits', 'assessments', 'observations', 'devices', 'reviews', 'referrals'];
