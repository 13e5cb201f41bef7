// The explore view renders the same published notebook: the same build-time prose and first
// results as the notebook page (../+page.server.ts).
export { load } from '../+page.server';
