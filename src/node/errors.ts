// The one kind of error the command line turns into a message and an exit code (never a stack
// trace): something wrong with what the person gave, said in plain words.

/** Bad input: a link or file that cannot be read, an unknown variable, a value out of range. */
export class ShiftcastInputError extends Error {
	override name = 'ShiftcastInputError';
	/** The exit code the command line ends with (2: the input could not be used). */
	readonly exitCode: number;
	/** The reader's notices, when the input was a link or scenario file. */
	readonly notices: string[];

	constructor(message: string, options: { exitCode?: number; notices?: string[] } = {}) {
		super(message);
		this.exitCode = options.exitCode ?? 2;
		this.notices = options.notices ?? [];
	}
}
