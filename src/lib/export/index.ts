// Exporting results (CSV), charts (PNG) and scenarios (JSON).
export { resultsToCsv, csvText, csvNumber, BAND_KEYS, type CsvScenarioRows } from './csv';
export { downloadText, downloadDataUrl } from './download';
export { canvasToPng, downloadCanvasPng } from './image';
export { scenarioToJson, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, type ScenarioFile } from './scenario';
