// The command line, the Node API and the scripts speak English: the messages the browser gets as page data
// (i18n/screenWords.ts), such as a link's notices, come from messages/en.json here.
import english from '../../messages/en.json';
import { useScreenWords, type ScreenWords } from '../lib/i18n/screenWords';

const words = Object.fromEntries(Object.entries(english).filter(([key]) => key.startsWith('screen_'))) as ScreenWords;
useScreenWords(() => words);
