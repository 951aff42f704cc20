// Nest's modules as the test's own require loads them, so that only the one under test is new.
import '@nestjs/common';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import 'reflect-metadata';

// The loader is plain CommonJS beside the webpack configuration that uses it.
const lazyNestTimestamps = require('../../../build/lazy-nest-timestamps-loader.js') as (
  this: { resourcePath: string },
  source: string,
) => string;

const NEST_LOGGER_MODULES = ['@nestjs/common/services/console-logger.service.js', '@nestjs/common/services/logger.service.js'];

/** The module as the bundle has it: the installed file, through the loader. */
function loadThroughLoader(request: string): Record<string, unknown> {
  const file = require.resolve(request);
  const source = lazyNestTimestamps.call({ resourcePath: file }, readFileSync(file, 'utf8'));
  const module = { exports: {} as Record<string, unknown> };
  const requireFromFile = (id: string): unknown => require(id.startsWith('.') ? join(dirname(file), id) : id);
  new Function('exports', 'require', 'module', '__filename', '__dirname', source)(
    module.exports,
    requireFromFile,
    module,
    file,
    dirname(file),
  );
  return module.exports;
}

describe('lazy-nest-timestamps-loader', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(NEST_LOGGER_MODULES)('lets %s load without creating an Intl.DateTimeFormat', (request) => {
    // Prepare
    const created = jest.spyOn(Intl, 'DateTimeFormat');

    // Act
    loadThroughLoader(request);

    // Assess
    expect(created).not.toHaveBeenCalled();
  });

  it("creates the format on Nest's first timestamp, once, with Nest's options", () => {
    // Prepare
    const { ConsoleLogger } = loadThroughLoader(NEST_LOGGER_MODULES[0]) as {
      ConsoleLogger: new () => { getTimestamp(): string };
    };
    const logger = new ConsoleLogger();
    const created = jest.spyOn(Intl, 'DateTimeFormat');

    // Act
    const timestamps = [logger.getTimestamp(), logger.getTimestamp()];

    // Assess
    expect(created).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledWith(undefined, expect.objectContaining({ year: 'numeric', second: 'numeric' }));
    expect(timestamps[0]).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2}:\d{2}/);
  });

  it('fails the build when Nest no longer creates the format as it expects', () => {
    // Act
    const load = () =>
      lazyNestTimestamps.call({ resourcePath: 'logger.service.js' }, 'const dateTimeFormatter = makeFormat();');

    // Assess
    expect(load).toThrow('no longer creates its timestamp format as expected');
  });
});
