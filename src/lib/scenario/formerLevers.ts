// Levers a later version of the published notebook split or renamed, with what took their place:
// a link of the current version that still names one is told where its value belongs, rather
// than only that no input has that name. Kept apart from the notebooks so the link reader, which
// loads with the page, brings none of them.

/** Old lever name -> the sentence that says what replaced it. */
export const FORMER_LEVERS: Readonly<Record<string, string>> = {
	localisation:
		'a lever of versions 1 and 2; version 3 has one per foreign origin ("localisationJapanese", "localisationGerman", "localisationUS", "localisationOther"), and "Open with the current model" moves an old link\'s value to all four'
};
