// Apart from settle.ts (which validates, with zod): writing a link needs only these names, and
// every page writes its address from the start.

/** Parameter names the codec itself uses; an input with one of these names cannot travel in a link. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['v', 'horizon', 'nb', 'ref']);
