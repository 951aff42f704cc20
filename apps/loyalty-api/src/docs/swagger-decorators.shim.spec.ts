import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { useUnusedAppModuleSettings } from '../testing/app-module-settings.fixture';
import * as shim from './swagger-decorators.shim';

/*
 * The Lambda bundle loads the API with @nestjs/swagger replaced by the shim (webpack.config.js).
 * Everything the bundle loads must find what it takes from the package there, or the function
 * fails at its first start.
 */
describe('the Lambda shim of @nestjs/swagger', () => {
  it('provides every decorator that the handlers and the apps they load take from the package', () => {
    // Prepare: main.ts loads each app's modules on first use, with import('./…').
    useUnusedAppModuleSettings();
    const main = readFileSync(join(__dirname, '../main.ts'), 'utf8');
    const onDemand = [...main.matchAll(/import\('(\.\/[^']+)'\)/g)].map(([, path]) => join(__dirname, '..', path));
    const load = () =>
      jest.isolateModules(() => {
        jest.doMock('@nestjs/swagger', () => shim);
        require('../main');
        for (const path of onDemand) require(path);
      });

    // Act & Assess
    expect(onDemand).toContain(join(__dirname, '../app/app.module'));
    expect(load).not.toThrow();
  });

  it('records nothing for the document', () => {
    // Prepare
    class Model {}

    // Act
    shim.ApiProperty({ description: 'unused' })(Model.prototype, 'field');
    shim.ApiTags('unused')(Model);

    // Assess
    expect(Reflect.getMetadataKeys(Model)).toEqual([]);
    expect(Reflect.getMetadataKeys(Model.prototype, 'field')).toEqual([]);
  });
});
