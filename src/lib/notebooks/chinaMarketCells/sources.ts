// Citations the published notebook's texts share. Every text is our own wording; facts come from
// the two seed articles and the public series in data/, each point of which names its source.

export const CAIXIN = 'Caixin Global, "Foreign carmakers tap local expertise to regain China market share" (mid-2025)';
export const GUANGZHOU = '"Rewriting the script" (report on the Guangzhou Auto Show, Nov 2025)';

/** The brand origins the model splits the home market into, in the order every list uses. */
export const FOREIGN_ORIGINS = ['German', 'Japanese', 'US', 'Other'] as const;
export type ForeignOrigin = (typeof FOREIGN_ORIGINS)[number];
