import 'reflect-metadata';
import { useUnusedAppModuleSettings } from '../testing/app-module-settings.fixture';
import * as shim from './swagger-decorators.shim';

/*
 * The Lambda bundle loads the API with @nestjs/swagger replaced by the shim (webpack.config.js).
 * Everything the bundle loads must find what it takes from the package there, or the function
 * fails at its first start.
 */
describe('the Lambda shim of @nestjs/swagger', () => {
  it('provides every decorator that the handler module and what it loads take from the package', () => {
    // Prepare
    useUnusedAppModuleSettings();
    const load = () =>
      jest.isolateModules(() => {
        jest.doMock('@nestjs/swagger', () => shim);
        require('../main');
      });

    // Act & Assess
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
