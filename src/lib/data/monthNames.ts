// The month names data periods are written with ("Jan-Apr"), apart from the zod schema that
// checks them: the page reads periods from its first chart on, and importing the schema module
// for this list brought zod's core into a first visit (about 6 kB gzip).
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
