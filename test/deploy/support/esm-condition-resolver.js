// @ts-check
/**
 * Jest resolves CommonJS requires with the `require` export condition, but kubernetes-models and
 * its @kubernetes-models/* dependencies are ESM only and export nothing but `import`. Resolve those
 * with the `import` condition; the deploy project's transform then compiles them to CommonJS.
 *
 * @param {string} request
 * @param {{ defaultResolver: (request: string, options: object) => string, conditions?: string[] }} options
 */
module.exports = (request, options) =>
  options.defaultResolver(
    request,
    /^(kubernetes-models|@kubernetes-models\/)/.test(request)
      ? { ...options, conditions: ['import', 'node', 'default'] }
      : options,
  );
