/**
 * Build of the Office add-in (issue 2 §1, issue 4 §3):
 *   dist/taskpane.html   the one page of the shared runtime (office.js from Microsoft's CDN + both bundles)
 *   dist/taskpane.js     the React task pane (src/taskpane/index.tsx)
 *   dist/web.html        the web page (issue 11): the same pane over a workbook picked in the browser;
 *   dist/web.js          no office.js, nothing from outside the server (src/web/index.tsx)
 *   dist/functions.js    the DALIANBING custom functions (src/functions/functions.ts)
 *   dist/functions.json  their metadata, generated from the JSDoc (custom-functions-metadata-plugin)
 *   dist/functions-zh-cn.json  the same with Chinese help (scripts/localize-functions.js)
 *   dist/manifest.xml    the manifest; in production every https://localhost:3000/ is rewritten
 *   dist/assets/         the icons
 * Bundle names carry no hash: the manifest points at functions.js and taskpane.html by name.
 *
 * `npm run dev-server` serves on https://localhost:3000 with the Office dev certificates
 * (office-addin-dev-certs installs them on first use). For a quick look in a browser without
 * certificates: `DALIANBING_DEV_HTTP=1 npm run dev-server` (plain http; Office will not load that).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, WebpackError, sources } = require("webpack");

const DEV_URL = "https://localhost:3000/";
/**
 * Where dist/ is hosted in production. The bureau sets DALIANBING_URL to its own HTTPS server when it
 * builds (e.g. DALIANBING_URL=https://oa.example.gov.cn/dalianbing/ npm run build); the default is a
 * placeholder.
 */
const DEFAULT_PRODUCTION_URL = "https://dalianbing.example.gov.cn/addin/";
const DEV_PORT = 3000;

/** Said loudly, because a manifest with placeholder URLs installs but never loads. */
function warnPlaceholderUrl() {
  const bar = "!".repeat(78);
  process.stderr.write(
    `\n${bar}\n!! 警告：未设置 DALIANBING_URL，dist/manifest.xml 中的网址全是占位符 ${DEFAULT_PRODUCTION_URL}\n` +
      `!! 这样的清单在 Excel 中加载不出来。请用局里的 HTTPS 地址重新构建，例如：\n` +
      `!!   DALIANBING_URL=https://oa.example.gov.cn/dalianbing/ npm run build\n` +
      `!! WARNING: DALIANBING_URL is not set; every URL in dist/manifest.xml is a placeholder.\n${bar}\n\n`,
  );
}

function productionUrl() {
  if (!process.env.DALIANBING_URL) warnPlaceholderUrl();
  let url = (process.env.DALIANBING_URL || DEFAULT_PRODUCTION_URL).trim();
  if (!/^https:\/\/[^/]+/i.test(url)) {
    throw new Error(`DALIANBING_URL 必须是 https 网址（Office 只加载 https 加载项），收到 "${url}"`);
  }
  if (!url.endsWith("/")) url += "/";
  return url;
}

/** Writes functions-zh-cn.json next to functions.json once the metadata plugin has emitted it. */
class LocalizeFunctionsPlugin {
  apply(compiler) {
    const { localizeMetadata, loadHelpTable, ZH_CN_SOURCE } = require("./scripts/localize-functions.js");
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(ZH_CN_SOURCE);
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin already reported why
          const { metadata, errors } = localizeMetadata(JSON.parse(asset.source.source().toString()), loadHelpTable());
          for (const message of errors) compilation.errors.push(new WebpackError(message));
          compilation.emitAsset("functions-zh-cn.json", new sources.RawSource(`${JSON.stringify(metadata, null, 2)}\n`));
        },
      );
    });
  }
}

async function devServerOptions() {
  const headers = { "Access-Control-Allow-Origin": "*" };
  if (process.env.DALIANBING_DEV_HTTP) return { port: DEV_PORT, headers, server: "http" };
  // Loaded only when serving: the package is not needed for a build.
  const devCerts = require("office-addin-dev-certs");
  return { port: DEV_PORT, headers, server: { type: "https", options: await devCerts.getHttpsServerOptions() } };
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = production ? productionUrl() : DEV_URL;

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      web: "./src/web/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, (env && env.outDir) || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // The browser build of ExcelJS (self-contained, no Node fallbacks needed); only the web page uses it.
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.bare.min.js") },
    },
    module: {
      // Already built and minified: webpack need not parse it.
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/,
      rules: [
        {
          // chinese-days declares "type": "commonjs" yet its "module" entry is an ES module.
          test: /[\\/]node_modules[\\/]chinese-days[\\/].*\.es\.js$/,
          type: "javascript/auto",
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // `npm run typecheck` type-checks; the build only transpiles
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { noEmit: false, module: "es2020", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first: in the shared runtime they must be associated as the page starts.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({ filename: "web.html", template: "./src/web/web.html", chunks: ["web"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return production ? content.toString().split(DEV_URL).join(baseUrl) : content;
            },
          },
        ],
      }),
    ],
    performance: { hints: false }, // Fluent UI makes a large pane bundle; it is loaded once, locally cached
    devServer: serving ? await devServerOptions() : undefined,
  };
};
