// Brings localStorage's leftovers into the database once per page, before anything reads it:
// the notebook's start (state/tabStart.ts) and the library (also on the compare page)
// both wait for it. The mover's code loads only when there is something to move.

import { hasLocalStorageToMove } from './localStorageNotes';
import type { MoveReport } from './moveFromLocalStorage';

let moving: Promise<MoveReport | null> | null = null;

/** What the move found (null when there was nothing to move); the same answer for every caller. */
export function prepareStorage(): Promise<MoveReport | null> {
	moving ??= hasLocalStorageToMove() ? import('./moveFromLocalStorage').then((m) => m.moveFromLocalStorage()) : Promise.resolve(null);
	return moving;
}
