// The command line's arguments: `--name value`, `--name=value` and flags, positionals around
// them, `--` ending the options. Written here rather than with util.parseArgs so that a value
// that starts with a dash (`--samples -5`, `--target -0.1`) reaches the check that names what
// is wrong with it, and every message is ours.
import { ShiftcastInputError } from './errors';

export interface OptionSpec {
	/** Flags take no value. */
	flag?: boolean;
	/** What the value is, for the help ("N", "YEAR", "LIST"). */
	value?: string;
	help: string;
}

export interface ParsedArgs {
	positionals: string[];
	/** Option name (without dashes) -> its value ('' for a flag). */
	options: Map<string, string>;
}

/** Parses `argv` against `specs`; unknown options and missing values are ShiftcastInputErrors. */
export function parseArgs(argv: string[], specs: Record<string, OptionSpec>, command: string): ParsedArgs {
	const positionals: string[] = [];
	const options = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
		const spec = Object.hasOwn(specs, name) ? specs[name] : name === 'h' ? specs.help : undefined;
		if (!spec || !arg.startsWith('--') && name !== 'h') throw new ShiftcastInputError(`Unknown option ${eq > 0 ? arg.slice(0, eq) : arg} for “shiftcast ${command}”. See shiftcast ${command} --help.`);
		const key = name === 'h' ? 'help' : name;
		if (options.has(key)) throw new ShiftcastInputError(`--${key} is given twice.`);
		if (spec.flag) {
			if (eq > 0) throw new ShiftcastInputError(`--${key} takes no value.`);
			options.set(key, '');
		} else if (eq > 0) options.set(key, arg.slice(eq + 1));
		else if (i + 1 < argv.length && (!argv[i + 1].startsWith('--') || /^--?\d/.test(argv[i + 1]))) options.set(key, argv[++i]);
		else throw new ShiftcastInputError(`--${key} needs a value (${spec.value ?? 'a value'}).`);
	}
	return { positionals, options };
}

/** A number option: undefined when absent, a ShiftcastInputError when not a number. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
	const text = args.options.get(name);
	if (text === undefined) return undefined;
	const t = text.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) throw new ShiftcastInputError(`--${name} must be a number, not “${text}”.`);
	return Number(t);
}

/** A comma-separated list option ("a,b,c"); undefined when absent. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
	const text = args.options.get(name);
	if (text === undefined) return undefined;
	const list = text.split(',').map((s) => s.trim()).filter(Boolean);
	if (!list.length) throw new ShiftcastInputError(`--${name} needs at least one name.`);
	return list;
}

/** A list of years ("2030,2035"), each a whole year. */
export function yearsOption(args: ParsedArgs, name = 'years'): number[] | undefined {
	const list = listOption(args, name);
	if (!list) return undefined;
	return list.map((y) => {
		if (!/^\d{4}$/.test(y)) throw new ShiftcastInputError(`--${name} takes whole years such as 2030,2035, not “${y}”.`);
		return Number(y);
	});
}
