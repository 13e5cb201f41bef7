// Entry of a benchmark worker thread: loads the TypeScript worker through tsx's API (a worker
// does not inherit the tsx loader of the thread that started it).
import { tsImport } from 'tsx/esm/api';

await tsImport('./mcWorker.ts', import.meta.url);
