import { SCENARIOS } from './bench-options';
import { benchParameters, containersFor } from './bench-parameters';

describe('containersFor', () => {
  it('starts, for a full run, as many of each process as the most demanding scenario uses', () => {
    // Prepare
    const parameters = benchParameters(false);

    // Act
    const counts = containersFor([...SCENARIOS], parameters);

    // Assess
    expect(counts).toEqual({
      processor: Math.max(
        parameters.ingest.concurrency,
        parameters.hotAccount.processorContainers,
      ),
      api: parameters.hotAccount.apiContainers,
      raw:
        parameters.hotAccount.processorContainers +
        parameters.hotAccount.apiContainers,
    });
  });

  it('starts only a raw process for the HTTP read path, and nothing for the cold start', () => {
    // Prepare
    const parameters = benchParameters(true);

    // Act
    const http = containersFor(['http'], parameters);
    const coldStart = containersFor(['cold-start'], parameters);

    // Assess
    expect(http).toEqual({ processor: 0, api: 0, raw: 1 });
    expect(coldStart).toEqual({ processor: 0, api: 0, raw: 0 });
  });

  it('matches the ingest instances with as many raw processes', () => {
    // Prepare
    const parameters = benchParameters(false);

    // Act
    const counts = containersFor(['ingest'], parameters);

    // Assess
    expect(counts).toEqual({
      processor: parameters.ingest.concurrency,
      api: 0,
      raw: parameters.ingest.concurrency,
    });
  });
});
