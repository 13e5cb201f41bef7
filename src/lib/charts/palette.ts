// Okabe-Ito colours: distinguishable with the common forms of colour blindness.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export function colourAt(index: number): string {
	return PALETTE[index % PALETTE.length];
}

/** The same colour, lighter: for the baseline line beside the scenario. */
export function faint(hex: string, alpha = 0.35): string {
	const n = parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
