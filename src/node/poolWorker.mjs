// The pool's worker thread when the command line runs from source (tsx): a worker does not
// inherit the tsx loader of the thread that started it, so it loads the TypeScript through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./poolWorker.ts', import.meta.url);
