// The kinds of cell a person can add, in the order the pickers list them, with the word each is
// shown by (i18n/screenWords.ts: the first screen's words come with the page's data).
import type { CellKind } from '../sim/types';
import type { ScreenWordKey } from '../i18n/screenWords';

export const CELL_KINDS: readonly { kind: CellKind; word: ScreenWordKey }[] = [
	{ kind: 'markdown', word: 'screen_kind_markdown' },
	{ kind: 'input', word: 'screen_kind_input' },
	{ kind: 'formula', word: 'screen_kind_formula' },
	{ kind: 'chart', word: 'screen_kind_chart' },
	{ kind: 'table', word: 'screen_kind_table' },
	{ kind: 'headline', word: 'screen_kind_headline' },
	{ kind: 'fit', word: 'screen_kind_fit' },
	{ kind: 'backtest', word: 'screen_kind_backtest' },
	{ kind: 'sensitivity', word: 'screen_kind_sensitivity' },
	{ kind: 'discovery', word: 'screen_kind_discovery' },
	{ kind: 'data', word: 'screen_kind_data' }
];
