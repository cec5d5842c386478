/**
 * The registry's import and export, split by job: the file formats (registry-formats.ts),
 * reading a file into the workspace (registry-import.ts) and writing the registry out
 * (registry-export.ts). This module keeps the names other code and the tests import.
 */
export { ImportRefused, MAX_REPORTED_PROBLEMS, MAX_ROW_CHARS, CsvRowReader, readImportFile, setImportProgress, type ImportProblem } from './registry-formats';
export { importPrefixes, importPrefixesFrom, type ImportInput } from './registry-import';
export { exportPrefixes } from './registry-export';
