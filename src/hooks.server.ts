// Each prerendered page is rendered in the language of its address (/zh/... in Chinese), and says
// so in <html lang>.
import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { languageTag } from '$lib/i18n/paths';

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', languageTag(locale)) });
	});
