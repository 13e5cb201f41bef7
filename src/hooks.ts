// /zh/explore is the explore page in Chinese: the router sees the address without its language
// prefix, so both languages share one set of routes (and a link's query is the same in both).
import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
