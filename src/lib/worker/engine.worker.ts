// The engine's Web Worker: runs notebooks off the main thread so the page never freezes.
import { expose } from 'comlink';
import { createEngineService } from './engineService';

expose(createEngineService());
