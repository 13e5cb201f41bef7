// The command line, the Node API and the scripts speak English: the messages the browser gets as page data
// (i18n/screenWords.ts), such as a link's notices, come from messages/en.json here.
import english from '../../messages/en.json';
import { useScreenWords, wordsStartingWith, type ScreenWords } from '../lib/i18n/screenWords';

const words = wordsStartingWith(english, ['screen_']) as ScreenWords;
useScreenWords(() => words);
