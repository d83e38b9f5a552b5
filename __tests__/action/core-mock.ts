/**
 * A stand-in for @actions/core, for running the Action's run() from source in a test (the
 * pattern of actions/typescript-action's __fixtures__/core.ts): inputs come from a table, and
 * everything the Action tells the runner is recorded.
 */
import { jest } from '@jest/globals';

export interface CoreRecord {
  failed: string[];
  outputs: Record<string, string>;
  annotations: { level: string; message: string; properties: Record<string, unknown> }[];
  info: string[];
}

export function makeCore(inputs: Record<string, string>): {
  core: Record<string, unknown>;
  record: CoreRecord;
} {
  const record: CoreRecord = { failed: [], outputs: {}, annotations: [], info: [] };
  const annotate =
    (level: string) =>
    (message: unknown, properties: Record<string, unknown> = {}): void => {
      record.annotations.push({ level, message: String(message), properties });
    };
  const summary = {
    addRaw: jest.fn(() => summary),
    write: jest.fn(() => Promise.resolve(summary)),
    emptyBuffer: jest.fn(() => summary),
  };
  const core = {
    getInput: jest.fn((name: string) => inputs[name] ?? ''),
    info: jest.fn((m: string) => record.info.push(m)),
    debug: jest.fn(),
    startGroup: jest.fn(),
    endGroup: jest.fn(),
    error: jest.fn(annotate('error')),
    warning: jest.fn(annotate('warning')),
    notice: jest.fn(annotate('notice')),
    setFailed: jest.fn((m: string) => record.failed.push(m)),
    setOutput: jest.fn((name: string, value: unknown) => (record.outputs[name] = String(value))),
    summary,
  };
  return { core, record };
}
