// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface PageState {
			/** Set when an address with no page fell back to the notebook (src/routes/+error.svelte). */
			unknownView?: string;
			/** Set when the address began with a language the site does not have (/fr/...). */
			unknownLanguage?: string;
		}
	}
}
export {};
