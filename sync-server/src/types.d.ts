// pouchdb-selector-core ships no types; only the function the gateway uses is declared.
declare module 'pouchdb-selector-core' {
  /** True when `doc` matches the Mango `selector` (the same matcher PouchDB's `_selector` filter uses). */
  export function matchesSelector(doc: object, selector: Record<string, unknown>): boolean;
}
