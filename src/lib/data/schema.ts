// Shapes of the seeded data files in data/. Everything is strict: a typo in a key is an
// error, not a silently ignored field, because every point must carry its basis and source.
//
// Written with zod/mini, whose functions tree-shake. The page and the engine worker import this
// module (through index.ts) but never validate in production, so nothing here may run at module
// load: every schema is marked pure, records share their fields through z.extend rather than an
// object spread, and validate.ts, not this module, sets zod's messages. The bundler still kept
// the argument calls inside the schemas (and with them zod's core, about 6 kB gzip of a first
// visit), so vite.config.ts declares this module and validate.ts free of side effects.
import { z } from 'zod/mini';
import { MONTH_NAMES } from './monthNames';

export { MONTH_NAMES };

export const UNITS = ['share', 'million vehicles', 'rank', 'USD million'] as const;
export const KINDS = ['actual', 'forecast'] as const;
export const BODIES = [
	'CAAM',
	'CPCA',
	'IEA',
	'China EV100',
	'Nikkei Asia',
	'MarkLines',
	'China customs',
	'company',
	'BloombergNEF',
	'AlixPartners',
	'Ouyang Minggao (CAS)',
	'State Council',
	'other'
] as const;
/**
 * 'exports': cars shipped abroad (CAAM and CPCA count them apart from sales at home). 'forecast'
 * and 'target' go with kind "forecast": an outlook or a policy goal, drawn and never fitted.
 */
export const MEASURES = ['wholesale', 'retail', 'exports', 'forecast', 'target', 'other'] as const;
/** 'not stated': the publisher did not say what the figure counts (its `basis.covers` says what is known). */
export const SCOPES = ['passenger cars', 'all vehicles', 'listed firms', 'show debuts', 'company', 'not stated'] as const;
/** Wording the source put around a number ("about 47.9%", "more than half"). */
export const QUALIFIERS = ['about', 'almost', 'nearly', 'more than'] as const;
/** The model levers an event bears on. */
export const LEVERS = ['localisation', 'safety', 'electrification', 'shake-out'] as const;

export type Unit = (typeof UNITS)[number];
export type Kind = (typeof KINDS)[number];
export type Lever = (typeof LEVERS)[number];

const FULL_YEAR = 'Jan-Dec';

const Text = /* @__PURE__ */ z.string().check(z.regex(/\S/, { error: 'must not be empty' }));
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const SeriesId = /* @__PURE__ */ z.string().check(z.regex(SNAKE, { error: 'expected a snake_case id such as "nev_share_all_vehicles_caam"' }));
const Year = /* @__PURE__ */ z.int().check(z.minimum(2000), z.maximum(2100));

/** "Jan-Dec", "Jan-Apr", or a single month such as "Jul"; a range must run forwards. */
export const Months = /* @__PURE__ */ z.string().check(
	z.refine(
		(s) => {
			const [from, to = from, ...rest] = s.split('-');
			const i = MONTH_NAMES.indexOf(from as (typeof MONTH_NAMES)[number]);
			const j = MONTH_NAMES.indexOf(to as (typeof MONTH_NAMES)[number]);
			return rest.length === 0 && i >= 0 && j >= i;
		},
		{ error: 'expected a month ("Jul") or a forward range of months ("Jan-Apr", "Jan-Dec")' }
	)
);

export const Period = /* @__PURE__ */ z.strictObject({ year: Year, months: Months, partial: z.boolean() }).check(
	z.refine((p) => (p.months === FULL_YEAR) === !p.partial, {
		error: 'partial must be false exactly when months is "Jan-Dec"',
		path: ['partial']
	})
);

export const Basis = /* @__PURE__ */ z.strictObject({
	body: z.enum(BODIES),
	measure: z.enum(MEASURES),
	scope: z.enum(SCOPES),
	/** What the figure is a share of, in words, where body, measure and scope do not say it all ("electric cars, BEV and PHEV, as a share of car sales in China"). */
	covers: z.optional(Text)
});

/** A month as "YYYY-MM" (when an outlook was published). */
export const IssuedMonth = /* @__PURE__ */ z.string().check(z.regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { error: 'expected the month it was issued as "YYYY-MM", e.g. "2025-05"' }));

/** The fields of every record; each unit below adds `unit` and what a valid `value` is. */
const RecordFields = /* @__PURE__ */ z.strictObject({
	series: SeriesId,
	period: Period,
	kind: z.enum(KINDS),
	basis: Basis,
	source: Text,
	qualifier: z.optional(z.enum(QUALIFIERS)),
	/** When the figure was published, "YYYY-MM": given for forecasts (outlooks), so a reader can weigh what was known then. */
	issued: z.optional(IssuedMonth),
	note: z.optional(Text)
});

const SHARE_RANGE = 'a share must lie within 0..1 (write 48.9% as 0.489)';
const ShareRecord = /* @__PURE__ */ z.extend(RecordFields, {
	unit: z.literal('share'),
	value: /* @__PURE__ */ z.number().check(z.minimum(0, { error: SHARE_RANGE }), z.maximum(1, { error: SHARE_RANGE }))
});
const VolumeRecord = /* @__PURE__ */ z.extend(RecordFields, {
	unit: z.literal('million vehicles'),
	value: /* @__PURE__ */ z.number().check(z.minimum(0))
});
const RankRecord = /* @__PURE__ */ z.extend(RecordFields, {
	unit: z.literal('rank'),
	value: /* @__PURE__ */ z.int().check(z.minimum(1))
});
const MoneyRecord = /* @__PURE__ */ z.extend(RecordFields, {
	unit: z.literal('USD million'),
	value: /* @__PURE__ */ z.number().check(z.minimum(0))
});

/** One data point. The unit decides what a valid value is. */
export const DataRecord = /* @__PURE__ */ z.discriminatedUnion('unit', [ShareRecord, VolumeRecord, RankRecord, MoneyRecord]);

export const DataFile = /* @__PURE__ */ z.strictObject({
	family: /* @__PURE__ */ z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a kebab-case family name' })),
	title: Text,
	description: Text,
	/** Human label per series id; every series in records needs one (checked in validate.ts). */
	labels: z.record(SeriesId, Text),
	records: /* @__PURE__ */ z.array(DataRecord).check(z.minLength(1))
});

export const DataEvent = /* @__PURE__ */ z.strictObject({
	id: SeriesId,
	year: Year,
	month: z.optional(/* @__PURE__ */ z.int().check(z.minimum(1), z.maximum(12))),
	label: /* @__PURE__ */ Text.check(z.maxLength(80, { error: 'keep event labels short (80 characters at most)' })),
	lever: z.enum(LEVERS),
	source: Text,
	note: z.optional(Text)
});

export const EventsFile = /* @__PURE__ */ z.strictObject({
	family: z.literal('events'),
	title: Text,
	description: Text,
	events: /* @__PURE__ */ z.array(DataEvent).check(z.minLength(1))
});

export type Period = z.infer<typeof Period>;
export type Basis = z.infer<typeof Basis>;
export type DataRecord = z.infer<typeof DataRecord>;
export type DataFile = z.infer<typeof DataFile>;
export type DataEvent = z.infer<typeof DataEvent>;
export type EventsFile = z.infer<typeof EventsFile>;
