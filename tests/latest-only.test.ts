// Latest-request-wins scheduling: a burst of requests runs the first and the last, never a backlog.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../src/lib/worker/latestOnly';

function controllable() {
	const started: number[] = [];
	const pending: { value: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
	const send = (value: number) =>
		new Promise<string>((resolve, reject) => {
			started.push(value);
			pending.push({ value, resolve, reject });
		});
	const finishNext = async () => {
		const p = pending.shift()!;
		p.resolve(`result ${p.value}`);
		await new Promise((r) => setTimeout(r, 0));
	};
	return { started, pending, send, finishNext };
}

describe('latestOnly', () => {
	it('runs a lone request at once', async () => {
		const c = controllable();
		const runs = latestOnly(c.send);
		const answer = runs.submit(1);
		expect(c.started).toEqual([1]);
		await c.finishNext();
		await expect(answer).resolves.toBe('result 1');
	});

	it('coalesces a burst: only the newest waiting request runs after the one in flight', async () => {
		const c = controllable();
		const runs = latestOnly(c.send);
		const answers = [1, 2, 3, 4, 5].map((v) => runs.submit(v));
		expect(c.started).toEqual([1]); // one in flight, nothing queued behind it but the newest
		await c.finishNext();
		expect(c.started).toEqual([1, 5]);
		await c.finishNext();
		expect(await Promise.all(answers)).toEqual(['result 1', null, null, null, 'result 5']);
		expect(c.pending).toHaveLength(0);
	});

	it('keeps working after a failed request', async () => {
		const c = controllable();
		const runs = latestOnly(c.send);
		const failing = runs.submit(1);
		const next = runs.submit(2);
		c.pending.shift()!.reject(new Error('boom'));
		await expect(failing).rejects.toThrow('boom');
		await new Promise((r) => setTimeout(r, 0));
		expect(c.started).toEqual([1, 2]);
		await c.finishNext();
		await expect(next).resolves.toBe('result 2');
	});
});
