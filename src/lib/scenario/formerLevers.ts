// Levers a later version of the published notebook split or renamed, with what took their place:
// a link of the current version that still names one is told where its value belongs, rather
// than only that no input has that name. Kept apart from the notebooks so the link reader, which
// loads with the page, brings none of them.

import type { ScreenWordKey } from '../i18n/screenWords';

/** Old lever name -> the message (messages/*.json) that says what replaced it. */
export const FORMER_LEVERS: Readonly<Record<string, ScreenWordKey>> = {
	localisation: 'screen_link_former_localisation'
};
