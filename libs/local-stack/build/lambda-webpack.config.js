// Lambda bundle: ONE CommonJS file, dist/apps/<app>/main.js, exporting `handler`, with node_modules
// bundled in and the source map beside it. Both apps' webpack.config.js call this with their own
// directory; everything app-specific is derived from it.
//
// Why these choices (cold start measured with `npm run bench -- --only cold-start`):
// - compiler 'tsc' (ts-loader): keeps `emitDecoratorMetadata`, which Nest's constructor injection
//   needs; esbuild drops it, and swc would be a second TS semantics to keep in line with ts-jest.
// - externalDependencies 'none': nothing to install next to the bundle, so serverless can zip the
//   dist folder alone (generatePackageJson: false).
// - NestJS's optional, lazily required packages are ignored when they are not installed (the NestJS
//   docs' IgnorePlugin recipe); webpack turns them into a module that throws MODULE_NOT_FOUND at run
//   time, which is exactly what Nest's own try/require fallbacks expect.
// - Production builds (`nx build <app>`, NODE_ENV=production) are minified without renaming
//   anything (Nest builds log contexts, provider names and errors from class/function names):
//   code -30 %, map -85 %, about 85 ms less cold start under --enable-source-maps (Node 20,
//   loyalty-api). `nx build <app> -c development` skips it (full source maps, for debugging).
// - Source maps are separate files (main.js.map), without sourcesContent in production: node
//   --enable-source-maps only needs the mappings; the sources are in the repository.
// - Cold start is mostly V8 compiling: the whole file when it is loaded, then the code the start
//   runs (with --enable-source-maps, as on Lambda, node also scans the whole file). So:
//   - Our TypeScript is compiled to ES modules here (the tsconfigs say CommonJS, for jest and
//     tsx): webpack then hoists it and the packages that ship ES modules (the AWS SDK, luxon, jose)
//     into shared scopes and drops what nothing imports, where CommonJS gives each module a
//     factory that runs whole at start-up. A type used in a decorated signature is imported with
//     `import type` (its metadata is Object either way), or webpack warns that the export does
//     not exist.
//   - Code that no request can reach is left out or replaced by a small stand-in (below:
//     libphonenumber-js, multer, file-type, iconv-lite's double-byte tables), and an app may swap a
//     module for its own with `alias`: the API's @nestjs/swagger decorators are no-ops, it serves
//     the committed OpenAPI document instead of building it.
//   Together (Node 20, interleaved runs, GET /health): loyalty-api 5.06 -> 3.43 MB and about 100 ms
//   less to its first response (bundle overhead 424 -> 329 ms, 511 -> 367 ms with source maps);
//   the processor 3.08 -> 2.59 MB, overhead about 260 -> 170 ms. Alone, each step buys 10-35 ms on
//   a quiet machine (the swagger shim the most) and more under load.
//   Tried and left: terser's dead-code removal (-0.2 MB, a 2.4x map, twice the build time, within
//   the noise), declaring libs/domain free of side effects (the bundle then failed to start),
//   larger V8 semi-spaces (no gain), rewriting Nest's logger modules so their Intl.DateTimeFormat
//   (ICU's data) is created on the first timestamp instead of at load (0-30 ms, within the noise,
//   and a patch of a dependency's code to keep in step with every Nest release).
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const {
  ContextReplacementPlugin,
  IgnorePlugin,
  NormalModuleReplacementPlugin,
  optimize,
} = require('webpack');
const { basename, isAbsolute, join, relative } = require('path');

const workspaceRoot = join(__dirname, '../../..');
const production = process.env.NODE_ENV !== 'development';

// Optional peer packages that Nest, @nestjs/terminus and class-validator/transformer require
// lazily (behind try/catch, or only inside features we do not use). A request for one of them
// (or a deep import into it, e.g. '@nestjs/typeorm/dist/common/typeorm.utils') is ignored only
// while it does not resolve: installing the package later puts it back into the bundle.
const optionalPackages = new Set([
  '@nestjs/microservices',
  '@nestjs/websockets',
  '@nestjs/platform-socket.io',
  '@nestjs/platform-fastify',
  '@nestjs/swagger',
  '@nestjs/axios',
  '@nestjs/typeorm',
  '@nestjs/mongoose',
  '@nestjs/sequelize',
  '@mikro-orm/core',
  '@prisma/client',
  '@grpc/grpc-js',
  '@grpc/proto-loader',
  '@fastify/static',
  '@fastify/view',
  'point-of-view',
  'class-transformer',
  'class-validator',
  'cache-manager',
]);

// Packages bundled because something requires them when it loads, but whose code no request of
// ours can reach, each replaced with a stand-in (build/stand-ins/) that fails loudly if called.
// Lint (eslint.config.mjs) forbids the imports that would reach them.
// - libphonenumber-js/max (214 kB): class-validator's IsPhoneNumber only.
// - multer (and busboy under it): @nestjs/platform-express's file upload interceptors only; our
//   API takes JSON.
const standIns = {
  'libphonenumber-js/max$': join(__dirname, 'stand-ins/libphonenumber-js-max.js'),
  multer$: join(__dirname, 'stand-ins/multer.js'),
};

// Packages only reached through a feature we do not use, left out as if not installed, which the
// code requiring them handles. file-type (and strtok3 under it): @nestjs/common's FileTypeValidator
// resolves it when it checks an upload (no route takes one; lint forbids the file pipes).
const neverReachedPackages = ['file-type'];

// iconv-lite's double-byte (CJK) encodings, about 400 kB of tables: body parsing is the only user
// of iconv-lite, and the API's one parser (JSON) refuses any charset but utf-* before asking
// iconv-lite, with 415 in the error envelope; none of those is a double-byte one (the e2e test
// sends each kind to the bundle).
const iconvDoubleByteEncodings = /[\\/]iconv-lite[\\/]encodings$/;

function packageOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const missing = new Map();
function isMissingOptional(request) {
  if (!optionalPackages.has(packageOf(request))) return false;
  if (!missing.has(request)) {
    let absent = false;
    try {
      require.resolve(request, { paths: [workspaceRoot] });
    } catch {
      absent = true;
    }
    missing.set(request, absent);
  }
  return missing.get(request);
}

// After minification webpack only sees the minifier's source names, and for modules whose
// identifier carries a type prefix (Nx marks every .js file 'javascript/auto', .mjs files are
// 'javascript/esm') it resolves them against the wrong directory: ".../apps/node_modules/x".
// Everything under a node_modules folder is therefore re-rooted at the workspace's node_modules.
function sourcePathForMap(outputPath, info) {
  const path = String(info.absoluteResourcePath).split('\\').join('/');
  const inNodeModules = path.indexOf('node_modules/');
  const absolute =
    inNodeModules >= 0 ? join(workspaceRoot, path.slice(inNodeModules)) : path;
  return isAbsolute(absolute)
    ? relative(outputPath, absolute).split('\\').join('/')
    : `webpack:///${info.resourcePath}`;
}

// Whitespace and syntax only: identifiers (so every class and function name) stay as written.
// esbuild does it in about half terser's time; terser with keep_classnames/keep_fnames is the
// fallback when esbuild is not installed (it comes with tsx today).
function namePreservingMinifier() {
  const TerserPlugin = require('terser-webpack-plugin');
  try {
    require.resolve('esbuild', { paths: [workspaceRoot] });
    return new TerserPlugin({
      minify: TerserPlugin.esbuildMinify,
      // terser-webpack-plugin passes `minify: true` first; it must be switched off here, or
      // esbuild also renames identifiers whatever minifyIdentifiers says.
      terserOptions: {
        minify: false,
        minifyWhitespace: true,
        minifySyntax: true,
        minifyIdentifiers: false,
        target: 'node20',
      },
    });
  } catch {
    return new TerserPlugin({
      extractComments: false,
      terserOptions: {
        ecma: 2020,
        keep_classnames: true,
        keep_fnames: true,
        format: { comments: false },
      },
    });
  }
}

// npm nests a separate copy of a package wherever its hoisted version does not fit, so the same
// name@version can sit in several node_modules folders (express 5 alone brings four identical
// mime-types@3 + mime-db copies, each a 200 kB JSON table that mime-types indexes at load time).
// Bundled, every copy is parsed and run again. This points each resolved file of a package at the
// first copy seen of the same name@version (same file, same content), so only one is bundled.
// Different versions stay separate.
class DedupeIdenticalPackages {
  apply(compiler) {
    const { readFileSync } = require('fs');
    const manifests = new Map(); // package root -> 'name@version' | null
    const canonical = new Map(); // 'name@version' -> first package root seen
    const identity = (root) => {
      if (!manifests.has(root)) {
        let id = null;
        try {
          const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
          if (name && version) id = `${name}@${version}`;
        } catch {
          // no package.json at the root (or unreadable): leave the file where it is
        }
        manifests.set(root, id);
      }
      return manifests.get(root);
    };
    compiler.hooks.normalModuleFactory.tap('DedupeIdenticalPackages', (factory) => {
      factory.hooks.afterResolve.tap('DedupeIdenticalPackages', (resolveData) => {
        const data = resolveData.createData;
        const resource = data && data.resource;
        if (typeof resource !== 'string') return;
        const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(resource);
        if (!match) return;
        const root = match[1];
        const id = identity(root);
        if (!id) return;
        if (!canonical.has(id)) canonical.set(id, root);
        const target = canonical.get(id);
        if (target === root) return;
        const swap = (value) =>
          typeof value === 'string' ? value.split(root).join(target) : value;
        for (const key of ['resource', 'request', 'userRequest', 'rawRequest', 'context']) {
          data[key] = swap(data[key]);
        }
        if (data.resourceResolveData) {
          for (const key of ['path', 'descriptionFilePath', 'descriptionFileRoot', 'context']) {
            data.resourceResolveData[key] = swap(data.resourceResolveData[key]);
          }
        }
      });
    });
  }
}

// Applied after NxAppWebpackPlugin (plugins run in order), so it sees the options Nx filled in.
class LambdaBundleTweaks {
  apply(compiler) {
    const { options } = compiler;
    if (production) {
      options.optimization.minimizer = [namePreservingMinifier()];
    }
    // Nx adds source-map-loader for every .js file, node_modules included. Third-party maps only
    // make our map bigger (slower cold start under --enable-source-maps) and spam warnings about
    // sources they do not ship; our own TypeScript is mapped by ts-loader anyway.
    for (const rule of options.module.rules) {
      // ES modules (see the top of this file); ts-loader transpiles each file on its own.
      if (rule && typeof rule === 'object' && String(rule.loader).includes('ts-loader')) {
        rule.options.compilerOptions = { ...rule.options.compilerOptions, module: 'esnext' };
      }
      if (
        rule &&
        typeof rule === 'object' &&
        String(rule.loader).includes('source-map-loader')
      ) {
        rule.exclude = /node_modules/;
      }
    }
  }
}

/**
 * @param appDir the app's directory (its webpack.config.js passes __dirname)
 * @param options.unusedPackages installed packages this app never loads, left out of its bundle
 * @param options.assets files copied beside the bundle (Nx asset globs, inputs relative to the
 *   workspace root), for code that reads files at run time
 * @param options.alias webpack `resolve.alias` entries: modules this app's bundle replaces with
 *   its own (the API's no-op @nestjs/swagger decorators, for one)
 */
module.exports = function lambdaWebpackConfig(
  appDir,
  { unusedPackages = [], assets = [], alias = {} } = {},
) {
  const outputPath = join(workspaceRoot, 'dist/apps', basename(appDir));
  const unused = new Set([...unusedPackages, ...neverReachedPackages]);
  return {
    resolve: { alias: { ...standIns, ...alias } },
    output: {
      path: outputPath,
      clean: true,
      // `module.exports = <entry exports>`, so the Lambda runtime sees `module.exports.handler`.
      library: { type: 'commonjs2' },
      // Source paths relative to the map: node --enable-source-maps prints real repository paths
      // locally (/work/.../apps/x/src/...) and /var/task/apps/x/src/... on Lambda; no build-machine
      // paths end up in the artifact.
      devtoolModuleFilenameTemplate: (info) =>
        sourcePathForMap(outputPath, info),
    },
    ignoreWarnings: [
      // Nest, express and terminus load optional packages / view engines through computed
      // require() calls; webpack cannot follow them and says so. They are the fallbacks above.
      {
        module:
          /node_modules[\\/](@nestjs[\\/](common|core|terminus)|express|load-esm)[\\/]/,
        message:
          /Critical dependency: the request of a dependency is an expression/,
      },
    ],
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        externalDependencies: 'none',
        generatePackageJson: false,
        optimization: production,
        outputHashing: 'none',
        sourceMap: production ? 'nosources-source-map' : 'source-map',
        extractLicenses: false,
        assets,
      }),
      new IgnorePlugin({
        checkResource: (resource) =>
          unused.has(packageOf(resource)) || isMissingOptional(resource),
      }),
      // @nestjs/terminus probes optional packages with require(`${name}`); webpack would turn that
      // template into a context of every file under terminus/dist/utils (.d.ts and .map included)
      // and fail. An empty context keeps the runtime behaviour: "package not installed".
      new NormalModuleReplacementPlugin(/^\.\/dbcs-(codec|data)$/, (resource) => {
        if (iconvDoubleByteEncodings.test(resource.context)) {
          resource.request = join(__dirname, 'stand-ins/nothing.js');
        }
      }),
      new ContextReplacementPlugin(
        /@nestjs[\\/]terminus[\\/]dist[\\/]utils$/,
        (context) => {
          context.regExp = /^$/;
          context.recursive = false;
        },
      ),
      // Lazy import() calls (the AWS SDK's credential providers, for one) would become extra chunk
      // files; keep the promise of "one file" so the package pattern stays dist/apps/<app>/main.js*.
      new optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new DedupeIdenticalPackages(),
      new LambdaBundleTweaks(),
    ],
  };
};
