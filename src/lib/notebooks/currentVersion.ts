// The current version of the published notebook, on its own: the data half of the registry
// (publishedData.ts), which the engine workers bundle, needs the number, not the notebook's text.

/** Bump when the published notebook changes; add a migration for links of the old version. */
export const CHINA_MARKET_VERSION = 3;
