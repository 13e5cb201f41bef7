// The engine's Web Worker: runs notebooks off the main thread so the page never freezes.
// The page starts two: one for slider runs and one for analysis (bands, sensitivity, fits).
// Band runs pause between years while the page holds the gate (worker/yieldGate.ts); only the
// analysis worker is ever given a gate, so in the other one the pauses are plain yields.
import { expose } from 'comlink';
import { createEngineService, oneCallAtATime } from './engineService';
import { createYieldGate } from './yieldGate';
import type { EngineWorkerApi } from './protocol';
import { useScreenWords, type ScreenWords } from '../i18n/screenWords';

const gate = createYieldGate();
const api: EngineWorkerApi = {
	...oneCallAtATime(createEngineService({ betweenYears: gate.pass })),
	attachGate: (port) => gate.attach(port),
	useWords: (words) => useScreenWords(() => words as ScreenWords)
};
expose(api);
