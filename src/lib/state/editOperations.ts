// Everything a cell edit runs, as one module the page loads on demand (cellEditing.svelte.ts):
// a first visit only reads the notebook, and these are about 3 kB of its JavaScript.
export * from '../notebooks/edits';
export { applyRename, renameOfferFor } from './renameRules';
