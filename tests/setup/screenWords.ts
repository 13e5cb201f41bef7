// Unit tests run the view code without a page: give it the English first-screen words a page's
// data would (i18n/screenWords.ts), so labels and text alternatives read as on the English site.
import { useScreenWords } from '../../src/lib/i18n/screenWords';
import { screenWords } from '../../src/lib/server/screenWords';

useScreenWords(() => screenWords('en'));
