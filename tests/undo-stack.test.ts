// Undo and redo over whole snapshots, with slider drags folded into one step.
import { describe, expect, it } from 'vitest';
import { UndoStack } from '../src/lib/state/undoStack';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
	let t = start;
	return {
		now: () => t,
		advance(ms: number) {
			t += ms;
		}
	};
}

/**
 * Drives an UndoStack the way the session does: the document is a string, every edit records
 * the state before it. Returns helpers that keep `doc` in step with undo and redo.
 */
function editor(options: ConstructorParameters<typeof UndoStack<string>>[0] = {}) {
	const stack = new UndoStack<string>(options);
	let doc = 's0';
	return {
		stack,
		get doc() {
			return doc;
		},
		edit(next: string, key: string | null = null) {
			stack.record(doc, key);
			doc = next;
		},
		undo() {
			const back = stack.undo(doc);
			if (back !== null) doc = back;
			return back;
		},
		redo() {
			const forward = stack.redo(doc);
			if (forward !== null) doc = forward;
			return forward;
		}
	};
}

describe('UndoStack', () => {
	it('starts empty: nothing to undo or redo', () => {
		const stack = new UndoStack<string>();
		expect(stack.canUndo).toBe(false);
		expect(stack.canRedo).toBe(false);
		expect(stack.undo('now')).toBeNull();
		expect(stack.redo('now')).toBeNull();
		// A failed undo or redo leaves nothing behind.
		expect(stack.canUndo).toBe(false);
		expect(stack.canRedo).toBe(false);
	});

	it('undoes in reverse order and redoes in forward order', () => {
		const e = editor();
		e.edit('s1');
		e.edit('s2');
		e.edit('s3');
		expect(e.stack.canUndo).toBe(true);
		expect(e.stack.canRedo).toBe(false);
		expect(e.undo()).toBe('s2');
		expect(e.undo()).toBe('s1');
		expect(e.stack.canRedo).toBe(true);
		expect(e.undo()).toBe('s0');
		expect(e.stack.canUndo).toBe(false);
		expect(e.undo()).toBeNull();
		expect(e.doc).toBe('s0');
		expect(e.redo()).toBe('s1');
		expect(e.redo()).toBe('s2');
		expect(e.redo()).toBe('s3');
		expect(e.stack.canRedo).toBe(false);
		expect(e.redo()).toBeNull();
		expect(e.doc).toBe('s3');
		// And back again all the way.
		expect([e.undo(), e.undo(), e.undo(), e.undo()]).toEqual(['s2', 's1', 's0', null]);
	});

	it('returns the very snapshots it was given (no copies)', () => {
		const stack = new UndoStack<{ v: number }>();
		const before = { v: 1 };
		const after = { v: 2 };
		stack.record(before);
		expect(stack.undo(after)).toBe(before);
		expect(stack.redo(before)).toBe(after);
	});

	it('clears the redo list when a new change is recorded', () => {
		const e = editor();
		e.edit('s1');
		e.edit('s2');
		e.undo();
		e.undo();
		expect(e.stack.canRedo).toBe(true);
		e.edit('t1');
		expect(e.stack.canRedo).toBe(false);
		expect(e.redo()).toBeNull();
		expect(e.doc).toBe('t1');
		expect(e.undo()).toBe('s0');
		expect(e.stack.canUndo).toBe(false);
	});

	it('clears the redo list even when the new change merges into the last step', () => {
		const c = clock();
		const e = editor({ now: c.now });
		e.edit('s1', 'slider:a');
		e.edit('s2', 'other');
		e.undo(); // back to s1; the top of the past is the 'slider:a' step
		c.advance(10);
		e.edit('s1b', 'slider:a');
		expect(e.stack.canRedo).toBe(false);
	});

	it('merges changes with the same key within the window into one step', () => {
		const c = clock();
		const e = editor({ now: c.now, mergeWindowMs: 1000 });
		e.edit('v1', 'input:x');
		c.advance(100);
		e.edit('v2', 'input:x');
		c.advance(999);
		e.edit('v3', 'input:x');
		expect(e.undo()).toBe('s0'); // the state from before the drag began
		expect(e.stack.canUndo).toBe(false);
		expect(e.redo()).toBe('v3');
	});

	it('measures the window from the latest change of the gesture, so a long drag stays one step', () => {
		const c = clock();
		const e = editor({ now: c.now, mergeWindowMs: 1000 });
		for (let i = 1; i <= 20; i++) {
			e.edit(`v${i}`, 'input:x');
			c.advance(800); // 16 s in total, never more than 0.8 s between changes
		}
		expect(e.undo()).toBe('s0');
		expect(e.stack.canUndo).toBe(false);
	});

	it('merges at exactly the window and not a millisecond after', () => {
		const c = clock();
		const e = editor({ now: c.now, mergeWindowMs: 1000 });
		e.edit('v1', 'k');
		c.advance(1000);
		e.edit('v2', 'k'); // merged: 1000 <= 1000
		c.advance(1001);
		e.edit('v3', 'k'); // a new step
		expect(e.undo()).toBe('v2');
		expect(e.undo()).toBe('s0');
		expect(e.undo()).toBeNull();
	});

	it('does not merge after the window', () => {
		const c = clock();
		const e = editor({ now: c.now, mergeWindowMs: 500 });
		e.edit('v1', 'k');
		c.advance(501);
		e.edit('v2', 'k');
		expect(e.undo()).toBe('v1');
		expect(e.undo()).toBe('s0');
	});

	it('does not merge changes with different keys', () => {
		const c = clock();
		const e = editor({ now: c.now });
		e.edit('a1', 'input:a');
		c.advance(1);
		e.edit('b1', 'input:b');
		c.advance(1);
		e.edit('a2', 'input:a'); // same key as two steps back, but not the last step
		expect([e.undo(), e.undo(), e.undo(), e.undo()]).toEqual(['b1', 'a1', 's0', null]);
	});

	it('never merges changes without a key (null), even at the same instant', () => {
		const c = clock();
		const e = editor({ now: c.now });
		e.edit('s1', null);
		e.edit('s2', null);
		e.edit('s3');
		expect([e.undo(), e.undo(), e.undo(), e.undo()]).toEqual(['s2', 's1', 's0', null]);
	});

	it('does not merge a keyed change into a step without a key, nor the other way round', () => {
		const c = clock();
		const e = editor({ now: c.now });
		e.edit('s1', null);
		e.edit('s2', 'k');
		e.edit('s3', null);
		expect([e.undo(), e.undo(), e.undo(), e.undo()]).toEqual(['s2', 's1', 's0', null]);
	});

	it('does not merge into a step that came back through redo', () => {
		const c = clock();
		const e = editor({ now: c.now });
		e.edit('s1', 'k');
		e.undo();
		e.redo();
		c.advance(1);
		e.edit('s2', 'k');
		expect(e.undo()).toBe('s1');
		expect(e.undo()).toBe('s0');
	});

	it('uses the real clock when none is given', () => {
		const e = editor();
		e.edit('v1', 'k');
		e.edit('v2', 'k'); // well within the default window of a second
		expect(e.undo()).toBe('s0');
		expect(e.stack.canUndo).toBe(false);
	});

	it('keeps at most `limit` steps, dropping the oldest', () => {
		const e = editor({ limit: 3 });
		for (let i = 1; i <= 5; i++) e.edit(`s${i}`);
		expect([e.undo(), e.undo(), e.undo()]).toEqual(['s4', 's3', 's2']);
		expect(e.stack.canUndo).toBe(false);
		expect(e.undo()).toBeNull();
		// Redo still reaches the newest state.
		expect([e.redo(), e.redo(), e.redo(), e.redo()]).toEqual(['s3', 's4', 's5', null]);
	});

	it('has a default limit of 300 steps', () => {
		const e = editor();
		for (let i = 1; i <= 310; i++) e.edit(`s${i}`);
		let undone = 0;
		while (e.undo() !== null) undone++;
		expect(undone).toBe(300);
		expect(e.doc).toBe('s10');
	});

	it('keeps the limit across undo and redo', () => {
		const e = editor({ limit: 2 });
		e.edit('s1');
		e.edit('s2');
		e.undo();
		e.redo();
		e.edit('s3');
		expect([e.undo(), e.undo(), e.undo()]).toEqual(['s2', 's1', null]);
	});

	it('clear() forgets both directions', () => {
		const e = editor();
		e.edit('s1');
		e.edit('s2');
		e.undo();
		e.stack.clear();
		expect(e.stack.canUndo).toBe(false);
		expect(e.stack.canRedo).toBe(false);
		expect(e.undo()).toBeNull();
		expect(e.redo()).toBeNull();
	});
});
