// The lines a link's notice gains for the formulas it brought that the engine refused: the
// notebook and the embed say the same, in the page's language (the engine's own message stays
// as the engine wrote it).
import type { CellError } from '../sim/types';
import { w } from '../i18n/screenWords';

export function refusedCellNotices(errors: CellError[]): string[] {
	return errors
		.filter((e) => e.kind !== 'depends-on-error')
		.map((e) => w(e.kind === 'bad-posterior' ? 'screen_link_cell_bad_posterior' : 'screen_link_cell_refused', { id: e.cellId, message: e.message }));
}
