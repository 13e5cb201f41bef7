// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, except inside a text box (which has its own undo).
// Shared by the notebook and the explore view: one document, one undo history.

/** Undoes or redoes on the shortcut; leaves every other key (and text boxes) alone. */
export function undoShortcut(event: KeyboardEvent, history: { undo(): void; redo(): void }): void {
	if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
	const key = event.key.toLowerCase();
	if (key !== 'z' && key !== 'y') return;
	const target = event.target as HTMLElement | null;
	const typing = target?.closest('textarea, [contenteditable="true"], input:not([type="range"]):not([type="checkbox"])');
	if (typing) return;
	event.preventDefault();
	if (key === 'y' || event.shiftKey) history.redo();
	else history.undo();
}
