// Shapes of the seeded data files in data/. Everything is strict: a typo in a key is an
// error, not a silently ignored field, because every point must carry its basis and source.
import { z } from 'zod';

export const UNITS = ['share', 'million vehicles', 'rank', 'USD million'] as const;
export const KINDS = ['actual', 'forecast'] as const;
export const BODIES = ['CAAM', 'CPCA', 'IEA', 'China EV100', 'Nikkei Asia', 'company', 'other'] as const;
export const MEASURES = ['wholesale', 'retail', 'forecast', 'other'] as const;
export const SCOPES = ['passenger cars', 'all vehicles', 'listed firms', 'show debuts', 'company'] as const;
/** Wording the source put around a number ("about 47.9%", "more than half"). */
export const QUALIFIERS = ['about', 'almost', 'nearly', 'more than'] as const;
/** The model levers an event bears on. */
export const LEVERS = ['localisation', 'safety', 'electrification', 'shake-out'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export type Unit = (typeof UNITS)[number];
export type Kind = (typeof KINDS)[number];
export type Lever = (typeof LEVERS)[number];

const FULL_YEAR = 'Jan-Dec';

const Text = z.string().regex(/\S/, { error: 'must not be empty' });
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const SeriesId = z.string().regex(SNAKE, { error: 'expected a snake_case id such as "nev_share_all_vehicles_caam"' });
const Year = z.int().min(2000).max(2100);

/** "Jan-Dec", "Jan-Apr", or a single month such as "Jul"; a range must run forwards. */
export const Months = z.string().refine(
	(s) => {
		const [from, to = from, ...rest] = s.split('-');
		const i = MONTH_NAMES.indexOf(from as (typeof MONTH_NAMES)[number]);
		const j = MONTH_NAMES.indexOf(to as (typeof MONTH_NAMES)[number]);
		return rest.length === 0 && i >= 0 && j >= i;
	},
	{ error: 'expected a month ("Jul") or a forward range of months ("Jan-Apr", "Jan-Dec")' }
);

export const Period = z
	.strictObject({ year: Year, months: Months, partial: z.boolean() })
	.refine((p) => (p.months === FULL_YEAR) === !p.partial, {
		error: 'partial must be false exactly when months is "Jan-Dec"',
		path: ['partial']
	});

export const Basis = z.strictObject({
	body: z.enum(BODIES),
	measure: z.enum(MEASURES),
	scope: z.enum(SCOPES)
});

const common = {
	series: SeriesId,
	period: Period,
	kind: z.enum(KINDS),
	basis: Basis,
	source: Text,
	qualifier: z.enum(QUALIFIERS).optional(),
	note: Text.optional()
};

const ShareRecord = z.strictObject({
	...common,
	unit: z.literal('share'),
	value: z
		.number()
		.min(0, { error: 'a share must lie within 0..1 (write 48.9% as 0.489)' })
		.max(1, { error: 'a share must lie within 0..1 (write 48.9% as 0.489)' })
});
const VolumeRecord = z.strictObject({
	...common,
	unit: z.literal('million vehicles'),
	value: z.number().min(0)
});
const RankRecord = z.strictObject({
	...common,
	unit: z.literal('rank'),
	value: z.int().min(1)
});
const MoneyRecord = z.strictObject({
	...common,
	unit: z.literal('USD million'),
	value: z.number().min(0)
});

/** One data point. The unit decides what a valid value is. */
export const DataRecord = z.discriminatedUnion('unit', [ShareRecord, VolumeRecord, RankRecord, MoneyRecord]);

export const DataFile = z.strictObject({
	family: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a kebab-case family name' }),
	title: Text,
	description: Text,
	/** Human label per series id; every series in records needs one (checked in validate.ts). */
	labels: z.record(SeriesId, Text),
	records: z.array(DataRecord).min(1)
});

export const DataEvent = z.strictObject({
	id: SeriesId,
	year: Year,
	month: z.int().min(1).max(12).optional(),
	label: Text.max(80, { error: 'keep event labels short (80 characters at most)' }),
	lever: z.enum(LEVERS),
	source: Text,
	note: Text.optional()
});

export const EventsFile = z.strictObject({
	family: z.literal('events'),
	title: Text,
	description: Text,
	events: z.array(DataEvent).min(1)
});

export type Period = z.infer<typeof Period>;
export type Basis = z.infer<typeof Basis>;
export type DataRecord = z.infer<typeof DataRecord>;
export type DataFile = z.infer<typeof DataFile>;
export type DataEvent = z.infer<typeof DataEvent>;
export type EventsFile = z.infer<typeof EventsFile>;
