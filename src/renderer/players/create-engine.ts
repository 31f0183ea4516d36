// Picks the streaming library for a source's format.
import type { DemoAsset } from '../../shared/catalog';
import { createDashEngine } from './dash-engine';
import { createHlsEngine } from './hls-engine';
import type { EngineOptions, PlaybackEngine } from './types';

export function createEngine(format: DemoAsset['format'], options: EngineOptions): PlaybackEngine {
  return format === 'dash' ? createDashEngine(options) : createHlsEngine(options);
}
