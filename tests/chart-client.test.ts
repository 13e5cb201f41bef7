// The page side of the chart worker (src/lib/charts/chartClient.ts), against a stand-in worker
// that speaks comlink over a MessageChannel: when messages leave the page, and what
// chartsDrawn() waits for.
import { expose } from 'comlink';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartSpec } from '../src/lib/charts/chartSpec';

/** What the stand-in worker was asked to do, in order of arrival. */
const handled: { call: string; id: number; spec?: unknown }[] = [];
/** Messages the page posted, in the order posted (seen synchronously, before any arrive). */
const posted: { path?: string[] }[] = [];
/** When the stand-in last "drew", ms since the epoch. */
const drawnAt = { value: 0 };

vi.mock('../src/lib/charts/chart.worker?worker', () => ({
	default: class StandInChartWorker {
		readonly port: MessagePort;
		constructor() {
			const channel = new MessageChannel();
			this.port = channel.port1;
			expose(
				{
					create: (id: number) => {
						handled.push({ call: 'create', id });
						return performance.timeOrigin + performance.now();
					},
					// As the real worker: when it finished drawing, on the clock all threads share.
					update: (id: number, spec: unknown) => {
						handled.push({ call: 'update', id, spec });
						return (drawnAt.value = performance.timeOrigin + performance.now());
					},
					resize: (id: number) => void handled.push({ call: 'resize', id }),
					useWords: () => undefined,
					destroy: (id: number) => void handled.push({ call: 'destroy', id })
				},
				channel.port2
			);
		}
		postMessage(message: { path?: string[] }) {
			posted.push(message);
			// The stand-in "OffscreenCanvas" is a plain object: nothing to transfer.
			this.port.postMessage(message);
		}
		addEventListener(type: string, listener: EventListener) {
			if (type === 'message') this.port.addEventListener('message', listener);
		}
		removeEventListener(type: string, listener: EventListener) {
			if (type === 'message') this.port.removeEventListener('message', listener);
		}
		start() {
			this.port.start();
		}
		terminate() {
			this.port.close();
		}
	}
}));

const { chartsDrawn, mountChart } = await import('../src/lib/charts/chartClient');

const canvas = () => ({ transferControlToOffscreen: () => ({}) }) as unknown as HTMLCanvasElement;
const size = { width: 400, height: 300, pixelRatio: 1 };
const spec = (label: string) => ({ kind: 'line', label }) as unknown as ChartSpec;
const updatesPosted = () => posted.filter((m) => m.path?.[0] === 'update').length;

beforeEach(() => {
	handled.length = 0;
	posted.length = 0;
});

describe('chart client', () => {
	it('posts an update in the same task once the chart exists (a pre-effect does not wait for the rest of the page)', async () => {
		const chart = mountChart(canvas(), spec('first'), size);
		await chart.ready;
		chart.update(spec('second'));
		// Synchronously: the message is already on its way.
		expect(updatesPosted()).toBe(1);
		await chartsDrawn();
		expect(handled.at(-1)).toMatchObject({ call: 'update', spec: { label: 'second' } });
		chart.destroy();
	});

	it('holds an update sent before the chart exists until it does, then draws it after the creation', async () => {
		const chart = mountChart(canvas(), spec('first'), size);
		chart.update(spec('early'));
		expect(updatesPosted()).toBe(0);
		await chartsDrawn();
		// (The previous test's chart may still be being destroyed: that message is not waited for.)
		const calls = handled.filter((h) => h.call !== 'destroy');
		expect(calls.map((h) => h.call)).toEqual(['create', 'update']);
		expect(calls[1].spec).toMatchObject({ label: 'early' });
		chart.destroy();
	});

	it('chartsDrawn waits for every update sent so far', async () => {
		const chart = mountChart(canvas(), spec('first'), size);
		await chart.ready;
		chart.update(spec('a'));
		chart.update(spec('b'));
		await chartsDrawn();
		// Latest-wins: 'a' was in flight, 'b' waited and went next; both are drawn by now.
		expect(handled.filter((h) => h.call === 'update').map((h) => (h.spec as { label: string }).label)).toEqual(['a', 'b']);
		chart.destroy();
	});

	it('chartsDrawn gives when the worker finished drawing, on the page timeline, never later than now', async () => {
		const chart = mountChart(canvas(), spec('first'), size);
		await chart.ready;
		const sentAt = performance.now();
		chart.update(spec('timed'));
		const at = await chartsDrawn();
		const now = performance.now();
		expect(at).not.toBeNull();
		expect(at!).toBeCloseTo(drawnAt.value - performance.timeOrigin, 6);
		expect(at!).toBeGreaterThanOrEqual(sentAt - 1);
		expect(at!).toBeLessThanOrEqual(now);
		chart.destroy();
	});

	it('chartsDrawn gives null when nothing was sent', async () => {
		await chartsDrawn();
		expect(await chartsDrawn()).toBeNull();
	});

	it('sends nothing for a chart after it was destroyed', async () => {
		const chart = mountChart(canvas(), spec('first'), size);
		await chart.ready;
		chart.destroy();
		chart.update(spec('late'));
		await chartsDrawn();
		await new Promise((ok) => setTimeout(ok, 20));
		expect(handled.some((h) => h.call === 'update')).toBe(false);
		expect(handled.at(-1)?.call).toBe('destroy');
	});
});
