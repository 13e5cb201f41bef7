// The whole site is static: every page is prerendered to plain HTML at build time.
export const prerender = true;
export const ssr = true;
