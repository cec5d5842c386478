/** shared/facility: the pure facility calculators of specs/facility.md (§1–§8). */
export * from './result';
export * from './load';
export * from './ups';
export * from './battery-derate';
export * from './battery-table';
export * from './battery';
export * from './generator';
export * from './fuel';
export * from './cooling';
export * from './backup';
export * from './limits';
export * from './site';
export * from './components';
export * from './derating';
export * from './plant';
export * from './battery-age';
export * from './calculators';
