// Outlook matching (src/lib/sim/analysis/outlookMatch.ts) on the published notebook: targets the
// model reaches at a known setting are found again, an out-of-reach target ends at the slider's end
// and says so, other levers keep their values, results repeat exactly, bad requests are answered
// in words, and every value stays within its slider's range (on its step, for whole-number steps).
import { describe, expect, it } from 'vitest';
import { observedSeries } from '../src/lib/data/index';
import { chinaMarketNotebook } from '../src/lib/notebooks/chinaMarket';
import { compileNotebook } from '../src/lib/sim/model';
import { createProgram, runDeterministic } from '../src/lib/sim/run';
import { matchOutlooks, SHARE_TOLERANCE } from '../src/lib/sim/analysis/outlookMatch';
import type { OutlookMatchRequest, OutlookMatchResult, OutlookTarget } from '../src/lib/sim/analysis/outlookMatch';
import type { PosteriorSample } from '../src/lib/sim/types';

const notebook = chinaMarketNotebook;
const model = compileNotebook(notebook, observedSeries);
const program = createProgram(model, 1);
const HORIZON = 2035;

/** The model's value of each target's variable in its year, with these inputs. */
function valuesAt(inputs: Record<string, number>, targets: Pick<OutlookTarget, 'variable' | 'year'>[]): number[] {
	const run = runDeterministic(program, { inputs, horizon: HORIZON });
	return targets.map((t) => run.series[t.variable][run.years.indexOf(t.year)]);
}

const match = (request: Partial<OutlookMatchRequest> & Pick<OutlookMatchRequest, 'targets' | 'levers'>) =>
	matchOutlooks(model, { inputs: {}, horizon: HORIZON, notebook, ...request });

const cell = (name: string) => model.inputs.find((c) => c.name === name)!;

/** How far a setting moves the levers from their defaults, in shares of their ranges (root sum of squares). */
const distanceFromDefaults = (values: Record<string, number>) =>
	Math.sqrt(Object.entries(values).reduce((s, [name, v]) => s + ((v - cell(name).default) / (cell(name).max - cell(name).min)) ** 2, 0));

function expectWithinRanges(result: OutlookMatchResult) {
	for (const [name, value] of Object.entries(result.values)) {
		expect(value, name).toBeGreaterThanOrEqual(cell(name).min);
		expect(value, name).toBeLessThanOrEqual(cell(name).max);
	}
}

describe('matchOutlooks: targets the model reaches', () => {
	it('finds a setting that reaches two outputs the model gave at a known setting, from the defaults', () => {
		const known = { electrificationPace: 1.35, nevCeiling: 0.96, shakeout: 0.18 };
		const points = [
			{ variable: 'nevShare', year: 2030 },
			{ variable: 'domesticShare', year: 2030 }
		];
		const reached = valuesAt(known, points);
		const targets = points.map((p, k) => ({ ...p, value: reached[k] }));
		const result = match({ targets, levers: ['electrificationPace', 'nevCeiling', 'shakeout'] });

		expect(result.reachedAll).toBe(true);
		for (const m of result.misses) {
			expect(Math.abs(m.miss)).toBeLessThanOrEqual(SHARE_TOLERANCE);
			expect(m.tolerance).toBe(SHARE_TOLERANCE);
			expect(m.missPoints).toBeCloseTo(m.miss * 100, 12);
		}
		// What the result reports is what the model gives at it.
		expect(valuesAt(result.scenario, points)).toEqual(result.misses.map((m) => m.reached));
		expect(result.rmse).toBeLessThanOrEqual(SHARE_TOLERANCE);
		expect(result.atBounds).toEqual([]);
		expectWithinRanges(result);
		expect(result.evaluations).toBeLessThanOrEqual(4000);
		// More levers than targets: of the settings that reach them, the one nearest the scenario.
		expect(distanceFromDefaults(result.values)).toBeLessThan(distanceFromDefaults(known));
	});

	it('with five levers for two targets, finds the setting nearest the scenario, not just any', () => {
		const known = { electrificationPace: 1.6, nevCeiling: 0.85, shakeout: 0.2, localisationJapanese: 0.3, localisationGerman: 0.65 };
		const points = [
			{ variable: 'nevShare', year: 2030 },
			{ variable: 'domesticShare', year: 2030 }
		];
		const reached = valuesAt(known, points);
		const result = match({ targets: points.map((p, k) => ({ ...p, value: reached[k] })), levers: Object.keys(known) });
		expect(result.reachedAll).toBe(true);
		expect(distanceFromDefaults(result.values)).toBeLessThan(0.7 * distanceFromDefaults(known));
		// Nearest: no small move along the targets' valley (re-matched with a lever held) gets closer.
		let compared = 0;
		for (const held of Object.keys(known)) {
			for (const shift of [-0.02, 0.02]) {
				const inputs = { [held]: result.values[held] + shift * (cell(held).max - cell(held).min) };
				const other = match({ inputs, targets: result.misses.map((m) => ({ variable: m.variable, year: m.year, value: m.target })), levers: Object.keys(known).filter((l) => l !== held) });
				if (!other.reachedAll) continue;
				compared++;
				expect(distanceFromDefaults({ ...other.values, ...inputs })).toBeGreaterThan(distanceFromDefaults(result.values) - 1e-6);
			}
		}
		expect(compared).toBeGreaterThanOrEqual(8);
	});

	it('reaches the same kind of targets with a localisation lever among the three', () => {
		const known = { electrificationPace: 0.85, nevCeiling: 0.8, localisationJapanese: 0.7 };
		const points = [
			{ variable: 'nevShare', year: 2030 },
			{ variable: 'domesticShare', year: 2030 }
		];
		const reached = valuesAt(known, points);
		const result = match({ targets: points.map((p, k) => ({ ...p, value: reached[k], label: `test ${k}` })), levers: ['electrificationPace', 'nevCeiling', 'localisationJapanese'] });
		expect(result.reachedAll).toBe(true);
		expect(result.misses.map((m) => m.label)).toEqual(['test 0', 'test 1']);
		expectWithinRanges(result);
	});
});

describe('matchOutlooks: targets out of reach', () => {
	it('ends at the slider end, lists it in atBounds and reports the true miss there', () => {
		const target = { variable: 'nevShare', year: 2030, value: 0.999 };
		const result = match({ targets: [target], levers: ['electrificationPace'] });
		expect(result.reachedAll).toBe(false);
		expect(result.values.electrificationPace).toBe(cell('electrificationPace').max);
		expect(result.atBounds).toEqual(['electrificationPace']);
		const [reached] = valuesAt(result.scenario, [target]);
		const [miss] = result.misses;
		expect(miss.reached).toBe(reached);
		expect(miss.miss).toBe(reached - 0.999);
		expect(miss.miss).toBeLessThan(-SHARE_TOLERANCE);
		expect(miss.withinTolerance).toBe(false);
		expect(result.rmse).toBeCloseTo(Math.abs(miss.miss), 12);
	});

	it('ends at the lower end for a target below reach', () => {
		const result = match({ targets: [{ variable: 'nevShare', year: 2030, value: 0.3 }], levers: ['electrificationPace', 'nevCeiling'] });
		expect(result.reachedAll).toBe(false);
		expect(result.values).toEqual({ electrificationPace: cell('electrificationPace').min, nevCeiling: cell('nevCeiling').min });
		expect(result.atBounds).toEqual(['electrificationPace', 'nevCeiling']);
	});

	it('still gives the closest setting when only one of two targets can be met', () => {
		const targets = [
			{ variable: 'nevShare', year: 2030, value: 0.78 },
			{ variable: 'domesticShare', year: 2030, value: 0.99 }
		];
		const result = match({ targets, levers: ['electrificationPace', 'nevCeiling', 'shakeout'] });
		expect(result.reachedAll).toBe(false);
		expect(result.misses[1].withinTolerance).toBe(false);
		expect(valuesAt(result.scenario, targets)).toEqual(result.misses.map((m) => m.reached));
		expectWithinRanges(result);
	});
});

describe('matchOutlooks: the rest of the scenario', () => {
	it('leaves the levers not allowed to move at their inputs', () => {
		const inputs = { localisationGerman: 0.55, marketGrowth: 0.02, safetyHalfLife: 12, techLeadMax: 1.4, electrificationPace: 1.1 };
		const targets = [{ variable: 'domesticShare', year: 2032, value: 0.72 }];
		const result = match({ inputs, targets, levers: ['shakeout', 'localisationJapanese'] });
		expect(Object.keys(result.values).sort()).toEqual(['localisationJapanese', 'shakeout']);
		for (const [name, value] of Object.entries(inputs)) expect(result.scenario[name], name).toBe(value);
		expect(valuesAt(result.scenario, targets)).toEqual([result.misses[0].reached]);
		expect(result.reachedAll).toBe(true);
	});

	it('starts from the scenario: a target already met leaves the levers where they are', () => {
		const inputs = { electrificationPace: 1.2, nevCeiling: 0.93 };
		const target = { variable: 'nevShare', year: 2030 };
		const [value] = valuesAt(inputs, [target]);
		const result = match({ inputs, targets: [{ ...target, value }], levers: ['electrificationPace', 'nevCeiling'] });
		expect(result.reachedAll).toBe(true);
		expect(result.values.electrificationPace).toBeCloseTo(1.2, 2);
		expect(result.values.nevCeiling).toBeCloseTo(0.93, 2);
	});

	it('puts a lever with a whole-number step on its step, and reports the misses there', () => {
		const targets = [{ variable: 'domesticShare', year: 2035, value: 0.75 }];
		const result = match({ targets, levers: ['safetyHalfLife', 'shakeout'] });
		expect(Number.isInteger(result.values.safetyHalfLife)).toBe(true);
		expect(valuesAt(result.scenario, targets)).toEqual([result.misses[0].reached]);
		expect(result.reachedAll).toBe(true);
		expectWithinRanges(result);
	});
});

describe('matchOutlooks: repeatable and bounded', () => {
	const request = {
		targets: [
			{ variable: 'nevShare', year: 2030, value: 0.8 },
			{ variable: 'domesticShare', year: 2030, value: 0.7 }
		],
		levers: ['electrificationPace', 'nevCeiling', 'shakeout']
	};
	const withoutTime = ({ elapsedMs, ...rest }: OutlookMatchResult) => (expect(elapsedMs).toBeGreaterThanOrEqual(0), rest);

	it('gives the same result for the same request, on the same or a freshly compiled model', () => {
		const first = withoutTime(match(request));
		expect(withoutTime(match(request))).toEqual(first);
		const fresh = compileNotebook(notebook, observedSeries);
		expect(withoutTime(matchOutlooks(fresh, { inputs: {}, horizon: HORIZON, notebook, ...request }))).toEqual(first);
	});

	it('keeps within the runs allowed', () => {
		const result = match({ ...request, maxEvaluations: 60 });
		expect(result.evaluations).toBeLessThanOrEqual(60);
		expectWithinRanges(result);
	});

	it('keeps every value within its slider range, whatever the targets', () => {
		const levers = ['electrificationPace', 'nevCeiling', 'shakeout', 'localisationGerman'];
		for (const [nev, domestic] of [
			[0.2, 0.2],
			[1, 1],
			[0.5, 0.95],
			[0.95, 0.4]
		]) {
			const result = match({ targets: [{ variable: 'nevShare', year: 2031, value: nev }, { variable: 'domesticShare', year: 2034, value: domestic }], levers, maxEvaluations: 600 });
			expectWithinRanges(result);
			expect(result.reachedAll).toBe(false);
			expect(result.atBounds.length).toBeGreaterThan(0);
		}
	});
});

describe('matchOutlooks: requests it cannot run', () => {
	const target = { variable: 'nevShare', year: 2030, value: 0.8 };
	const cases: [string, Partial<OutlookMatchRequest>, RegExp][] = [
		['no targets', { targets: [] }, /at least one target/],
		['no levers', { levers: [] }, /at least one lever/],
		['an unknown variable', { targets: [{ ...target, variable: 'nevShar' }] }, /No output named "nevShar"/],
		['an unknown lever', { levers: ['electrificationPase'] }, /No lever named "electrificationPase"/],
		['a formula as a lever', { levers: ['nevShare'] }, /"nevShare" is computed by a formula/],
		['a calibrated parameter', { levers: ['electrificationPace', 'nevSteepness'] }, /\(nevSteepness\) is a calibrated parameter/],
		['a year before the notebook', { targets: [{ ...target, year: 2018 }] }, /whole year from 2019 to 2035; 2018 is not/],
		['a year past the horizon', { targets: [{ ...target, year: 2036 }] }, /whole year from 2019 to 2035; 2036 is not/],
		['a year that is not whole', { targets: [{ ...target, year: 2030.5 }] }, /2030.5 is not/],
		['a target that is not a number', { targets: [{ ...target, value: NaN }] }, /target for "nevShare" in 2030 must be a number/],
		['an infinite target', { targets: [{ ...target, value: Infinity }] }, /must be a number/],
		['a horizon that is not a year', { horizon: 2030.5 }, /horizon must be a whole year/],
		['too few runs allowed', { maxEvaluations: 5 }, /at least 20/]
	];
	for (const [what, change, message] of cases) {
		it(`refuses ${what}`, () => {
			expect(() => match({ targets: [target], levers: ['electrificationPace'], ...change })).toThrow(message);
		});
	}

	it("tells calibrated parameters by the model's posterior when no notebook is given", () => {
		const withPosterior = { ...model, posterior: { parameters: ['nevSteepness'] } as PosteriorSample };
		expect(() => matchOutlooks(withPosterior, { targets: [target], levers: ['nevSteepness'], inputs: {}, horizon: HORIZON })).toThrow(/calibrated parameter/);
	});

	it('without the notebook, a share counts as a plain number (within 0.1% of its target)', () => {
		const result = matchOutlooks(model, { targets: [target], levers: ['electrificationPace'], inputs: {}, horizon: HORIZON });
		expect(result.misses[0].tolerance).toBeCloseTo(0.0008, 12);
		expect(result.misses[0].missPoints).toBeUndefined();
		expect(result.reachedAll).toBe(true);
	});
});
